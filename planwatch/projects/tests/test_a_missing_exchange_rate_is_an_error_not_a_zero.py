import datetime as dt
from decimal import Decimal

import pytest

from planwatch.lib.money import MissingRate, Money, RateTable
from planwatch.projects.queries import figures, project_amounts, rate_table
from planwatch.projects.tests.factories import make_project


def test_the_rate_table_raises_for_a_day_before_the_first_rate():
    table = RateTable.from_rows([("USD", dt.date(2020, 1, 1), Decimal("6.9762"))])
    with pytest.raises(MissingRate, match="USD"):
        table.to_cny(Money(Decimal("1"), "USD"), dt.date(2019, 12, 31))


def test_a_project_in_won_with_no_rate_shows_the_error_and_figures_leave_it_out(
    unit_a, supervisor, client
):
    project = make_project(unit_a, currency="KRW", total_planned=Decimal("1000000000"))
    total = project_amounts(project, rate_table())[0]
    assert total.cny is None and "KRW" in total.error

    result = figures(supervisor, Decimal("100000000"))
    assert result.projects == 0 and result.planned == 0
    assert list(result.errors.values()) == [1]

    client.force_login(supervisor)
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert "No exchange rate from KRW to CNY on or before 2022-01-01" in page
