"""The dashboard's cache: TaskFigures and ReportingFigures, always rebuilt from the facts.

The status rule stays in status.py and the facts in queries.task_facts (the same ones the
task page uses); this module only stores status_dates() per task and report counts per
unit and plan, so that the dashboard aggregates plain columns. Saving any record a figure
rests on refreshes it in the same transaction; `planwatch figures --rebuild` recomputes
everything (after bulk loads or queryset.update(), which send no signals).
"""

from collections.abc import Iterable

from django.db.models import Count, F, Func, Q
from django.db.models.signals import post_save
from django.utils import timezone

from planwatch.plans.models import (
    Assignment,
    ExtensionRequest,
    FiguresGeneration,
    Milestone,
    Plan,
    ProgressReport,
    ReportingFigures,
    Task,
    TaskFigures,
)
from planwatch.plans.queries import task_facts, thresholds_of
from planwatch.plans.status import status_dates

CHUNK = 2000


class ReportDueEnd(Func):
    """The instant a report stops being on time: the end of the plan's due day in the month
    after its period (period start + `months` months + `day` days), as UTC, `offset`
    minutes ahead of UTC being the site's zone."""

    output_field = ProgressReport._meta.get_field("submitted_at")

    def __init__(self, period_start, months, day, offset: int) -> None:
        super().__init__(period_start, months, day)
        self.offset = offset

    def _parts(self, compiler):
        compiled = [compiler.compile(e) for e in self.source_expressions]
        return [sql for sql, _ in compiled], tuple(p for _, ps in compiled for p in ps)

    def as_sqlite(self, compiler, connection, **extra):
        (start, months, day), params = self._parts(compiler)
        sql = (
            f"strftime('%%Y-%%m-%%d %%H:%%M:%%S', {start}, 'start of month', "
            f"'+' || ({months}) || ' months', '+' || ({day}) || ' days', "
            f"'-{int(self.offset)} minutes')"
        )
        return sql, params

    def as_postgresql(self, compiler, connection, **extra):
        (start, months, day), params = self._parts(compiler)
        sql = (
            f"((date_trunc('month', {start}) + make_interval(months => {months}, "
            f"days => {day}, mins => -{int(self.offset)})) AT TIME ZONE 'UTC')"
        )
        return sql, params


def utc_offset_minutes() -> int:
    """The site zone's current offset from UTC, in minutes."""
    return int(timezone.localtime().utcoffset().total_seconds() // 60)


def _closed_on_time(task: Task) -> bool | None:
    if task.closed_at is None or task.deadline is None:
        return None
    return timezone.localdate(task.closed_at) <= task.deadline


def _figures(tasks: list[Task]) -> list[TaskFigures]:
    facts = task_facts(tasks)
    rows = []
    for task in tasks:
        dates = status_dates(facts[task.pk], thresholds_of(task.plan))
        rows.append(
            TaskFigures(
                task_id=task.pk,
                plan_id=task.plan_id,
                lead_unit_id=task.lead_unit_id,
                deadline=task.deadline,
                fixed_status=dates.fixed.value if dates.fixed else "",
                overdue_from=dates.overdue_from,
                at_risk_from=dates.at_risk_from,
                started=dates.started,
                progress=facts[task.pk].progress,
                closed_on_time=_closed_on_time(task),
            )
        )
    return rows


def _ancestors(task_ids: set[int]) -> set[int]:
    """The tasks and every task above them (a parent's progress rolls up its children's)."""
    found = set(task_ids)
    level = set(task_ids)
    while level:
        parents = set(
            Task.objects.filter(pk__in=level, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        level = parents - found
        found |= level
    return found


def bump_generation() -> None:
    """Mark every DashboardSummary stale (in the transaction of the change)."""
    if not FiguresGeneration.objects.filter(pk=1).update(number=F("number") + 1):
        FiguresGeneration.objects.get_or_create(pk=1, defaults={"number": 1})


def refresh_tasks(task_ids: Iterable[int]) -> None:
    """Recompute the figures of these tasks and of the tasks above them."""
    ids = _ancestors({pk for pk in task_ids if pk is not None})
    if not ids:
        return
    bump_generation()
    TaskFigures.objects.filter(task_id__in=ids).delete()
    tasks = list(Task.objects.active().filter(pk__in=ids).select_related("plan"))
    TaskFigures.objects.bulk_create(_figures(tasks))


def _reporting_counts(reports) -> list[dict]:
    """Reports and reports on time per unit and plan: the first report of each period
    only, so that a revision (or the answer to a returned report) neither adds a report
    nor turns a late one into an on-time one."""
    due_end = ReportDueEnd(
        F("period_start"),
        F("assignment__task__plan__report_every_months"),
        F("assignment__task__plan__report_due_day"),
        utc_offset_minutes(),
    )
    return list(
        reports.filter(
            archived_at__isnull=True, assignment__archived_at__isnull=True, revises__isnull=True
        )
        .order_by()
        .values("assignment__unit_id", "assignment__task__plan_id")
        .annotate(n=Count("pk"), on_time=Count("pk", filter=Q(submitted_at__lt=due_end)))
    )


def refresh_reporting(unit_id: int, plan_id: int) -> None:
    """Recount one unit's reports on one plan."""
    rows = _reporting_counts(
        ProgressReport.objects.filter(
            assignment__unit_id=unit_id, assignment__task__plan_id=plan_id
        )
    )
    n, on_time = (rows[0]["n"], rows[0]["on_time"]) if rows else (0, 0)
    ReportingFigures.objects.update_or_create(
        unit_id=unit_id, plan_id=plan_id, defaults={"reports": n, "on_time": on_time}
    )


def rebuild(say=lambda text: None) -> None:
    """Recompute every figure from the facts."""
    bump_generation()
    TaskFigures.objects.all().delete()
    ids = list(Task.objects.active().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        tasks = list(Task.objects.filter(pk__in=chunk).select_related("plan"))
        TaskFigures.objects.bulk_create(_figures(tasks))
        if (start // CHUNK) % 25 == 24 or start + CHUNK >= len(ids):
            say(f"{start + len(chunk)} tasks")
    ReportingFigures.objects.all().delete()
    ReportingFigures.objects.bulk_create(
        ReportingFigures(
            unit_id=row["assignment__unit_id"],
            plan_id=row["assignment__task__plan_id"],
            reports=row["n"],
            on_time=row["on_time"],
        )
        for row in _reporting_counts(ProgressReport.objects.all())
    )
    say("reporting counts")


def _task_changed(sender, instance: Task, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh_tasks([instance.pk])


def _part_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh_tasks([instance.task_id])


def _report_changed(sender, instance: ProgressReport, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    assignment = Assignment.objects.select_related("task").get(pk=instance.assignment_id)
    refresh_tasks([assignment.task_id])
    refresh_reporting(assignment.unit_id, assignment.task.plan_id)


def _plan_changed(sender, instance: Plan, raw: bool = False, created: bool = False, **kwargs):
    if not raw and not created:
        refresh_tasks(Task.objects.filter(plan=instance).values_list("pk", flat=True))


def connect() -> None:
    """Called from the app's ready(): keep the cache in step with every save."""
    post_save.connect(_task_changed, sender=Task, dispatch_uid="figures-task")
    for model in (Assignment, Milestone, ExtensionRequest):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"figures-{model.__name__}")
    post_save.connect(_report_changed, sender=ProgressReport, dispatch_uid="figures-report")
    post_save.connect(_plan_changed, sender=Plan, dispatch_uid="figures-plan")
