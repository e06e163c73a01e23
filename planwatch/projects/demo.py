"""Loading the zone's layout, parks, exchange rates and major projects. Idempotent.

Runs after the directory's demo (it needs the parks, units and people) and the plans'.
"""

import datetime as dt
import json
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from planwatch.directory import actions as directory_actions
from planwatch.directory.models import Organisation, Person
from planwatch.projects import actions, demo_world, reference
from planwatch.projects.models import (
    ApprovalKind,
    Country,
    ExchangeRate,
    Industry,
    Project,
    Region,
)


def load_regions() -> int:
    created = 0
    parks = {o.code: o for o in Organisation.objects.filter(kind=Organisation.Kind.PARK)}
    for code, (name_en, name_zh, role, geometry, park) in demo_world.REGIONS.items():
        if Region.objects.filter(code=code).exists():
            continue
        actions.do_save_region(
            None,
            None,
            None,
            json.dumps(geometry),
            code=code,
            name_en=name_en,
            name_zh=name_zh,
            role=role,
            park=parks.get(park) if park else None,
        )
        created += 1
    return created


def load_rates() -> int:
    created = 0
    for currency, day, rate in demo_world.RATES:
        valid_from = dt.date.fromisoformat(day)
        if (
            not ExchangeRate.objects.active()
            .filter(currency=currency, valid_from=valid_from)
            .exists()
        ):
            actions.do_add_rate(
                None,
                currency=currency,
                valid_from=valid_from,
                cny_per_unit=Decimal(rate),
                source="demo: approximate published rate",
            )
            created += 1
    return created


def _investor(code: str | None) -> Organisation | None:
    if code is None:
        return None
    found = Organisation.objects.filter(code=code).first()
    if found is None:
        name_en, name_zh = demo_world.INVESTORS[code]
        found = directory_actions.do_create_organisation(
            None, code=code, name_en=name_en, name_zh=name_zh, kind=Organisation.Kind.ENTERPRISE
        )
    return found


def load_projects(today: dt.date) -> int:
    created = 0
    orgs = {o.code: o for o in Organisation.objects.exclude(code=None)}
    people = {p.code: p for p in Person.objects.exclude(code=None)}
    kinds = {k.code: k for k in ApprovalKind.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    for code, spec in demo_world.PROJECTS.items():
        if Project.objects.filter(code=code).exists():
            continue

        def day(offset: int | None) -> dt.date | None:
            return None if offset is None else today + dt.timedelta(days=offset)

        tp, tc, fp, fc = (Decimal(a) for a in spec["amounts"])
        lon, lat = spec["at"]
        project = actions.do_create_project(
            None,
            "demo",
            planned={s: day(p) for s, (p, _r) in spec["stages"].items()},
            reached={s: day(r) for s, (_p, r) in spec["stages"].items()},
            code=code,
            name_en=spec["name_en"],
            name_zh=spec["name_zh"],
            investor=_investor(spec["investor"]),
            country=Country.objects.get(code=spec["country"]),
            industry=Industry.objects.get(code=spec["industry"]),
            park=orgs.get(spec["park"]) if spec["park"] else None,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            lead_unit=orgs[spec["lead_unit"]],
            leader=people.get(spec["leader"]) if spec["leader"] else None,
            currency=spec["currency"],
            amounts_as_of=dt.date.fromisoformat(spec["as_of"]),
            total_planned=tp,
            total_completed=tc,
            foreign_planned=fp,
            foreign_completed=fc,
            jobs_planned=spec["jobs"][0],
            jobs_created=spec["jobs"][1],
            stage=spec["stage"],
            side_status=spec.get("side_status", ""),
            side_reason=spec.get("side_reason", ""),
            regions=[regions[r] for r in spec["regions"] if r in regions],
        )
        for kind, due, state in spec["approvals"]:
            decided = day(due - 10) if state == "granted" else None
            actions.do_add_approval(
                None,
                project,
                "demo",
                kind=kinds[kind],
                due_on=day(due),
                state=state,
                decided_on=decided,
            )
        for paid_on, amount, currency in spec.get("payments", []):
            actions.do_add_payment(
                None,
                project,
                "demo",
                paid_on=dt.date.fromisoformat(paid_on),
                amount=Decimal(amount),
                currency=currency,
            )
        created += 1
    return created


@transaction.atomic
def load() -> list[str]:
    """Reference lists, the layout's regions, exchange rates and the demo projects."""
    reference.load()
    regions = load_regions()
    rates = load_rates()
    projects = load_projects(timezone.localdate())
    return [f"Projects: {regions} regions, {rates} exchange rates, {projects} projects created"]
