"""A project's light on the map and the time board: pure functions of its facts and a date.

Nothing here reads the database or the clock, so each rule is tested with plain values.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

WARN_DAYS = 30


class Light(StrEnum):
    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    STOPPED = "stopped"


LIGHTS = list(Light)
LABELS = {
    Light.DONE: _("done"),
    Light.ON_TRACK: _("on track"),
    Light.AT_RISK: _("at risk"),
    Light.OVERDUE: _("overdue"),
    Light.STOPPED: _("dormant or lost"),
}
COLOURS = {
    Light.DONE: "#1a73e8",
    Light.ON_TRACK: "#1e8e3e",
    Light.AT_RISK: "#e8a200",
    Light.OVERDUE: "#c5221f",
    Light.STOPPED: "#80868b",
}


@dataclass(frozen=True)
class Schedule:
    """What the light needs, cached on the project (see actions.refresh_schedule)."""

    next_approval_due: dt.date | None
    next_milestone_due: dt.date | None
    slipped: bool


def schedule_of(
    stage_index: int,
    stages: list[tuple[int, dt.date | None, dt.date | None]],
    approvals: list[tuple[bool, dt.date | None]],
) -> Schedule:
    """From (stage index, planned, reached) rows and (done, due) approvals."""
    pending_stages = [
        planned
        for index, planned, reached in stages
        if index > stage_index and reached is None and planned is not None
    ]
    pending_approvals = [due for done, due in approvals if not done and due is not None]
    slipped = any(
        planned is not None and reached is not None and reached > planned
        for _, planned, reached in stages
    )
    return Schedule(
        next_approval_due=min(pending_approvals, default=None),
        next_milestone_due=min(pending_stages, default=None),
        slipped=slipped,
    )


def light(
    *,
    finished: bool,
    side_status: str,
    schedule: Schedule,
    today: dt.date,
    warn_days: int = WARN_DAYS,
) -> Light:
    """Done when in production (unless an approval is past due); overdue when an approval or
    the next stage is past due, or the project is marked delayed; at risk when one falls due
    within `warn_days` or a stage slipped."""
    if side_status in ("dormant", "lost"):
        return Light.STOPPED
    dues = [d for d in (schedule.next_approval_due, schedule.next_milestone_due) if d]
    overdue = side_status == "delayed" or any(d < today for d in dues)
    if finished:
        return Light.OVERDUE if overdue else Light.DONE
    if overdue:
        return Light.OVERDUE
    if schedule.slipped or any((d - today).days <= warn_days for d in dues):
        return Light.AT_RISK
    return Light.ON_TRACK
