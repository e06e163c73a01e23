"""What projects add to the supervision dashboard: late approvals, and unit penalties.

Registered with planwatch.plans.extensions from ProjectsConfig.ready(), so that plans
(a lower layer) shows them without importing projects.
"""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.projects.queries import late_approvals, unit_project_penalties

LATE_APPROVAL_POINTS = 2
LATE_STAGE_POINTS = 1
MOST_POINTS = 20
PENALTY_RULE = gettext_lazy(
    "Projects: minus 2 points per late approval and 1 per late project stage of the "
    "projects a unit leads, at most 20."
)


def late_approvals_panel(user, filters, today: dt.date) -> tuple[str, dict] | None:
    """Projects waiting on an approval past its due date, oldest first (two queries)."""
    approvals = late_approvals(user, today)
    if getattr(filters, "unit", None):
        approvals = approvals.filter(project__lead_unit_id=filters.unit)
    shown = list(approvals[:50])
    if not shown:
        return None
    return "projects/_dashboard_late_approvals.html", {
        "approvals": [(a, (today - a.due_on).days) for a in shown],
        "count": approvals.count() if len(shown) == 50 else len(shown),
    }


def project_penalty(today: dt.date) -> dict[int, tuple[int, str]]:
    """Points off each unit's score for the projects it leads (see PENALTY_RULE)."""
    penalties = {}
    for unit_id, late in unit_project_penalties(today).items():
        points = min(
            MOST_POINTS,
            LATE_APPROVAL_POINTS * late["late_approvals"] + LATE_STAGE_POINTS * late["late_stages"],
        )
        penalties[unit_id] = (
            points,
            _("%(approvals)d late approvals, %(stages)d late project stages")
            % {"approvals": late["late_approvals"], "stages": late["late_stages"]},
        )
    return penalties
