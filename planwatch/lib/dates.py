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
