import datetime as dt
from decimal import Decimal

from planwatch.projects import actions
from planwatch.projects.queries import figures
from planwatch.projects.tests.factories import make_project


def test_a_won_project_counts_by_its_yuan_value(unit_a, supervisor, client):
    actions.do_add_rate(
        supervisor, currency="KRW", valid_from=dt.date(2021, 1, 1), cny_per_unit=Decimal("0.006")
    )
    make_project(unit_a, "small", total_planned=Decimal("99999999.99"))
    make_project(
        unit_a,
        "won",
        currency="KRW",
        total_planned=Decimal("20000000000"),
        total_completed=Decimal("10000000000"),
    )
    result = figures(supervisor, Decimal("100000000"))
    assert result.projects == 2 and result.above_threshold == 1
    assert result.planned == Decimal("99999999.99") + Decimal("120000000.000")
    assert result.completed == Decimal("60000000.000")

    client.force_login(supervisor)
    page = client.get("/projects/figures/?threshold=1").content.decode()
    assert '<div class="figure" id="above-threshold">1</div>' in page
    assert "<svg" in page
