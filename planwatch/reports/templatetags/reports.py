"""Filters for the documents' stored content: names kept in both languages, rates, dates."""

import datetime as dt

from django import template

from planwatch.lib.models import pick_language
from planwatch.plans.status import LABELS, Status

register = template.Library()


@register.filter
def lang(names) -> str:
    """{"en": ..., "zh": ...} in the reader's language."""
    if not isinstance(names, dict):
        return "" if names is None else str(names)
    return pick_language(names.get("en", ""), names.get("zh", ""))


@register.filter
def percent(value) -> str:
    """A rate 0..1 as a whole percentage; "—" when there was nothing to count."""
    if value is None:
        return "—"
    return f"{round(100 * float(value))}%"


@register.filter
def isodate(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@register.filter
def get(mapping, key):
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def status_label(value) -> str:
    """A stored status value in the reader's language."""
    try:
        return str(LABELS[Status(value)])
    except ValueError:
        return str(value)
