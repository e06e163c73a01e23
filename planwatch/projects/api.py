"""The projects' JSON API: the same queries and actions as the pages."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from planwatch.lib.api import Offset, require
from planwatch.lib.models import StaleRecord
from planwatch.lib.money import YI
from planwatch.projects import actions
from planwatch.projects.queries import (
    MapFilters,
    figures,
    late_approvals,
    map_data,
    project_light,
    projects_visible_to,
    regions_geojson,
)

router = Router(tags=["projects"])


class ProjectOut(Schema):
    id: int
    code: str
    name_en: str
    name_zh: str
    stage: str
    side_status: str
    light: str
    industry: str
    park_id: int | None
    country: str | None
    lead_unit_id: int
    leader_id: int | None
    latitude: Decimal | None
    longitude: Decimal | None
    currency: str
    amounts_as_of: dt.date
    total_planned: Decimal
    total_completed: Decimal
    foreign_planned: Decimal
    foreign_completed: Decimal
    jobs_planned: int
    jobs_created: int
    next_approval_due: dt.date | None
    next_milestone_due: dt.date | None
    version: int


class MoveIn(Schema):
    stage: str
    side_status: str = ""
    reason: str = ""
    on: dt.date | None = None
    version: int


class LateApprovalOut(Schema):
    id: int
    project_id: int
    project_code: str
    kind: str
    due_on: dt.date
    state: str
    lead_unit_id: int


class FiguresOut(Schema):
    projects: int
    above_threshold: int
    planned_cny: Decimal
    completed_cny: Decimal
    by: dict[str, dict[str, list[Decimal]]]
    errors: dict[str, int]


def _out(project, today: dt.date) -> dict:
    return {
        **{f: getattr(project, f) for f in ProjectOut.model_fields if hasattr(project, f)},
        "light": str(project_light(project, today)),
        "industry": project.industry.code,
        "country": project.country.code if project.country else None,
    }


def _filters(stage: str, industry: str, park: int | None, country: str, unit: int | None):
    return MapFilters(stage=stage, industry=industry, park=park, country=country, unit=unit)


@router.get("/", response=list[ProjectOut])
def list_projects(
    request,
    stage: str = "",
    industry: str = "",
    park: int | None = None,
    country: str = "",
    unit: int | None = None,
    offset: Offset = 0,
    limit: int = 500,
):
    require(request, "projects.view_map")
    today = timezone.localdate()
    projects = (
        _filters(stage, industry, park, country, unit)
        .apply(projects_visible_to(request.user))
        .select_related("industry", "country")
    )
    limit = min(max(limit, 1), 2000)
    return [_out(p, today) for p in projects[offset : offset + limit]]


@router.get("/map", url_name="project_map_data")
def project_map(
    request,
    stage: str = "",
    industry: str = "",
    park: int | None = None,
    country: str = "",
    unit: int | None = None,
):
    """Compact rows for the battle map (see queries.map_data for the layout), written without
    spaces like the page's route: 20,000 rows are a fifth smaller."""
    require(request, "projects.view_map")
    filters = _filters(stage, industry, park, country, unit)
    data = map_data(request.user, timezone.localdate(), filters)
    return JsonResponse(data, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False})


@router.get("/regions")
def project_regions(request):
    """The regions of the spatial layout as a GeoJSON FeatureCollection."""
    require(request, "projects.view_region")
    return regions_geojson()


@router.get("/figures", response=FiguresOut)
def project_figures(request, threshold_yi: Decimal = Decimal(1)):
    require(request, "projects.view_figures")
    result = figures(request.user, threshold_yi * YI)
    return {
        "projects": result.projects,
        "above_threshold": result.above_threshold,
        "planned_cny": result.planned.quantize(Decimal("0.01")),
        "completed_cny": result.completed.quantize(Decimal("0.01")),
        "by": {
            key: {
                str(k): [v[0].quantize(Decimal("0.01")), v[1].quantize(Decimal("0.01"))]
                for k, v in values.items()
            }
            for key, values in result.by.items()
        },
        "errors": result.errors,
    }


@router.get("/late-approvals", response=list[LateApprovalOut])
def list_late_approvals(request):
    require(request, "projects.view_map")
    return [
        {
            "id": a.pk,
            "project_id": a.project_id,
            "project_code": a.project.code,
            "kind": a.kind.code,
            "due_on": a.due_on,
            "state": a.state,
            "lead_unit_id": a.project.lead_unit_id,
        }
        for a in late_approvals(request.user, timezone.localdate())[:1000]
    ]


@router.get("/{pk}", response=ProjectOut)
def get_project(request, pk: int):
    project = get_object_or_404(
        projects_visible_to(request.user).select_related("industry", "country"), pk=pk
    )
    require(request, "projects.view_project", project)
    return _out(project, timezone.localdate())


@router.post("/{pk}/move", response={201: ProjectOut})
def move_project(request, pk: int, payload: MoveIn):
    project = get_object_or_404(
        projects_visible_to(request.user).select_related("industry", "country"), pk=pk
    )
    require(request, "projects.change_project", project)
    try:
        actions.do_move_project(
            request.user,
            project,
            payload.version,
            payload.stage,
            payload.side_status,
            payload.reason,
            payload.on,
        )
    except StaleRecord:
        raise HttpError(409, "Someone else changed the project; reload it.") from None
    except ValidationError as error:
        raise HttpError(422, "; ".join(error.messages)) from None
    return Status(201, _out(project, timezone.localdate()))
