"""What each user may see of the projects, and the read models behind the pages and API."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connections
from django.db.models import (
    Case,
    Count,
    Exists,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    When,
)
from django.db.models.functions import Cast

from planwatch.accounts.models import Role
from planwatch.directory.models import Organisation
from planwatch.lib.money import MissingRate, Money, RateTable
from planwatch.plans.models import Assignment, ProgressReport, Task
from planwatch.plans.queries import tasks_visible_to
from planwatch.plans.status import LABELS as TASK_LABELS
from planwatch.plans.status import Status, TaskFacts, Thresholds, task_status
from planwatch.projects.models import (
    STAGE_ORDER,
    Approval,
    Country,
    ExchangeRate,
    Industry,
    Project,
    ProjectStage,
    Region,
    SideStatus,
    Stage,
)
from planwatch.projects.status import (
    COLOURS,
    LABELS,
    LIGHTS,
    WARN_DAYS,
    Light,
    Schedule,
    light,
)

AMOUNT_FIELDS = ("total_planned", "total_completed", "foreign_planned", "foreign_completed")


def projects_visible_to(user) -> QuerySet[Project]:
    """Everything for those who read everything; for a unit officer, the projects their unit
    leads or is assigned to through one of the project's plan tasks."""
    projects = Project.objects.active()
    if not user.is_authenticated:
        return projects.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        if user.unit_id is None:
            return projects.none()
        assigned = Assignment.objects.filter(
            task__projects=OuterRef("pk"), unit_id=user.unit_id, archived_at__isnull=True
        )
        return projects.filter(Q(lead_unit_id=user.unit_id) | Exists(assigned))
    return projects


def rate_table() -> RateTable:
    return RateTable.from_rows(
        ExchangeRate.objects.active().values_list("currency", "valid_from", "cny_per_unit")
    )


def schedule(project: Project) -> Schedule:
    return Schedule(project.next_approval_due, project.next_milestone_due, project.slipped)


def project_light(project: Project, today: dt.date) -> Light:
    return light(
        finished=project.stage == Stage.PRODUCTION,
        side_status=project.side_status,
        schedule=schedule(project),
        today=today,
    )


@dataclass
class Amount:
    """One figure of a project in its own currency and in yuan, or why it has no yuan value."""

    label: str
    money: Money
    cny: Money | None
    error: str = ""


def project_amounts(project: Project, rates: RateTable) -> list[Amount]:
    out = []
    for name in AMOUNT_FIELDS:
        money = Money(getattr(project, name), project.currency)
        label = str(Project._meta.get_field(name).verbose_name)
        try:
            out.append(Amount(label, money, rates.to_cny(money, project.amounts_as_of)))
        except MissingRate as error:
            out.append(Amount(label, money, None, str(error)))
    return out


def payments_of(project: Project, rates: RateTable) -> tuple[list[Amount], Money, list[str]]:
    """Capital paid in, each at its own day's rate; the yuan total leaves out what cannot be
    converted and says so."""
    rows, total, errors = [], Money(Decimal(0), "CNY"), []
    for payment in project.payments.active():
        money = Money(payment.amount, payment.currency)
        try:
            cny = rates.to_cny(money, payment.paid_on)
        except MissingRate as error:
            rows.append(Amount(str(payment.paid_on), money, None, str(error)))
            errors.append(str(error))
            continue
        rows.append(Amount(str(payment.paid_on), money, cny))
        total = total + cny
    return rows, total, errors


def next_approval(project: Project) -> Approval | None:
    pending = project.approvals.active().exclude(state__in=Approval.DONE).select_related("kind")
    return pending.order_by("due_on").first()


def stage_rows(project: Project) -> list[ProjectStage]:
    rows = {s.stage: s for s in project.stages.active()}
    return [rows.get(stage) or ProjectStage(project=project, stage=stage) for stage in STAGE_ORDER]


def task_lights(project: Project, user, today: dt.date) -> list[tuple[Task, Status, str]]:
    """The plan tasks a project carries that `user` may see, with their status from the loop."""
    tasks = tasks_visible_to(user).filter(projects=project).select_related("plan")
    out = []
    for task in tasks.prefetch_related("milestones"):
        latest = (
            ProgressReport.objects.filter(
                assignment__task=task,
                assignment__role=Assignment.Role.LEAD,
                state=ProgressReport.State.APPROVED,
                archived_at__isnull=True,
            )
            .order_by("-period_start", "-submitted_at")
            .values_list("percent_complete", flat=True)
            .first()
        )
        facts = TaskFacts(
            start_date=task.start_date,
            deadline=task.deadline,
            progress=latest,
            milestones=tuple((m.due_date, m.expected_percent) for m in task.milestones.all()),
            extension_pending=task.extension_requests.filter(state="pending").exists(),
            closed=task.closed_at is not None,
        )
        status = task_status(facts, today, Thresholds(task.plan.at_risk_gap, task.plan.warn_days))
        out.append((task, status, str(TASK_LABELS[status])))
    return out


# The map ---------------------------------------------------------------------------------


@dataclass
class MapFilters:
    stage: str = ""
    industry: str = ""
    park: int | None = None
    country: str = ""
    unit: int | None = None

    def apply(self, projects: QuerySet[Project]) -> QuerySet[Project]:
        if self.stage:
            projects = projects.filter(stage=self.stage)
        if self.industry:
            projects = projects.filter(industry__code=self.industry)
        if self.park:
            projects = projects.filter(park_id=self.park)
        if self.country:
            projects = projects.filter(country__code=self.country)
        if self.unit:
            projects = projects.filter(lead_unit_id=self.unit)
        return projects


def light_expression(today: dt.date) -> Case:
    """status.light() as SQL, so that the map reads 20,000 lights without converting dates.

    test_the_map_light_in_sql_agrees_with_the_python_rule keeps the two in step.
    """
    soon = today + dt.timedelta(days=WARN_DAYS)
    index = {v: i for i, v in enumerate(LIGHTS)}
    overdue = (
        Q(side_status=SideStatus.DELAYED)
        | Q(next_approval_due__lt=today)
        | Q(next_milestone_due__lt=today)
    )
    at_risk = Q(slipped=True) | Q(next_approval_due__lte=soon) | Q(next_milestone_due__lte=soon)
    return Case(
        When(side_status__in=(SideStatus.DORMANT, SideStatus.LOST), then=index[Light.STOPPED]),
        When(overdue, then=index[Light.OVERDUE]),
        When(stage=Stage.PRODUCTION, then=index[Light.DONE]),
        When(at_risk, then=index[Light.AT_RISK]),
        default=index[Light.ON_TRACK],
        output_field=IntegerField(),
    )


def map_data(user, today: dt.date, filters: MapFilters | None = None) -> dict:
    """Compact map data: lookup tables once, then one short array per project.

    Each row of "p" is [id, latitude, longitude, light, stage, industry, park, country,
    unit]: light and stage index "lights" and "stages", the others key the id tables.
    Measured: 20,000 projects as GeoJSON features are ~4 MB; as rows ~0.8 MB.
    """
    projects = (filters or MapFilters()).apply(projects_visible_to(user))
    rows = projects.filter(latitude__isnull=False).values_list(
        "pk",
        Cast("latitude", FloatField()),
        Cast("longitude", FloatField()),
        light_expression(today),
        "stage",
        "industry_id",
        "park_id",
        "country_id",
        "lead_unit_id",
    )
    stage_index = {v: i for i, v in enumerate(STAGE_ORDER)}
    out = [
        [pk, round(lat, 5), round(lon, 5), lit, stage_index[stage], industry, park, country, unit]
        for pk, lat, lon, lit, stage, industry, park, country, unit in rows.iterator(5000)
    ]
    return {"p": out, **map_tables()}


def map_tables() -> dict:
    """Names for the indexes of map rows and for the filters of the map page."""
    active = Project.objects.active()
    return {
        "lights": [[str(v), str(LABELS[v]), COLOURS[v]] for v in LIGHTS],
        "stages": [[v, str(label)] for v, label in Stage.choices],
        "industries": {i.pk: [i.code, i.name] for i in Industry.objects.active()},
        "countries": {c.pk: [c.code, c.name] for c in Country.objects.active()},
        "parks": {
            o.pk: o.name
            for o in Organisation.objects.filter(pk__in=active.values("park_id").distinct())
        },
        "units": {
            o.pk: o.name
            for o in Organisation.objects.filter(pk__in=active.values("lead_unit_id").distinct())
        },
    }


def regions_geojson() -> dict:
    regions = Region.objects.active()
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": r.pk,
                "geometry": r.geometry,
                "properties": {"code": r.code, "name": r.name, "role": r.role},
            }
            for r in regions
        ],
    }


# Supervision hooks: the dashboard and unit scores call these --------------------------------


def late_approvals(user, today: dt.date) -> QuerySet[Approval]:
    """Approvals past their due date and not yet granted, of projects `user` may see."""
    return (
        Approval.objects.active()
        .filter(project__in=projects_visible_to(user), due_on__lt=today)
        .exclude(state__in=Approval.DONE)
        .select_related("project", "kind", "project__lead_unit")
        .order_by("due_on")
    )


def unit_project_penalties(today: dt.date) -> dict[int, dict[str, int]]:
    """Per lead unit: late approvals and projects whose next stage is past its planned date."""
    out: dict[int, dict[str, int]] = defaultdict(lambda: {"late_approvals": 0, "late_stages": 0})
    late = (
        Approval.objects.active()
        .filter(project__archived_at__isnull=True, due_on__lt=today)
        .exclude(state__in=Approval.DONE)
        .values("project__lead_unit_id")
        .annotate(n=Count("pk"))
    )
    for row in late:
        out[row["project__lead_unit_id"]]["late_approvals"] = row["n"]
    stages = (
        Project.objects.active()
        .filter(next_milestone_due__lt=today)
        .exclude(side_status__in=("dormant", "lost"))
        .values("lead_unit_id")
        .annotate(n=Count("pk"))
    )
    for row in stages:
        out[row["lead_unit_id"]]["late_stages"] = row["n"]
    return dict(out)


# Figures ---------------------------------------------------------------------------------


@dataclass
class Figures:
    threshold: Decimal
    projects: int = 0
    above_threshold: int = 0
    planned: Decimal = Decimal(0)
    completed: Decimal = Decimal(0)
    foreign_planned: Decimal = Decimal(0)
    foreign_completed: Decimal = Decimal(0)
    by: dict[str, dict[object, list[Decimal]]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)


def _raw(queryset: QuerySet) -> list[tuple]:
    """A values_list query's rows without Django's per-value converters.

    Measured on SQLite at 20,000 projects: the converters took half of the figures page.
    Values come back as the driver gives them; _decimal and _day make them uniform.
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    # SQLite keeps NUMERIC columns as integers or binary floats; repr is the shortest exact text.
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def figures(user, threshold: Decimal, filters: MapFilters | None = None) -> Figures:
    """Planned and completed investment in yuan by industry, stage, park, country and the year
    of signing. A project whose amounts cannot be converted is left out and counted in
    `errors`, keyed by the message naming the missing rate."""
    projects = (filters or MapFilters()).apply(projects_visible_to(user))
    signed_rows = ProjectStage.objects.filter(
        stage=Stage.SIGNED, project__in=projects, actual_on__isnull=False
    ).values_list("project_id", "actual_on")
    signed = {pk: _day(day).year for pk, day in _raw(signed_rows)}
    rates = rate_table()
    result = Figures(threshold=threshold)
    by = {key: defaultdict(lambda: [Decimal(0), Decimal(0)]) for key in DIMENSIONS}
    rows = projects.values_list(
        "pk",
        "currency",
        "amounts_as_of",
        *AMOUNT_FIELDS,
        "industry_id",
        "stage",
        "park_id",
        "country_id",
    )
    # One pass, locals only: this loop runs once per project (20,000 in the benchmark).
    rate_of, errors = rates.rate, result.errors
    by_industry, by_stage, by_park = by["industry"], by["stage"], by["park"]
    by_country, by_year = by["country"], by["year"]
    planned_total = completed_total = foreign_p = foreign_c = Decimal(0)
    count = above = 0
    for pk, currency, day, tp, tc, fp, fc, industry, stage, park, country in _raw(rows):
        try:
            rate = rate_of(currency, _day(day))
        except MissingRate as error:
            errors[str(error)] = errors.get(str(error), 0) + 1
            continue
        planned, completed = _decimal(tp) * rate, _decimal(tc) * rate
        count += 1
        planned_total += planned
        completed_total += completed
        if fp:
            foreign_p += _decimal(fp) * rate
        if fc:
            foreign_c += _decimal(fc) * rate
        if planned >= threshold:
            above += 1
        for pair in (
            by_industry[industry],
            by_stage[stage],
            by_park[park],
            by_country[country],
            by_year[signed.get(pk)],
        ):
            pair[0] += planned
            pair[1] += completed
    result.projects, result.above_threshold = count, above
    result.planned, result.completed = planned_total, completed_total
    result.foreign_planned, result.foreign_completed = foreign_p, foreign_c
    result.by = {key: dict(values) for key, values in by.items()}
    return result


DIMENSIONS = ("industry", "stage", "park", "country", "year")


# The time board --------------------------------------------------------------------------


@dataclass
class BoardRow:
    project: Project
    stages: list[ProjectStage]
    approvals: list[Approval]
    light: Light


def board_rows(user, today: dt.date, projects: QuerySet[Project]) -> list[BoardRow]:
    """Projects with their stage dates and approvals, sorted by leader and lead unit."""
    projects = projects.select_related("leader", "lead_unit").order_by(
        "leader__name_en", "lead_unit__name_en", "code"
    )
    ids = [p.pk for p in projects]
    stages: dict[int, list[ProjectStage]] = defaultdict(list)
    for row in ProjectStage.objects.active().filter(project_id__in=ids):
        stages[row.project_id].append(row)
    approvals: dict[int, list[Approval]] = defaultdict(list)
    for row in Approval.objects.active().filter(project_id__in=ids).select_related("kind"):
        approvals[row.project_id].append(row)
    return [
        BoardRow(
            p,
            sorted(stages[p.pk], key=lambda s: STAGE_ORDER.index(s.stage)),
            approvals[p.pk],
            project_light(p, today),
        )
        for p in projects
    ]
