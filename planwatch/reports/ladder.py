"""The escalation ladder: each day, propose the notices that overdue tasks and unanswered
notices call for, for a supervisor to confirm.

A task overdue by more than a rung's days (the plan's Ladder) earns that rung's notice
unless a live notice (proposed, issued or answered) of that rung or higher already covers
it. An issued notice left unanswered past its due date climbs one rung. Dismissed
proposals are a supervisor's decision and are not proposed again. Running the job twice
on one day proposes nothing twice. `today` is always an argument.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from planwatch.audit.actions import record_created
from planwatch.plans.models import Plan, Task
from planwatch.reports.models import LADDER, Notice, NoticeKind, NoticeTask, level
from planwatch.reports.queries import facts_of, ladder_of, overdue_figures

LIVE = [Notice.State.PROPOSED, Notice.State.ISSUED, Notice.State.ANSWERED]
ABOVE = {
    NoticeKind.URGING: NoticeKind.SUPERVISION,
    NoticeKind.SUPERVISION: NoticeKind.SUMMONS,
    NoticeKind.SUMMONS: NoticeKind.CRITICISM,
}


def rung(days_overdue: int, thresholds: dict[str, int]) -> str | None:
    """The highest rung whose threshold the days overdue exceed, or None."""
    found = None
    for kind in LADDER:
        if days_overdue > thresholds[kind]:
            found = kind
    return found


def default_response() -> str:
    return _(
        "State the reasons for the delay, the measures taken and the date by which the "
        "task will be completed, with evidence."
    )


@dataclass
class Proposed:
    notices: int = 0
    tasks: int = 0
    escalations: int = 0


def _propose(unit_id: int, plan: Plan, kind: str, tasks: list[Task], today, source=None):
    notice = Notice.objects.create(
        kind=kind,
        state=Notice.State.PROPOSED,
        plan=plan,
        unit_id=unit_id,
        required_response=default_response(),
        proposed_on=today,
        escalated_from=source,
    )
    facts = facts_of(tasks, unit_id, today)
    NoticeTask.objects.bulk_create(
        [
            NoticeTask(
                notice=notice,
                task=task,
                reference=task.reference,
                title=task.title_zh or task.title_en,
                deadline=facts[task.pk].deadline,
                last_report_on=facts[task.pk].last_report_on,
                last_percent=facts[task.pk].last_percent,
                days_overdue=facts[task.pk].days_overdue,
            )
            for task in tasks
        ]
    )
    record_created(None, notice, _("proposed by the escalation ladder"))
    return notice


def _highest_live_rungs(task_ids: list[int], unit_of: dict[int, int]) -> dict[int, int]:
    """{task id: highest rung of a live notice to the task's lead unit about it}."""
    rows = NoticeTask.objects.filter(
        task_id__in=task_ids, notice__state__in=LIVE, notice__archived_at__isnull=True
    ).values_list("task_id", "notice__unit_id", "notice__kind")
    found: dict[int, int] = {}
    for task_id, unit_id, kind in rows:
        if unit_of.get(task_id) == unit_id:
            found[task_id] = max(found.get(task_id, 0), level(kind))
    return found


@transaction.atomic
def escalate_unanswered(today: dt.date) -> int:
    """Propose the next rung for each issued notice unanswered past its due date."""
    count = 0
    late = (
        Notice.objects.active()
        .filter(state=Notice.State.ISSUED, answer_due__lt=today)
        .exclude(kind=NoticeKind.CRITICISM)
        .exclude(escalations__isnull=False)
        .select_related("plan")
    )
    for notice in late:
        tasks = [item.task for item in notice.items.select_related("task")]
        _propose(notice.unit_id, notice.plan, ABOVE[notice.kind], tasks, today, source=notice)
        count += 1
    return count


@transaction.atomic
def propose_notices(today: dt.date) -> Proposed:
    """The day's proposals: escalations first, then the rungs that overdue tasks reached."""
    result = Proposed(escalations=escalate_unanswered(today))
    for plan in Plan.objects.active().order_by("code"):
        ladder = ladder_of(plan)
        thresholds = {kind: ladder.threshold(kind) for kind in LADDER}
        rows = list(
            overdue_figures(today, ladder.urging_after)
            .filter(plan=plan, lead_unit__isnull=False)
            .values_list("task_id", "lead_unit_id", "deadline")
        )
        if not rows:
            continue
        unit_of = {task_id: unit_id for task_id, unit_id, _deadline in rows}
        live = _highest_live_rungs(list(unit_of), unit_of)
        wanted: dict[tuple[int, str], list[int]] = defaultdict(list)
        for task_id, unit_id, deadline in rows:
            kind = rung((today - deadline).days, thresholds)
            if kind is not None and level(kind) > live.get(task_id, 0):
                wanted[(unit_id, kind)].append(task_id)
        tasks = Task.objects.in_bulk([pk for ids in wanted.values() for pk in ids])
        for (unit_id, kind), task_ids in sorted(wanted.items()):
            ordered = sorted((tasks[pk] for pk in task_ids), key=lambda t: t.reference)
            _propose(unit_id, plan, kind, ordered, today)
            result.notices += 1
            result.tasks += len(task_ids)
    return result
