"""Parsing dates from people: strict, with messages that say what was wrong."""

import datetime as dt

from django.utils.translation import gettext as _


class BadDate(ValueError):
    """A date a person typed that is not a real calendar date in YYYY-MM-DD form."""


def parse_iso_date(value: str, field: str = "date") -> dt.date:
    """Parse YYYY-MM-DD, or raise BadDate naming the field and the value."""
    text = (value or "").strip()
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadDate(
            _("%(field)s: %(value)r is not a date; use YYYY-MM-DD, e.g. 2020-06-29.")
            % {"field": field, "value": value}
        ) from None


# The days a record may name. A deadline of 9999-12-31 or a start of 0001-01-01 is a typing
# slip, and the status arithmetic (a day after the deadline, weeks before it) falls off
# Python's calendar there: refused with a message instead.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)


def out_of_range(value: dt.date | dt.datetime | None) -> bool:
    if value is None:
        return False
    day = value.date() if isinstance(value, dt.datetime) else value
    return not EARLIEST <= day <= LATEST


def out_of_range_message() -> str:
    return _("The date must lie between %(earliest)s and %(latest)s.") % {
        "earliest": EARLIEST.isoformat(),
        "latest": LATEST.isoformat(),
    }


def shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, stopping at the ends of the calendar instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
