"""What each user may see of the projects, and the read models behind the pages and API."""

import datetime as dt
import hashlib
import math
from collections import defaultdict
from dataclasses import astuple, dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction

from django.core.cache import cache
from django.db import connections
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    When,
)
from django.db.models.functions import Cast, Round, Substr
from django.utils.translation import get_language

from planwatch.accounts.rules import sees_everything
from planwatch.directory.models import Organisation
from planwatch.lib.models import pick_language
from planwatch.lib.money import MissingRate, Money, RateTable
from planwatch.plans.models import Assignment, Task
from planwatch.plans.queries import task_rows, tasks_visible_to
from planwatch.plans.status import Status
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
    if not sees_every_project(user):
        if user.unit_id is None:
            return projects.none()
        assigned = Assignment.objects.filter(
            task__projects=OuterRef("pk"), unit_id=user.unit_id, archived_at__isnull=True
        )
        return projects.filter(Q(lead_unit_id=user.unit_id) | Exists(assigned))
    return projects


def sees_every_project(user) -> bool:
    """accounts.rules.sees_everything: one rule of who sees every record."""
    return sees_everything(user)


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
    """The plan tasks a project carries that `user` may see, with their status from the
    loop's own read model (plans.queries.task_rows), so that a task shows one status
    everywhere."""
    tasks = tasks_visible_to(user).filter(projects=project).select_related("plan")
    return [(row.task, row.status, row.label) for row in task_rows(tasks, today)]


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


def stage_index_expression() -> Case:
    """A project's stage as its index in STAGE_ORDER, computed by the database."""
    return Case(
        *[When(stage=value, then=i) for i, value in enumerate(STAGE_ORDER)],
        output_field=IntegerField(),
    )


def _scaled(name: str, factor: int) -> Cast:
    """A decimal column times `factor`, rounded to a whole number by the database.

    Exact on both databases: PostgreSQL multiplies NUMERIC; SQLite keeps the column as a
    binary float, and rounding it times a power of ten gives the typed figure up to 15
    digits, the precision the column itself has there.
    """
    return Cast(Round(F(name) * factor), BigIntegerField())


COORDINATE_SCALE = 100_000


def map_data(user, today: dt.date, filters: MapFilters | None = None) -> dict:
    """Compact map data: lookup tables once, then one short array per project.

    Each row of "p" is [id, latitude, longitude, light, stage, industry, park, country,
    unit]: latitude and longitude in 1/100,000 degree (about a metre; "scale" says so),
    light and stage index "lights" and "stages", the others key the id tables.
    Measured: 20,000 projects as GeoJSON features are ~4 MB; as rows ~0.8 MB. The database
    computes every value, so the rows go to the JSON encoder as the driver returns them:
    Django's per-value converters took most of the time at 20,000 projects, and whole
    numbers encode in half the time of floats.
    """
    projects = (filters or MapFilters()).apply(projects_visible_to(user))
    rows = _raw(
        projects.filter(latitude__isnull=False).values_list(
            "pk",
            _scaled("latitude", COORDINATE_SCALE),
            _scaled("longitude", COORDINATE_SCALE),
            light_expression(today),
            stage_index_expression(),
            "industry_id",
            "park_id",
            "country_id",
            "lead_unit_id",
        )
    )
    organisations = {row[6] for row in rows} | {row[8] for row in rows}
    names = {
        pk: pick_language(en, zh)
        for pk, en, zh in Organisation.objects.filter(pk__in=organisations - {None}).values_list(
            "pk", "name_en", "name_zh"
        )
    }
    return {
        "p": rows,
        "scale": COORDINATE_SCALE,
        **code_tables(),
        "parks": {pk: names[pk] for pk in {row[6] for row in rows} if pk is not None},
        "units": {pk: names[pk] for pk in {row[8] for row in rows}},
    }


def code_tables() -> dict:
    """Names for the light, stage, industry and country indexes of map rows."""
    return {
        "lights": [[str(v), str(LABELS[v]), COLOURS[v]] for v in LIGHTS],
        "stages": [[v, str(label)] for v, label in Stage.choices],
        "industries": {
            pk: [code, pick_language(en, zh)]
            for pk, code, en, zh in Industry.objects.active().values_list(
                "pk", "code", "name_en", "name_zh"
            )
        },
        "countries": {
            pk: [code, pick_language(en, zh)]
            for pk, code, en, zh in Country.objects.active().values_list(
                "pk", "code", "name_en", "name_zh"
            )
        },
    }


def filter_organisations() -> tuple[dict[int, str], dict[int, str]]:
    """The parks and the lead units of active projects, by id, for the filters of the pages.
    EXISTS probes the foreign-key index per organisation; measured on SQLite at 20,000
    projects, IN (SELECT DISTINCT ...) took 9 ms against 1."""
    active = Project.objects.active()
    parks = Organisation.objects.filter(Exists(active.filter(park_id=OuterRef("pk"))))
    units = Organisation.objects.filter(Exists(active.filter(lead_unit_id=OuterRef("pk"))))
    return {o.pk: o.name for o in parks}, {o.pk: o.name for o in units}


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


DIMENSIONS = ("industry", "stage", "park", "country", "year")
# The stamp misses one case: a transaction that saved before another but commits after it,
# while figures are computed in between (a long import). The cache lifetime bounds that.
FIGURES_CACHE_SECONDS = 60


def _raw(queryset: QuerySet) -> list[tuple]:
    """A values_list query's rows as the driver returns them, without Django's per-value
    converters: measured at 20,000 projects, those took half of the map and figures."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _iso(name: str) -> Cast:
    """A date as YYYY-MM-DD text: SQLite's driver would call a Python parser on each value."""
    return Cast(name, CharField())


@dataclass
class _RateGroup:
    """The projects converted at one rate: their sums in hundredths of their currency."""

    rate: Decimal
    least_above: int
    totals: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    by: tuple[defaultdict, ...] = field(
        default_factory=lambda: tuple(defaultdict(lambda: [0, 0]) for _ in DIMENSIONS)
    )

    def cny(self, hundredths: int) -> Decimal:
        with localcontext(prec=60):
            return (Decimal(hundredths) * self.rate).scaleb(-2)


def _least_hundredths_above(threshold: Decimal, rate: Decimal) -> int:
    """The smallest amount in hundredths whose value in yuan reaches `threshold`, exactly."""
    return math.ceil(Fraction(threshold) * 100 / Fraction(rate))


def data_stamp() -> tuple:
    """What changes whenever a figure could: the newest id and change of projects, stages,
    approvals and rates. Records are archived, never deleted, so a new id or a later
    `updated_at` catches every insert and edit. One query of single-column MAX subqueries,
    each answered from an index (SQLite scans the table for two MAXes in one SELECT).
    Figures do not depend on the day, so the day is not part of it."""
    connection = connections[Project.objects.db]
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT MAX({quote(column)}) FROM {quote(model._meta.db_table)})"
        for model in (Project, ProjectStage, Approval, ExchangeRate)
        for column in ("id", "updated_at")
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(str(value) for value in cursor.fetchone())


def figures(user, threshold: Decimal, filters: MapFilters | None = None) -> Figures:
    """Figures as figures_from_records computes them. For those who see every project they
    are kept in the cache under the data stamp, so any change to a project, stage, approval or
    rate computes them afresh; a unit officer's own share is computed each time."""
    filters = filters or MapFilters()
    if not sees_every_project(user):
        return figures_from_records(user, threshold, filters)
    stamp = data_stamp()
    key = (
        "projects:figures:"
        + hashlib.sha256(
            repr((stamp, str(threshold), astuple(filters), get_language())).encode()
        ).hexdigest()
    )
    result = cache.get(key)
    if result is None:
        result = figures_from_records(user, threshold, filters)
        cache.set(key, result, FIGURES_CACHE_SECONDS)
    return result


def figures_from_records(user, threshold: Decimal, filters: MapFilters) -> Figures:
    """Planned and completed investment in yuan by industry, stage, park, country and the year
    of signing. A project whose amounts cannot be converted is left out and counted in
    `errors`, keyed by the message naming the missing rate.

    One query, one pass in integers: amounts are summed per rate in hundredths of their
    currency and converted once per rate and figure, exact because a product distributes
    over a sum. Measured at 20,000 projects: converting every project's Decimals took most
    of the page.
    """
    rows = _raw(
        filters.apply(projects_visible_to(user))
        .order_by()
        .values_list(
            "currency",
            _iso("amounts_as_of"),
            *(_scaled(name, 100) for name in AMOUNT_FIELDS),
            "industry_id",
            "stage",
            "park_id",
            "country_id",
            Cast(Substr(_iso("signed_on"), 1, 4), IntegerField()),
        )
    )
    rates = rate_table()
    result = Figures(threshold=threshold)
    groups: dict[tuple[str, str], _RateGroup | None] = {}
    missing: dict[tuple[str, str], str] = {}
    by_rate: dict[Decimal, _RateGroup] = {}
    for currency, day, tp, tc, fp, fc, industry, stage, park, country, year in rows:
        group = groups.get((currency, day), _RateGroup)
        if group is _RateGroup:
            try:
                rate = rates.rate(currency, dt.date.fromisoformat(day))
            except MissingRate as error:
                group, missing[currency, day] = None, str(error)
            else:
                if rate not in by_rate:
                    by_rate[rate] = _RateGroup(rate, _least_hundredths_above(threshold, rate))
                group = by_rate[rate]
            groups[currency, day] = group
        if group is None:
            message = missing[currency, day]
            result.errors[message] = result.errors.get(message, 0) + 1
            continue
        totals = group.totals
        totals[0] += tp
        totals[1] += tc
        totals[2] += fp
        totals[3] += fc
        if tp >= group.least_above:
            result.above_threshold += 1
        by_industry, by_stage, by_park, by_country, by_year = group.by
        for pair in (
            by_industry[industry],
            by_stage[stage],
            by_park[park],
            by_country[country],
            by_year[year],
        ):
            pair[0] += tp
            pair[1] += tc
    result.projects = len(rows) - sum(result.errors.values())
    by = {name: defaultdict(lambda: [Decimal(0), Decimal(0)]) for name in DIMENSIONS}
    for group in by_rate.values():
        planned, completed, foreign_planned, foreign_completed = map(group.cny, group.totals)
        result.planned += planned
        result.completed += completed
        result.foreign_planned += foreign_planned
        result.foreign_completed += foreign_completed
        for name, table in zip(DIMENSIONS, group.by, strict=True):
            for key, (tp, tc) in table.items():
                by[name][key][0] += group.cny(tp)
                by[name][key][1] += group.cny(tc)
    result.by = {name: dict(values) for name, values in by.items()}
    return result


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
