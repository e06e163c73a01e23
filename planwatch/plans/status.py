"""Status, expected progress and roll-up: pure functions of a task's facts and a date.

Nothing here touches the database or the clock, so every rule can be tested with
plain values and changed in one place.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from planwatch.lib.dates import shift


class Status(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    EXTENSION_PENDING = "extension_pending"
    COMPLETED = "completed"
    CLOSED = "closed"


LABELS = {
    Status.NOT_STARTED: _("not started"),
    Status.ON_TRACK: _("on track"),
    Status.AT_RISK: _("at risk"),
    Status.OVERDUE: _("overdue"),
    Status.EXTENSION_PENDING: _("extension pending"),
    Status.COMPLETED: _("completed"),
    Status.CLOSED: _("closed"),
}

LIGHTS = {
    Status.NOT_STARTED: "grey",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OVERDUE: "red",
    Status.EXTENSION_PENDING: "yellow",
    Status.COMPLETED: "blue",
    Status.CLOSED: "blue",
}


@dataclass(frozen=True)
class Thresholds:
    """A plan's settings: behind by `at_risk_gap` points, or within `warn_days` of the deadline."""

    at_risk_gap: int = 15
    warn_days: int = 14


@dataclass(frozen=True)
class TaskFacts:
    start_date: dt.date
    deadline: dt.date | None
    progress: int | None = None  # % of the last approved report; None when none yet
    milestones: tuple[tuple[dt.date, int], ...] = field(default_factory=tuple)
    extension_pending: bool = False
    closed: bool = False


def expected_progress(facts: TaskFacts, today: dt.date) -> int | None:
    """Where the task should be by `today`: its milestones when it has them, else time elapsed."""
    if facts.milestones:
        passed = [percent for due, percent in facts.milestones if due <= today]
        return max(passed, default=0)
    if facts.deadline is None:
        return None
    total = (facts.deadline - facts.start_date).days
    if total <= 0:
        return 100 if today >= facts.deadline else 0
    elapsed = (today - facts.start_date).days
    return max(0, min(100, round(100 * elapsed / total)))


def task_status(facts: TaskFacts, today: dt.date, thresholds: Thresholds) -> Status:
    if facts.closed:
        return Status.CLOSED
    if facts.progress is not None and facts.progress >= 100:
        return Status.COMPLETED
    if facts.extension_pending:
        return Status.EXTENSION_PENDING
    if facts.deadline is not None and today > facts.deadline:
        return Status.OVERDUE
    actual = facts.progress or 0
    expected = expected_progress(facts, today)
    if expected is not None and expected - actual >= thresholds.at_risk_gap:
        return Status.AT_RISK
    if facts.deadline is not None and (facts.deadline - today).days <= thresholds.warn_days:
        return Status.AT_RISK
    if facts.progress is None:
        return Status.NOT_STARTED
    return Status.ON_TRACK


def weighted_progress(children: list[tuple[Decimal, int]]) -> int | None:
    """A parent's progress: its children's progress weighted by their weights."""
    total = sum((weight for weight, _ in children), Decimal(0))
    if not children or total == 0:
        return None
    value = sum((weight * progress for weight, progress in children), Decimal(0)) / total
    return int(value.quantize(Decimal(1)))


@dataclass(frozen=True)
class StatusDates:
    """When a task's status changes, given its facts: `status_on` gives task_status for any
    day from these, so SQL can compare dates instead of redoing the arithmetic."""

    fixed: Status | None
    overdue_from: dt.date | None
    at_risk_from: dt.date | None
    started: bool


def status_dates(facts: TaskFacts, thresholds: Thresholds) -> StatusDates:
    """The dates of status_on's rule. At risk is monotone in time (expected progress only
    grows, the deadline only nears), so the first at-risk day is found by bisection."""
    started = facts.progress is not None
    probe = facts.deadline or facts.start_date
    at_probe = task_status(facts, probe, thresholds)
    if at_probe in (Status.CLOSED, Status.COMPLETED, Status.EXTENSION_PENDING):
        return StatusDates(at_probe, None, None, started)
    overdue_from = shift(facts.deadline, 1) if facts.deadline else None

    def at_risk(day: dt.date) -> bool:
        return task_status(facts, day, thresholds) == Status.AT_RISK

    milestone_days = sorted({due for due, _ in facts.milestones})
    if facts.deadline is None:
        first = next((d for d in milestone_days if at_risk(d)), None)
        return StatusDates(None, None, first, started)
    low = shift(min(facts.start_date, shift(facts.deadline, -thresholds.warn_days)), -1)
    high = facts.deadline
    if at_risk(low):  # a milestone due by then, or the calendar's first day, makes it so
        first = next((d for d in milestone_days if at_risk(d)), low)
        return StatusDates(None, overdue_from, first, started)
    while (high - low).days > 1:
        middle = low + (high - low) / 2
        if at_risk(middle):
            high = middle
        else:
            low = middle
    return StatusDates(None, overdue_from, high, started)


def status_on(dates: StatusDates, today: dt.date) -> Status:
    """task_status, from a task's StatusDates."""
    if dates.fixed is not None:
        return dates.fixed
    if dates.overdue_from is not None and today >= dates.overdue_from:
        return Status.OVERDUE
    if dates.at_risk_from is not None and today >= dates.at_risk_from:
        return Status.AT_RISK
    return Status.ON_TRACK if dates.started else Status.NOT_STARTED
