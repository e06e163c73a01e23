"""Many plausible projects for benchmarks and browser tests, inserted in bulk.

Audit events are not written for generated records: they are test data, and 20,000
projects with their stages and approvals would otherwise take minutes to insert.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from planwatch.directory.models import Organisation, Person
from planwatch.projects import demo, reference
from planwatch.projects.actions import cached_facts
from planwatch.projects.models import (
    STAGE_ORDER,
    Approval,
    ApprovalKind,
    Country,
    Currency,
    Industry,
    Project,
    ProjectStage,
    Region,
    SideStatus,
)

UNIT_KINDS = (
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.ZONE_COMMITTEE,
    Organisation.Kind.GOVERNMENT,
    Organisation.Kind.DEVELOPMENT_ZONE,
    Organisation.Kind.CITY,
)
PLACE_ROLES = (Region.Role.PARK, Region.Role.ZONE_PLANNED, Region.Role.MASTER, Region.Role.WING)
BATCH = 2000


def _units() -> list[Organisation]:
    units = list(Organisation.objects.active().filter(kind__in=UNIT_KINDS)[:40])
    if not units:
        units = [
            Organisation.objects.create(
                code=f"generated-unit-{i}", name_en=f"Generated Bureau {i}", kind="department"
            )
            for i in range(1, 6)
        ]
    return units


def _regions() -> list[Region]:
    regions = list(Region.objects.active().filter(role__in=PLACE_ROLES))
    if not regions:
        demo.load_regions()
        regions = list(Region.objects.active().filter(role__in=PLACE_ROLES))
    return regions


@transaction.atomic
def generate_projects(count: int, seed: int) -> int:
    """Insert `count` projects with stages, approvals, amounts and locations; returns count."""
    rng = random.Random(seed)
    reference.load()
    demo.load_rates()  # figures need rates for KRW and USD amounts
    today = timezone.localdate()
    units = _units()
    regions = _regions()
    parks = {r.park_id: r for r in regions if r.park_id}
    people = list(Person.objects.active()[:30]) or [None]
    industries = list(Industry.objects.active())
    countries = list(Country.objects.active())
    korea = next(c for c in countries if c.code == "KR")
    kinds = list(ApprovalKind.objects.active())
    start = Project.objects.filter(code__startswith=f"gen{seed}-").count()
    made = 0
    while made < count:
        size = min(BATCH, count - made)
        projects, plans = [], []
        for i in range(start + made, start + made + size):
            region = rng.choice(regions)
            stage_index = rng.choices(range(7), weights=[6, 8, 10, 8, 12, 30, 26])[0]
            currency = rng.choices(Currency.values, weights=[60, 25, 15])[0]
            scale = {"CNY": 1, "KRW": 180, "USD": Decimal("0.14")}[currency]
            planned = Decimal(rng.randrange(20, 8000)) * 1_000_000 * scale
            done_share = Decimal(rng.randrange(0, 101)) / 100 if stage_index >= 5 else Decimal(0)
            foreign = planned * Decimal(rng.choice([0, 0, 30, 50, 100])) / 100
            origin = today - dt.timedelta(days=rng.randrange(200, 2400))
            stage_days = sorted(rng.sample(range(0, 1800), 7))
            plan = [
                (
                    s,
                    origin + dt.timedelta(days=stage_days[s]),
                    origin + dt.timedelta(days=stage_days[s] + rng.randrange(-20, 90))
                    if s <= stage_index
                    else None,
                )
                for s in range(7)
            ]
            approvals = [
                (
                    kind,
                    origin + dt.timedelta(days=rng.randrange(100, 1500)),
                    rng.choices(
                        [
                            Approval.State.GRANTED,
                            Approval.State.APPLIED,
                            Approval.State.NOT_APPLIED,
                        ],
                        weights=[6 if stage_index >= 5 else 2, 3, 3],
                    )[0],
                )
                for kind in rng.sample(kinds, rng.randrange(2, 6))
            ]
            facts = cached_facts(
                stage_index,
                plan,
                [(state == Approval.State.GRANTED, due) for _, due, state in approvals],
            )
            side = rng.choices(
                [SideStatus.NONE, SideStatus.DELAYED, SideStatus.DORMANT, SideStatus.LOST],
                weights=[90, 5, 3, 2],
            )[0]
            lat = rng.uniform(region.south, region.north)
            lon = rng.uniform(region.west, region.east)
            park = region.park_id if region.park_id in parks else None
            projects.append(
                Project(
                    code=f"gen{seed}-{i:06d}",
                    name_en=f"Generated project {i}",
                    name_zh=f"生成项目{i}",
                    country=korea if rng.random() < 0.45 else rng.choice(countries),
                    industry=rng.choice(industries),
                    park_id=park,
                    latitude=Decimal(f"{lat:.6f}"),
                    longitude=Decimal(f"{lon:.6f}"),
                    lead_unit=rng.choice(units),
                    leader=rng.choice(people),
                    currency=currency,
                    amounts_as_of=max(origin, dt.date(2018, 1, 1)),
                    total_planned=planned.quantize(Decimal("0.01")),
                    total_completed=(planned * done_share).quantize(Decimal("0.01")),
                    foreign_planned=foreign.quantize(Decimal("0.01")),
                    foreign_completed=(foreign * done_share).quantize(Decimal("0.01")),
                    jobs_planned=rng.randrange(20, 3000),
                    jobs_created=rng.randrange(0, 3000) if stage_index >= 5 else 0,
                    stage=STAGE_ORDER[stage_index],
                    side_status=side,
                    side_reason="generated" if side else "",
                    **facts,
                )
            )
            plans.append((plan, approvals, region))
        Project.objects.bulk_create(projects, batch_size=BATCH)
        saved = {
            p.code: p.pk
            for p in Project.objects.filter(code__in=[p.code for p in projects]).only("code")
        }
        stages, approvals_rows, links = [], [], []
        through = Project.regions.through
        for project, (plan, approvals, region) in zip(projects, plans, strict=True):
            pk = saved[project.code]
            stages += [
                ProjectStage(project_id=pk, stage=STAGE_ORDER[s], planned_on=p, actual_on=a)
                for s, p, a in plan
            ]
            approvals_rows += [
                Approval(
                    project_id=pk,
                    kind=kind,
                    agency=kind.default_agency,
                    due_on=due,
                    state=state,
                    decided_on=due if state == Approval.State.GRANTED else None,
                )
                for kind, due, state in approvals
            ]
            links.append(through(project_id=pk, region_id=region.pk))
        ProjectStage.objects.bulk_create(stages, batch_size=BATCH)
        Approval.objects.bulk_create(approvals_rows, batch_size=BATCH)
        through.objects.bulk_create(links, batch_size=BATCH)
        made += size
    return made


# `planwatch generate --projects N` (see planwatch/plans/management/commands/generate.py).
OPTION = "projects"
HELP = "number of projects with stages, approvals, amounts and locations (default 0)"
generate = generate_projects
