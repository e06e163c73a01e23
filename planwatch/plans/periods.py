"""Reporting periods: pure functions of dates and a plan's reporting rule.

A plan reports every `n` months; its periods start in months 1, 1 + n, 1 + 2n, ... of each
year (the last one of a year ends on 31 December when n does not divide 12). A report is
for one period that overlaps the task's life and has begun by today; it is due on the
plan's due day of the month after its period ends.
"""

import datetime as dt

from django.utils.formats import date_format


def _index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def period_start(day: dt.date, every_months: int) -> dt.date:
    """The first day of the period that contains `day`."""
    index = _index(day)
    return _month(index - (index % 12) % every_months)


def next_period(start: dt.date, every_months: int) -> dt.date:
    """The first day of the period after the one starting on `start`."""
    following = _index(start) + every_months
    next_year = (start.year + 1) * 12
    return _month(min(following, next_year))


def period_end(start: dt.date, every_months: int) -> dt.date:
    """The last day of the period starting on `start`."""
    return next_period(start, every_months) - dt.timedelta(days=1)


def previous_period(start: dt.date, every_months: int) -> dt.date:
    return period_start(start - dt.timedelta(days=1), every_months)


def due_date(start: dt.date, every_months: int, due_day: int) -> dt.date:
    """The day a period's report is due: `due_day` of the month after the period."""
    return next_period(start, every_months).replace(day=due_day)


def task_periods(
    start_date: dt.date, deadline: dt.date | None, today: dt.date, every_months: int
) -> list[dt.date]:
    """The periods a task can be reported on today, earliest first: those overlapping its
    life (start date to deadline) that have begun by `today`."""
    last = period_start(today, every_months)
    if deadline is not None:
        last = min(last, period_start(deadline, every_months))
    periods = []
    current = period_start(start_date, every_months)
    while current <= last:
        periods.append(current)
        current = next_period(current, every_months)
    return periods


def report_due(
    start_date: dt.date,
    deadline: dt.date | None,
    today: dt.date,
    every_months: int,
    reported: set[dt.date],
) -> dt.date | None:
    """The period a unit should report on now, as the reminders ask for it: the last ended
    period of the task when it has no report, else the current one when it has none, else
    None."""
    periods = task_periods(start_date, deadline, today, every_months)
    current = period_start(today, every_months)
    ended = [p for p in periods if p < current]
    if ended and ended[-1] not in reported:
        return ended[-1]
    if periods and periods[-1] == current and current not in reported:
        return current
    return None


def period_label(start: dt.date, every_months: int) -> str:
    """ "2026-07" for a month, "2026-07 – 2026-09" for a longer period."""
    end = period_end(start, every_months)
    first = date_format(start, "Y-m")
    if end.month == start.month:
        return first
    return f"{first} – {date_format(end, 'Y-m')}"
