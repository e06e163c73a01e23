"""Money as Decimal with a currency, and conversion at dated exchange rates.

Floats round 0.1 + 0.2 wrongly and a ledger that sums millions of rows drifts; every
amount here is a Decimal, every rate too. A missing rate raises MissingRate so that a
page can say which rate is missing instead of counting the amount as zero.
"""

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

BASE_CURRENCY = "CNY"
CENT = Decimal("0.01")
# Minor units per currency (ISO 4217): the won has none.
EXPONENT = {"CNY": CENT, "USD": CENT, "KRW": Decimal("1")}
YI = Decimal("100000000")  # 亿, the unit Chinese investment figures are quoted in
WAN = Decimal("10000")  # 万


class MissingRate(LookupError):
    """No exchange rate for a currency on or before a date."""

    def __init__(self, currency: str, day: dt.date) -> None:
        self.currency, self.day = currency, day
        super().__init__(
            _("No exchange rate from %(currency)s to CNY on or before %(day)s.")
            % {"currency": currency, "day": day.isoformat()}
        )


class BadAmount(ValueError):
    """Text that is not an amount of money."""


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money amounts are Decimal, never float.")

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError(f"Cannot add {other.currency} to {self.currency}.")
        return Money(self.amount + other.amount, self.currency)

    def rounded(self) -> "Money":
        exponent = EXPONENT.get(self.currency, CENT)
        return Money(self.amount.quantize(exponent, rounding=ROUND_HALF_UP), self.currency)


def parse_amount(value: object) -> Decimal:
    """A Decimal from what a person typed or a spreadsheet cell held (commas allowed)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # Spreadsheets store numbers as binary floats; their shortest repr is what was typed.
        return Decimal(repr(value))
    text = str(value or "").strip().replace(",", "").replace("，", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise BadAmount(_("%(value)r is not an amount.") % {"value": value}) from None
    if not amount.is_finite():
        raise BadAmount(_("%(value)r is not an amount.") % {"value": value})
    return amount


@dataclass
class RateTable:
    """Rates to CNY per currency, each valid from its date until the next one.

    Built once per request from the database rows, then used for thousands of
    conversions without a query each.
    """

    _days: dict[str, list[dt.date]] = field(default_factory=dict)
    _rates: dict[str, list[Decimal]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, dt.date, Decimal]]) -> "RateTable":
        table = cls()
        for currency, day, rate in sorted(rows, key=lambda r: (r[0], r[1])):
            table._days.setdefault(currency, []).append(day)
            table._rates.setdefault(currency, []).append(rate)
        return table

    def rate(self, currency: str, day: dt.date) -> Decimal:
        """CNY per one unit of `currency` on `day`; raises MissingRate."""
        if currency == BASE_CURRENCY:
            return Decimal(1)
        days = self._days.get(currency, [])
        index = bisect.bisect_right(days, day) - 1
        if index < 0:
            raise MissingRate(currency, day)
        return self._rates[currency][index]

    def to_cny(self, money: Money, day: dt.date) -> Money:
        return Money(money.amount * self.rate(money.currency, day), BASE_CURRENCY).rounded()


def format_amount(amount: Decimal, currency: str) -> str:
    """An amount with thousands separators and its currency's minor units."""
    exponent = EXPONENT.get(currency, CENT)
    return f"{amount.quantize(exponent, rounding=ROUND_HALF_UP):,} {currency}"


def in_yi(amount: Decimal) -> Decimal:
    """CNY in hundreds of millions (亿元), to two places, as reports quote it."""
    return (amount / YI).quantize(CENT, rounding=ROUND_HALF_UP)
