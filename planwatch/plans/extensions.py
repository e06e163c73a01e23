"""Hooks for the apps above plans: extra panels on the supervision dashboard and penalties
on the unit scores.

plans is layer 3 and never imports the apps above it (projects is layer 4); they register
their functions here, e.g. from their AppConfig.ready(). Each hook runs under a fixed query
budget so that the dashboard's query count stays bounded whatever is registered.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

PANEL_QUERY_LIMIT = 3
PENALTY_QUERY_LIMIT = 3

Panel = Callable[[Any, Any, dt.date], tuple[str, dict] | None]
Penalty = Callable[[dt.date], dict[int, tuple[int, str]]]

_panels: list[Panel] = []
_penalties: list[tuple[Penalty, str]] = []


class QueryBudgetExceeded(RuntimeError):
    """A hook ran more queries than its budget: the dashboard's bound would no longer hold."""


def register_dashboard_panel(fn: Panel) -> Panel:
    """fn(user, filters, today) -> (template name, context) or None (nothing to show).
    Panels render after the built-in ones, in the order registered."""
    if fn not in _panels:
        _panels.append(fn)
    return fn


def unregister_dashboard_panel(fn: Panel) -> None:
    if fn in _panels:
        _panels.remove(fn)


def register_unit_penalty(fn: Penalty, rule: str = "") -> Penalty:
    """fn(today) -> {unit id: (points, explanation)}; the points are subtracted from the
    unit's score. `rule` (else the first line of fn's docstring) is added to the scoring
    rule's text."""
    if all(known is not fn for known, _ in _penalties):
        text = rule or (fn.__doc__ or "").strip().split("\n")[0]
        _penalties.append((fn, text))
    return fn


def unregister_unit_penalty(fn: Penalty) -> None:
    _penalties[:] = [(known, text) for known, text in _penalties if known is not fn]


@contextmanager
def _budget(name: str, limit: int) -> Iterator[None]:
    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        yield
    if count > limit:
        raise QueryBudgetExceeded(f"{name} ran {count} queries; its budget is {limit}.")


def _name(fn: Callable) -> str:
    return f"{fn.__module__}.{getattr(fn, '__qualname__', repr(fn))}"


def dashboard_panels(request: HttpRequest, filters, today: dt.date) -> list[SafeString]:
    """The registered panels' HTML. A panel is rendered inside its budget, so that lazy
    querysets in its context count too."""
    html = []
    for fn in list(_panels):
        with _budget(_name(fn), PANEL_QUERY_LIMIT):
            panel = fn(request.user, filters, today)
            if panel is not None:
                template_name, context = panel
                html.append(render_to_string(template_name, context, request))
    return html


def unit_penalties(today: dt.date) -> dict[int, tuple[int, str]]:
    """{unit id: (points, explanation)} summed over the registered penalties; units with
    no points are left out."""
    total: dict[int, tuple[int, str]] = {}
    for fn, _ in list(_penalties):
        with _budget(_name(fn), PENALTY_QUERY_LIMIT):
            found = fn(today)
        for unit_id, (points, explanation) in found.items():
            if not points:
                continue
            before, reasons = total.get(unit_id, (0, ""))
            total[unit_id] = (
                before + points,
                f"{reasons}; {explanation}" if reasons else explanation,
            )
    return total


def penalty_rules() -> list[str]:
    """The registered penalties' rules, for the scoring rule's text."""
    return [str(text) for _, text in _penalties if text]


def query_budget() -> int:
    """The most queries all registered hooks together may add to one dashboard."""
    return PANEL_QUERY_LIMIT * len(_panels) + PENALTY_QUERY_LIMIT * len(_penalties)
