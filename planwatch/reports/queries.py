"""What each user may see of the supervision documents, and the read models behind them."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from planwatch.accounts.models import Role
from planwatch.directory.models import Organisation
from planwatch.plans.models import Assignment, Plan, ProgressReport, Task, TaskFigures
from planwatch.plans.queries import status_condition
from planwatch.plans.status import Status
from planwatch.reports.models import Bulletin, Card, Instruction, Ladder, Notice, NoticeSeries

DRAFTS = [Notice.State.PROPOSED, Notice.State.DISMISSED]
ISSUED_STATES = [Notice.State.ISSUED, Notice.State.ANSWERED, Notice.State.WITHDRAWN]


def notices_visible_to(user) -> QuerySet[Notice]:
    """Everything for those who read everything; for a unit officer, the notices issued to
    their own unit (never proposals)."""
    notices = Notice.objects.active()
    if not user.is_authenticated:
        return notices.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        if user.unit_id is None:
            return notices.none()
        return notices.filter(unit_id=user.unit_id).exclude(state__in=DRAFTS)
    return notices


def ladder_of(plan: Plan) -> Ladder:
    """The plan's ladder, or an unsaved one holding the defaults."""
    try:
        return plan.ladder
    except Ladder.DoesNotExist:
        return Ladder(plan=plan)


def series_for(plan: Plan | None, kind: str) -> NoticeSeries | None:
    """The plan's own series for this kind, else the office's."""
    mine = Q(plan=plan) if plan is not None else Q(pk__in=[])
    found = (
        NoticeSeries.objects.active()
        .filter(mine | Q(plan__isnull=True), kind=kind)
        .order_by("plan_id")  # NULL sorts first on SQLite, last on PostgreSQL
    )
    rows = list(found)
    own = [s for s in rows if s.plan_id is not None]
    return (own or rows or [None])[0]


@dataclass(frozen=True)
class Facts:
    """A task's facts on a day, as a notice freezes them."""

    task: Task
    deadline: dt.date | None
    last_report_on: dt.date | None
    last_percent: int | None
    days_overdue: int


def overdue_figures(today: dt.date, more_than_days: int = 0) -> QuerySet[TaskFigures]:
    """Overdue tasks whose deadline passed more than `more_than_days` days before today."""
    cutoff = today - dt.timedelta(days=more_than_days)
    return TaskFigures.objects.filter(status_condition(Status.OVERDUE, today), deadline__lt=cutoff)


def facts_of(tasks: list[Task], unit_id: int, today: dt.date) -> dict[int, Facts]:
    """The facts of each task for the unit's share: its latest report (any state) and the
    % of its latest approved one; days overdue counted from the deadline."""
    last: dict[int, dt.date] = {}
    percent: dict[int, int] = {}
    reports = (
        ProgressReport.objects.active()
        .filter(assignment__task__in=tasks, assignment__unit_id=unit_id)
        .order_by("-period_start", "-submitted_at")
        .values_list("assignment__task_id", "submitted_at", "state", "percent_complete")
    )
    for task_id, submitted_at, state, percent_complete in reports:
        if submitted_at is not None:
            day = submitted_at.date()
            last[task_id] = max(last.get(task_id, day), day)
        if state == ProgressReport.State.APPROVED and task_id not in percent:
            percent[task_id] = percent_complete
    return {
        task.pk: Facts(
            task=task,
            deadline=task.deadline,
            last_report_on=last.get(task.pk),
            last_percent=percent.get(task.pk),
            days_overdue=(today - task.deadline).days if task.deadline else 0,
        )
        for task in tasks
    }


def overdue_by_unit(
    today: dt.date, more_than_days: int, plan: Plan | None = None
) -> dict[tuple[int, int], list[int]]:
    """{(lead unit id, plan id): [task ids]} of the tasks overdue by more than the days."""
    figures = overdue_figures(today, more_than_days).filter(lead_unit__isnull=False)
    if plan is not None:
        figures = figures.filter(plan=plan)
    grouped: dict[tuple[int, int], list[int]] = defaultdict(list)
    rows = figures.order_by("lead_unit_id", "plan_id", "deadline").values_list(
        "lead_unit_id", "plan_id", "task_id"
    )
    for unit_id, plan_id, task_id in rows:
        grouped[(unit_id, plan_id)].append(task_id)
    return grouped


def units_named(ids) -> dict[int, Organisation]:
    return Organisation.objects.in_bulk(list(ids))


def cards_visible_to(user) -> QuerySet[Card]:
    """Everything for those who read everything; a unit officer sees their unit's cards."""
    cards = Card.objects.active()
    if not user.is_authenticated:
        return cards.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        if user.unit_id is None:
            return cards.none()
        return cards.filter(unit_id=user.unit_id)
    return cards


def live_cards_by_unit() -> dict[int, dict[str, int]]:
    """{unit id: {"red": n, "yellow": n}} of the cards not withdrawn (one query)."""
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"red": 0, "yellow": 0})
    rows = (
        Card.objects.active()
        .filter(withdrawn_on__isnull=True)
        .order_by()
        .values("unit_id", "colour")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "colour", "n")
    )
    for unit_id, colour, n in rows:
        counts[unit_id][colour] = n
    return dict(counts)


def bulletins_visible_to(user) -> QuerySet[Bulletin]:
    """Every bulletin for those who read everything; a unit officer sees the bulletins of
    everything and of plans, and those about their own unit."""
    bulletins = Bulletin.objects.active()
    if not user.is_authenticated:
        return bulletins.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        return bulletins.filter(Q(unit__isnull=True) | Q(unit_id=user.unit_id))
    return bulletins


def instructions_visible_to(user) -> QuerySet[Instruction]:
    """Everything for those who read everything; a unit officer sees the instructions on
    tasks their unit is assigned to, on their unit's major issues, and on notices issued
    to their unit."""
    instructions = Instruction.objects.active()
    if not user.is_authenticated:
        return instructions.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        if user.unit_id is None:
            return instructions.none()
        mine = Assignment.objects.filter(unit_id=user.unit_id, archived_at__isnull=True)
        return instructions.filter(
            Q(task_id__in=mine.values("task_id"))
            | Q(issue__assignment__unit_id=user.unit_id)
            | Q(notice__unit_id=user.unit_id, notice__state__in=ISSUED_STATES)
        )
    return instructions
