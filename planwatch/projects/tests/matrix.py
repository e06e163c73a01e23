"""The projects' routes in the permission matrix (see planwatch/testing.py).

For each of units A and B the world gains a project it leads, with an approval and an
approval document; plus a region and a plan task to place. Unit-scoped routes are
called on the project of the user's own unit and of the other.
"""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from planwatch.plans.models import Plan, Task
from planwatch.projects.models import (
    Approval,
    ApprovalDocument,
    ApprovalKind,
    CapitalPayment,
    Country,
    ExchangeRate,
    Industry,
    Project,
    ProjectStage,
    Region,
    TaskPlacement,
)
from planwatch.testing import History, Route, everyone, managers, readers_or_own_officer

DOCUMENT_PATH = "approvals/permission-matrix/permit.txt"


def extend_world(world: dict) -> None:
    """Plain creates, not actions: the matrix tests access, and runs this often."""
    if not default_storage.exists(DOCUMENT_PATH):
        default_storage.save(DOCUMENT_PATH, ContentFile(b"permit"))
    kind = ApprovalKind.objects.get(code="land")
    industry = Industry.objects.get(code="medicine")
    for key in ("a", "b"):
        project = Project.objects.create(
            code=f"matrix-project-{key}",
            name_en=f"Project of unit {key.upper()}",
            industry=industry,
            lead_unit=world[f"unit_{key}"],
            amounts_as_of=dt.date(2022, 1, 1),
            total_planned=Decimal("100000000"),
            latitude=Decimal("43.95"),
            longitude=Decimal("125.55"),
        )
        approval = Approval.objects.create(
            project=project, kind=kind, due_on=dt.date(2023, 1, 1), agency="Bureau"
        )
        document = ApprovalDocument.objects.create(
            approval=approval,
            file=DOCUMENT_PATH,
            name="permit.txt",
            content_type="text/plain",
            size=6,
            sha256="0" * 64,
        )
        world.update(
            {
                f"project_{key}": project,
                f"approval_{key}": approval,
                f"document_{key}": document,
                f"stage_{key}": ProjectStage.objects.create(project=project, stage="signed"),
                f"payment_{key}": CapitalPayment.objects.create(
                    project=project, paid_on=dt.date(2022, 6, 1), amount=1000, currency="CNY"
                ),
            }
        )
    world["region"] = Region.objects.create(
        code="matrix-region",
        name_en="Matrix region",
        role="park",
        geometry={"type": "Point", "coordinates": [125.5, 43.9]},
    )
    plan = Plan.objects.create(code="projects-matrix-plan", title_en="Projects matrix plan")
    world["project_task"] = Task.objects.create(
        plan=plan, reference="PRJ-MATRIX-1", title_en="Build it", start_date=dt.date(2022, 1, 1)
    )
    world["placement"] = TaskPlacement.objects.create(
        task=world["project_task"], region=world["region"]
    )
    world["rate"] = ExchangeRate.objects.create(
        currency="USD", valid_from=dt.date(1999, 1, 1), cny_per_unit=Decimal("7.1")
    )


def _own(world: dict, name: str) -> dict:
    return {"pk": world[f"{name}_{'a' if world['own'] else 'b'}"].pk}


def project(world: dict) -> dict:
    return _own(world, "project")


def approval(world: dict) -> dict:
    return _own(world, "approval")


def document(world: dict) -> dict:
    return _own(world, "document")


def scoped(allowed, kwargs, **more) -> Route:
    return Route(allowed=allowed, kwargs=kwargs, unit_scoped=True, **more)


ROUTES: dict[str, Route] = {
    "projects:list": Route(query="?stage=lead&industry=medicine"),
    "projects:new": Route(allowed=managers),
    "projects:detail": scoped(readers_or_own_officer, project),
    "projects:edit": scoped(managers, project),
    "projects:move": scoped(
        managers,
        project,
        method="post",
        data=lambda w: {
            "to_stage": "signed",
            "reason": "contract",
            "version": w[f"project_{'a' if w['own'] else 'b'}"].version,
        },
    ),
    "projects:stage_dates": scoped(
        managers, project, method="post", data={"stage": "signed", "planned_on": "2023-05-01"}
    ),
    "projects:approval_add": scoped(
        managers,
        project,
        method="post",
        data=lambda w: {
            "kind": ApprovalKind.objects.get(code="eia").pk,
            "state": "applied",
            "due_on": "2024-01-01",
        },
    ),
    "projects:payment_add": scoped(
        managers,
        project,
        method="post",
        data={"paid_on": "2023-01-01", "amount": "1000", "currency": "CNY"},
    ),
    "projects:task_link": scoped(
        managers, project, method="post", data={"reference": "PRJ-MATRIX-1"}
    ),
    "projects:archive": scoped(managers, project, method="post", data={"reason": "duplicate"}),
    "projects:approval_edit": scoped(managers, approval),
    "projects:document_add": scoped(
        managers, approval, method="post", data=lambda w: {"file": ContentFile(b"x", "a.txt")}
    ),
    "projects:document": scoped(readers_or_own_officer, document),
    "projects:map": Route(),
    "projects:map_data": Route(query="?industry=medicine"),
    "projects:popup": scoped(readers_or_own_officer, project),
    "projects:regions": Route(),
    "projects:region_new": Route(allowed=managers),
    "projects:region_edit": Route(allowed=managers, kwargs=lambda w: {"pk": w["region"].pk}),
    "projects:region_place_task": Route(
        allowed=managers,
        kwargs=lambda w: {"pk": w["region"].pk},
        method="post",
        data={"reference": "PRJ-MATRIX-1"},
    ),
    "projects:regions_data": Route(),
    "projects:board": Route(query="?from=2022-01&months=12"),
    "projects:figures": Route(query="?threshold=0.5"),
    "projects:rates": Route(),
    "projects:import": Route(allowed=managers),
    "projects:export": Route(allowed=everyone),
    "api-1:list_projects": Route(query="?industry=medicine"),
    "api-1:project_map_data": Route(),
    "api-1:project_regions": Route(),
    "api-1:project_figures": Route(),
    "api-1:list_late_approvals": Route(),
    "api-1:get_project": scoped(readers_or_own_officer, project),
    "api-1:move_project": scoped(
        managers,
        project,
        method="post",
        data=lambda w: {
            "stage": "signed",
            "reason": "contract",
            "version": w[f"project_{'a' if w['own'] else 'b'}"].version,
        },
    ),
}


def _unit_record(name: str) -> History:
    """A record of the unit's own project: its officer sees it and its history, no other."""
    return History(lambda w: w[f"{name}_{'a' if w['own'] else 'b'}"], readers_or_own_officer)


def _not_to_officers(role: str, own: bool) -> bool:
    """The placed task is assigned to no unit: officers cannot open it."""
    return readers_or_own_officer(role, False)


HISTORY: dict[str, History] = {
    "projects.country": History(lambda w: Country.objects.first()),
    "projects.industry": History(lambda w: Industry.objects.get(code="medicine")),
    "projects.approvalkind": History(lambda w: ApprovalKind.objects.get(code="land")),
    "projects.exchangerate": History(lambda w: w["rate"]),
    "projects.region": History(lambda w: w["region"]),
    "projects.project": _unit_record("project"),
    "projects.projectstage": _unit_record("stage"),
    "projects.approval": _unit_record("approval"),
    "projects.approvaldocument": _unit_record("document"),
    "projects.capitalpayment": _unit_record("payment"),
    "projects.taskplacement": History(lambda w: w["placement"], _not_to_officers),
}
