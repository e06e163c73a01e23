"""Read models of the supervision dashboard: figures per plan and per unit, and the lists
behind them.

Status is computed, never stored: figures.py caches each task's status *dates* (from the
same facts and status.py rules as the task page), and `status_expression` turns them into
today's status inside SQL, so that counting 200,000 tasks by status is one aggregate query.
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _

from planwatch.accounts.rules import sees_everything
from planwatch.audit.models import AuditEvent
from planwatch.directory.models import Organisation
from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.plans.extensions import unit_penalties
from planwatch.plans.figures import ReportDueEnd, utc_offset_minutes
from planwatch.plans.models import (
    Assignment,
    DashboardSummary,
    FiguresGeneration,
    MajorIssue,
    Plan,
    ProgressReport,
    ReportingFigures,
    Task,
    TaskFigures,
)
from planwatch.plans.queries import reports_visible_to, status_condition, tasks_visible_to
from planwatch.plans.scoring import UnitCounts, penalised, ranks, rate, unit_score
from planwatch.plans.status import Status

LIST_LIMIT = 20


def status_expression(today: dt.date) -> Case:
    """status.status_on over TaskFigures columns."""
    return Case(
        When(~Q(fixed_status=""), then=F("fixed_status")),
        When(overdue_from__lte=today, then=Value(Status.OVERDUE.value)),
        When(at_risk_from__lte=today, then=Value(Status.AT_RISK.value)),
        When(started=True, then=Value(Status.ON_TRACK.value)),
        default=Value(Status.NOT_STARTED.value),
        output_field=CharField(),
    )


@dataclass(frozen=True)
class Filters:
    """The dashboard's filters, named as the task list's query string names them: `plan`
    (code), `unit` (organisation id: tasks the unit is assigned to, as lead or co-unit),
    `status`, `deadline_from`, `deadline_to`; `role=lead` narrows `unit` to tasks it leads."""

    plan: str = ""
    unit: int | None = None
    status: str = ""
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    lead: bool = False

    @classmethod
    def parse(cls, data) -> tuple["Filters", dict[str, str]]:
        """Filters from a query string; bad values are left out and named in `errors`, by
        the label the reader sees."""
        errors: dict[str, str] = {}
        values: dict = {"plan": (data.get("plan") or "").strip()}
        unit = (data.get("unit") or "").strip()
        if unit.isdigit():
            values["unit"] = int(unit)
        elif unit:
            errors["unit"] = _("Unit: “%(value)s” is not one of the units listed.") % {
                "value": unit[:100]
            }
        status = (data.get("status") or "").strip()
        if status in {s.value for s in Status}:
            values["status"] = status
        elif status:
            errors["status"] = _("Status: “%(value)s” is not one of the statuses listed.") % {
                "value": status[:100]
            }
        labels = {"deadline_from": _("Deadline from"), "deadline_to": _("Deadline until")}
        for name, label in labels.items():
            text = (data.get(name) or "").strip()
            if text:
                try:
                    values[name] = parse_iso_date(text, name)
                except BadDate:
                    errors[name] = _(
                        "%(label)s: “%(value)s” is not a date; write it as year-month-day, "
                        "for example 2026-07-01."
                    ) % {"label": label, "value": text[:100]}
        values["lead"] = data.get("role") == "lead"
        return cls(**values), errors

    def params(self, **overrides) -> dict[str, str]:
        merged = replace(self, **overrides)
        pairs = {
            "plan": merged.plan,
            "unit": merged.unit,
            "role": "lead" if merged.lead and merged.unit else "",
            "status": merged.status,
            "deadline_from": merged.deadline_from and merged.deadline_from.isoformat(),
            "deadline_to": merged.deadline_to and merged.deadline_to.isoformat(),
        }
        return {k: str(v) for k, v in pairs.items() if v not in (None, "")}

    def query(self, **overrides) -> str:
        return urlencode(self.params(**overrides))


def task_list_url(filters: Filters, **overrides) -> str:
    """The list behind a figure: the loop's task list, whose filters are the same; ours
    when the figure counts the tasks a unit leads (that list counts co-units too)."""
    query = filters.query(**overrides)
    name = "dashboard:tasks" if replace(filters, **overrides).lead else "plans:tasks"
    return f"{reverse(name)}?{query}" if query else reverse(name)


def visible_task_ids(user) -> list[int] | None:
    """A unit officer's task ids (a few hundred at most), or None for those who read
    everything. Same rule as queries.tasks_visible_to, driven from the unit's assignments:
    its per-task EXISTS scans all 200,000 tasks (measured 80 ms a call)."""
    if sees_everything(user):
        return None
    if user.unit_id is None or not user.is_active:
        return []
    mine = Assignment.objects.filter(
        unit_id=user.unit_id, archived_at__isnull=True, task__archived_at__isnull=True
    )
    return sorted(set(mine.values_list("task_id", flat=True)))


def figures_in_scope(user, filters: Filters, today: dt.date) -> QuerySet[TaskFigures]:
    """TaskFigures of the visible tasks matching the filters, with `status` annotated."""
    figures = TaskFigures.objects.all()
    visible = visible_task_ids(user)
    if visible is not None:
        figures = figures.filter(task_id__in=visible)
    if filters.plan:
        figures = figures.filter(plan__code=filters.plan)
    if filters.unit and filters.lead:
        figures = figures.filter(lead_unit_id=filters.unit)
    elif filters.unit:
        assigned = Assignment.objects.filter(
            task=OuterRef("task_id"), unit_id=filters.unit, archived_at__isnull=True
        )
        figures = figures.filter(Exists(assigned))
    if filters.deadline_from:
        figures = figures.filter(deadline__gte=filters.deadline_from)
    if filters.deadline_to:
        figures = figures.filter(deadline__lte=filters.deadline_to)
    if filters.status:
        figures = figures.filter(status_condition(Status(filters.status), today))
    return figures.annotate(status=status_expression(today))


def task_list(user, filters: Filters, today: dt.date) -> QuerySet[TaskFigures]:
    """The drill-down list: figures with their task, plan and lead unit, soonest first."""
    return (
        figures_in_scope(user, filters, today)
        .select_related("task", "plan", "lead_unit")
        .order_by(F("deadline").asc(nulls_last=True), "task__reference")
    )


def _grouped(figures: QuerySet[TaskFigures], today: dt.date, key: str) -> dict[int, dict]:
    """Counts by status, grouped by `key`, in one query. `due` counts tasks closed or past
    their deadline; `on_time` those closed by it. Counting `fixed_status` (never NULL)
    rather than the key keeps the query on the covering index."""

    def count(*statuses: Status) -> Count:
        condition = Q()
        for status in statuses:
            condition |= status_condition(status, today)
        return Count("fixed_status", filter=condition)

    rows = (
        figures.order_by()
        .values(key)
        .annotate(
            total=Count("fixed_status"),
            finished=count(Status.COMPLETED, Status.CLOSED),
            closed=count(Status.CLOSED),
            overdue=count(Status.OVERDUE),
            at_risk=count(Status.AT_RISK),
            due=Count(
                "fixed_status",
                filter=Q(fixed_status=Status.CLOSED.value) | Q(deadline__lt=today),
            ),
            on_time=Count("fixed_status", filter=Q(closed_on_time=True)),
        )
    )
    return {row[key]: row for row in rows}


@dataclass(frozen=True)
class Summary:
    """The unfiltered counts of everything: by plan id, by lead unit id, reports waiting."""

    by_plan: dict[int, dict]
    by_unit: dict[int, dict]
    waiting: int


def _summarise(today: dt.date, generation: int) -> Summary:
    """Count afresh and store the counts for (today, generation) unless another request
    already has; older summaries go."""
    figures = TaskFigures.objects.all()
    summary = Summary(
        by_plan=_grouped(figures, today, "plan_id"),
        by_unit=_grouped(figures.filter(lead_unit__isnull=False), today, "lead_unit_id"),
        waiting=ProgressReport.objects.active()
        .filter(state=ProgressReport.State.SUBMITTED)
        .count(),
    )
    fields = {"day": today, "generation": generation}
    rows = [DashboardSummary(**fields, waiting=summary.waiting)]
    for key, counts in (("plan_id", summary.by_plan), ("lead_unit_id", summary.by_unit)):
        rows += [
            DashboardSummary(**fields, **{key: pk}, **{k: row[k] for k in COUNTS})
            for pk, row in counts.items()
        ]
    try:
        with transaction.atomic():
            DashboardSummary.objects.bulk_create(rows)
            DashboardSummary.objects.exclude(**fields).delete()
    except IntegrityError:
        pass  # another request stored the same counts first (one marker row per key)
    return summary


def summary(today: dt.date) -> Summary:
    """Counts of everything for `today`, from DashboardSummary when it is of the current
    figures generation (two small queries), else counted afresh and stored."""
    generation = (
        FiguresGeneration.objects.filter(pk=1).values_list("number", flat=True).first() or 0
    )
    rows = list(
        DashboardSummary.objects.filter(day=today, generation=generation).values_list(
            "plan_id", "lead_unit_id", "waiting", *COUNTS
        )
    )
    if not rows:
        return _summarise(today, generation)
    by_plan, by_unit, waiting = {}, {}, 0
    for plan_id, unit_id, waiting_here, *values in rows:
        counts = dict(zip(COUNTS, values, strict=True))
        if plan_id is not None:
            by_plan[plan_id] = counts
        elif unit_id is not None:
            by_unit[unit_id] = counts
        else:
            waiting = waiting_here
    return Summary(by_plan, by_unit, waiting)


def _everything(user, filters: Filters) -> bool:
    return user.reads_everything and filters == Filters()


def _links(filters: Filters, **scope) -> dict[str, str]:
    return {
        "total": task_list_url(filters, **scope),
        "finished": task_list_url(filters, status=Status.COMPLETED.value, **scope),
        "closed": task_list_url(filters, status=Status.CLOSED.value, **scope),
        "overdue": task_list_url(filters, status=Status.OVERDUE.value, **scope),
        "at_risk": task_list_url(filters, status=Status.AT_RISK.value, **scope),
    }


@dataclass
class PlanRow:
    plan: Plan
    total: int = 0
    finished: int = 0
    closed: int = 0
    overdue: int = 0
    at_risk: int = 0
    due: int = 0
    on_time: int = 0
    issues_open: int = 0
    filters: Filters = field(default_factory=Filters)

    @cached_property
    def links(self) -> dict[str, str]:
        return _links(self.filters, plan=self.plan.code)

    @property
    def completion(self) -> float | None:
        return rate(self.finished, self.total)

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.on_time, self.due)


COUNTS = ("total", "finished", "closed", "overdue", "at_risk", "due", "on_time")


def plan_figures(
    user, filters: Filters, today: dt.date, counted: Summary | None = None
) -> list[PlanRow]:
    """Per plan: completion, on-time rate, overdue, at risk, open major issues (3 queries;
    unfiltered, from the day's summary)."""
    if _everything(user, filters):
        counts = (counted or summary(today)).by_plan
    else:
        counts = _grouped(figures_in_scope(user, filters, today), today, "plan_id")
    issues = dict(
        open_issues(user, filters, today)
        .order_by()
        .values("task__plan_id")
        .annotate(n=Count("pk"))
        .values_list("task__plan_id", "n")
    )
    rows = []
    for plan in Plan.objects.filter(pk__in=counts.keys() | issues.keys()).order_by("code"):
        row = counts.get(plan.pk, {})
        rows.append(
            PlanRow(
                plan=plan,
                issues_open=issues.get(plan.pk, 0),
                filters=filters,
                **{k: row.get(k, 0) for k in COUNTS},
            )
        )
    return rows


@dataclass
class UnitRow:
    unit: Organisation
    counts: UnitCounts
    score: int | None
    rank: int | None = None
    filters: Filters = field(default_factory=Filters)
    penalty: int = 0
    penalty_reason: str = ""

    @cached_property
    def links(self) -> dict[str, str]:
        """Built when shown: reversing five URLs for each of 2,000 units cost a second."""
        links = _links(self.filters, unit=self.unit.pk, lead=True)
        query = {"unit": self.unit.pk, **({"plan": self.filters.plan} if self.filters.plan else {})}
        reports = reverse("dashboard:reports")
        links["reports"] = f"{reports}?{urlencode(query)}"
        links["on_time"] = f"{reports}?{urlencode({**query, 'on_time': 1})}"
        return links

    @property
    def completion(self) -> float | None:
        return rate(self.counts.finished, self.counts.tasks_led)

    @property
    def reporting_rate(self) -> float | None:
        return rate(self.counts.reports_on_time, self.counts.reports)


def _reporting(user, filters: Filters) -> dict[int, tuple[int, int]]:
    """{unit id: (reports, reports on time)}: the plan filter applies, the others are about
    tasks, not reports."""
    rows = ReportingFigures.objects.all()
    if not user.reads_everything:
        rows = rows.filter(unit_id=user.unit_id)
    if filters.plan:
        rows = rows.filter(plan__code=filters.plan)
    if filters.unit:
        rows = rows.filter(unit_id=filters.unit)
    totals = rows.order_by().values("unit_id").annotate(n=Sum("reports"), ok=Sum("on_time"))
    return {row["unit_id"]: (row["n"], row["ok"]) for row in totals}


def assessed_unit_ids(plan_code: str = "") -> set[int]:
    """The units the plans in scope assess: those each plan names, or every lead unit of
    its tasks when it names none (two queries)."""
    plans = Plan.objects.active()
    if plan_code:
        plans = plans.filter(code=plan_code)
    ids: set[int] = set()
    naming: set[int] = set()
    for plan_id, unit_id in Plan.assessed_units.through.objects.filter(plan__in=plans).values_list(
        "plan_id", "organisation_id"
    ):
        naming.add(plan_id)
        ids.add(unit_id)
    unnamed = plans.exclude(pk__in=naming).values("pk")
    ids |= set(
        TaskFigures.objects.filter(plan__in=unnamed, lead_unit__isnull=False)
        .order_by()
        .values_list("lead_unit_id", flat=True)
        .distinct()
    )
    return ids


def unit_figures(
    user, filters: Filters, today: dt.date, counted: Summary | None = None
) -> list[UnitRow]:
    """Per lead unit: tasks led, completion, overdue, on-time reporting, score and rank, in
    three queries whatever the number of units (unfiltered, from the day's summary). A unit
    officer sees only their own unit."""
    if _everything(user, filters):
        counts = (counted or summary(today)).by_unit
    else:
        figures = figures_in_scope(user, filters, today)
        if not user.reads_everything:
            figures = figures.filter(lead_unit_id=user.unit_id)
        if filters.unit:
            figures = figures.filter(lead_unit_id=filters.unit)
        counts = _grouped(figures, today, "lead_unit_id")
        counts.pop(None, None)
    reporting = {} if filters.status else _reporting(user, filters)
    penalties = unit_penalties(today)
    assessed = assessed_unit_ids(filters.plan)
    rows = []
    units = Organisation.objects.only("pk", "name_en", "name_zh")
    for unit in units.filter(pk__in=counts.keys() | reporting.keys()):
        row = counts.get(unit.pk, {})
        made, on_time = reporting.get(unit.pk, (0, 0))
        unit_counts = UnitCounts(
            tasks_led=row.get("total", 0),
            finished=row.get("finished", 0),
            overdue=row.get("overdue", 0),
            reports=made,
            reports_on_time=on_time,
        )
        points, reason = penalties.get(unit.pk, (0, ""))
        score = unit_score(unit_counts) if unit.pk in assessed else None
        rows.append(
            UnitRow(
                unit,
                unit_counts,
                penalised(score, points),
                filters=filters,
                penalty=points,
                penalty_reason=reason,
            )
        )
    for row, rank in zip(rows, ranks([r.score for r in rows]), strict=True):
        row.rank = rank
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.unit.name))
    return rows


def report_list(user, filters: Filters, on_time: bool | None = None) -> QuerySet[ProgressReport]:
    """The reports a unit's reporting figures count (the first report of each period of
    its active assignments on the plan in scope), with `on_time` annotated by the same
    rule as the count: submitted before the end of the plan's due day after the period."""
    due_end = ReportDueEnd(
        F("period_start"),
        F("assignment__task__plan__report_every_months"),
        F("assignment__task__plan__report_due_day"),
        utc_offset_minutes(),
    )
    reports = reports_visible_to(user).filter(
        assignment__archived_at__isnull=True, revises__isnull=True
    )
    if filters.plan:
        reports = reports.filter(assignment__task__plan__code=filters.plan)
    if filters.unit:
        reports = reports.filter(assignment__unit_id=filters.unit)
    reports = reports.annotate(
        on_time=Case(When(submitted_at__lt=due_end, then=Value(True)), default=Value(False))
    )
    if on_time is not None:
        reports = reports.filter(on_time=on_time)
    return reports.select_related("assignment__task__plan", "assignment__unit").order_by(
        "-submitted_at", "-pk"
    )


def overdue_tasks(user, filters: Filters, today: dt.date) -> QuerySet[TaskFigures]:
    """Overdue tasks, longest overdue first (an overdue task always has a deadline, so the
    plain order lets the database walk the deadline index and stop early)."""
    overdue = task_list(user, replace(filters, status=Status.OVERDUE.value), today)
    return overdue.order_by("deadline", "task_id")


SHORT_SCOPE = 5000


def _task_ids_in_scope(user, filters: Filters, today: dt.date):
    """The ids of the tasks in scope: a list when there are at most SHORT_SCOPE of them
    (the database then walks the report and issue indexes per assignment), a subquery
    otherwise (measured on PostgreSQL: a semi-join over 75,000 waiting reports, 450 ms)."""
    ids = figures_in_scope(user, filters, today).values_list("task_id", flat=True)
    short = list(ids[: SHORT_SCOPE + 1])
    return short if len(short) <= SHORT_SCOPE else ids


def waiting_for_review(user, filters: Filters, today: dt.date) -> QuerySet[ProgressReport]:
    """Submitted reports not yet reviewed, oldest first."""
    reports = ProgressReport.objects.active().filter(state=ProgressReport.State.SUBMITTED)
    if filters != Filters() or not user.reads_everything:
        tasks = _task_ids_in_scope(user, filters, today)
        assignments = (
            Assignment.objects.filter(task_id__in=tasks).order_by().values_list("pk", flat=True)
        )
        if isinstance(tasks, list):
            assignments = list(assignments)
        reports = reports.filter(assignment_id__in=assignments)
    return reports.select_related("assignment__task", "assignment__unit").order_by(
        "submitted_at", "pk"
    )


def open_issues(user, filters: Filters, today: dt.date) -> QuerySet[MajorIssue]:
    issues = MajorIssue.objects.active().filter(resolved_at__isnull=True)
    if filters != Filters() or not user.reads_everything:
        issues = issues.filter(task_id__in=_task_ids_in_scope(user, filters, today))
    return issues.select_related("task", "assignment__unit").order_by("-raised_at", "pk")


def recent_activity(user, limit: int = LIST_LIMIT) -> list[AuditEvent]:
    """The latest audit events on the tasks and reports the user may see."""
    types = ContentType.objects.get_for_models(Task, ProgressReport)
    task_type, report_type = types[Task], types[ProgressReport]
    events = AuditEvent.objects.filter(content_type__in=[task_type, report_type])
    if not user.reads_everything:
        task_ids = tasks_visible_to(user).annotate(key=Cast("pk", CharField())).values("key")
        report_ids = reports_visible_to(user).annotate(key=Cast("pk", CharField())).values("key")
        events = events.filter(
            Q(content_type=task_type, object_id__in=task_ids)
            | Q(content_type=report_type, object_id__in=report_ids)
        )
    return list(events.order_by("-at", "-pk")[:limit])


@dataclass
class Dashboard:
    filters: Filters
    plans: list[PlanRow]
    units: list[UnitRow]
    overdue: list[TaskFigures]
    overdue_count: int
    waiting: list[ProgressReport]
    waiting_count: int
    issues: list[MajorIssue]
    issues_count: int
    activity: list[AuditEvent]


def dashboard(user, filters: Filters, today: dt.date) -> Dashboard:
    """Everything the dashboard shows, in a bounded number of queries."""
    counted = summary(today) if _everything(user, filters) else None
    plans = plan_figures(user, filters, today, counted)
    waiting = waiting_for_review(user, filters, today)
    issues = open_issues(user, filters, today)
    return Dashboard(
        filters=filters,
        plans=plans,
        units=unit_figures(user, filters, today, counted),
        overdue=list(overdue_tasks(user, filters, today)[:LIST_LIMIT]),
        overdue_count=sum(p.overdue for p in plans),
        waiting=list(waiting[:LIST_LIMIT]),
        waiting_count=waiting.count() if counted is None else counted.waiting,
        issues=list(issues[:LIST_LIMIT]),
        issues_count=sum(p.issues_open for p in plans),
        activity=recent_activity(user),
    )
