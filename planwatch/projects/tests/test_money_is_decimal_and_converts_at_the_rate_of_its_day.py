import datetime as dt
from decimal import Decimal

import pytest

from planwatch.lib.money import Money, RateTable, parse_amount

RATES = RateTable.from_rows(
    [
        ("KRW", dt.date(2020, 1, 1), Decimal("0.00602")),
        ("KRW", dt.date(2021, 1, 1), Decimal("0.00600")),
    ]
)


def test_an_amount_converts_at_the_latest_rate_on_or_before_its_day():
    won = Money(Decimal("150000000000"), "KRW")
    assert RATES.to_cny(won, dt.date(2020, 6, 29)) == Money(Decimal("903000000.00"), "CNY")
    assert RATES.to_cny(won, dt.date(2021, 1, 1)) == Money(Decimal("900000000.00"), "CNY")


def test_money_refuses_floats_and_reads_spreadsheet_numbers_exactly():
    with pytest.raises(TypeError):
        Money(0.1, "CNY")  # type: ignore[arg-type]
    assert parse_amount(0.1) + parse_amount(0.2) == Decimal("0.3")
    assert parse_amount("1,500,000.25") == Decimal("1500000.25")
