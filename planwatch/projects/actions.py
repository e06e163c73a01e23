"""Changes to projects. Each runs in one transaction, checks permission, writes audit events."""

import datetime as dt
from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.audit.actions import record_changed, record_created, record_event, snapshot
from planwatch.lib.models import insert_checked, save_checked, save_following
from planwatch.plans.files import check_upload
from planwatch.projects import geo
from planwatch.projects.models import (
    STAGE_ORDER,
    Approval,
    ApprovalDocument,
    CapitalPayment,
    ExchangeRate,
    Project,
    ProjectStage,
    Region,
    SideStatus,
    Stage,
    StageLog,
    TaskPlacement,
)
from planwatch.projects.status import schedule_of


def _require(user, perm: str, obj=None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _check_location(project: Project) -> None:
    try:
        geo.check_point(project.latitude, project.longitude)
        if project.outline is not None:
            project.outline = geo.check_geometry(project.outline)
    except geo.BadGeometry as error:
        raise ValidationError({"latitude": str(error)}) from None


SIGNED = STAGE_ORDER.index(Stage.SIGNED)
CACHED = ("next_approval_due", "next_milestone_due", "slipped", "signed_on")


def cached_facts(
    stage_index: int,
    stages: list[tuple[int, dt.date | None, dt.date | None]],
    approvals: list[tuple[bool, dt.date | None]],
) -> dict[str, object]:
    """The project fields the map and the figures read, from (stage index, planned, reached)
    rows and (done, due) approvals."""
    schedule = schedule_of(stage_index, stages, approvals)
    return {
        "next_approval_due": schedule.next_approval_due,
        "next_milestone_due": schedule.next_milestone_due,
        "slipped": schedule.slipped,
        "signed_on": next((reached for index, _, reached in stages if index == SIGNED), None),
    }


def refresh_schedule(project: Project) -> None:
    """Recompute the cached schedule and signing date from the records. `updated_at` moves
    too, so that figures cached under queries.data_stamp are not served stale."""
    stages = [
        (STAGE_ORDER.index(s.stage), s.planned_on, s.actual_on) for s in project.stages.active()
    ]
    approvals = [(a.is_done, a.due_on) for a in project.approvals.active()]
    facts = cached_facts(project.stage_index, stages, approvals)
    facts["updated_at"] = timezone.now()
    Project.objects.filter(pk=project.pk).update(**facts)
    for name, value in facts.items():
        setattr(project, name, value)


def rebuild_schedule_cache() -> int:
    """Rebuild every project's cached facts from its stages and approvals in a few queries;
    returns how many projects were out of step and saved."""
    stages: dict[int, list] = defaultdict(list)
    for pk, stage, planned, reached in ProjectStage.objects.active().values_list(
        "project_id", "stage", "planned_on", "actual_on"
    ):
        stages[pk].append((STAGE_ORDER.index(stage), planned, reached))
    approvals: dict[int, list] = defaultdict(list)
    for pk, state, due in Approval.objects.active().values_list("project_id", "state", "due_on"):
        approvals[pk].append((state in Approval.DONE, due))
    now, changed = timezone.now(), []
    for project in Project.objects.only("pk", "stage", *CACHED).iterator(2000):
        facts = cached_facts(project.stage_index, stages[project.pk], approvals[project.pk])
        if any(getattr(project, name) != value for name, value in facts.items()):
            for name, value in facts.items():
                setattr(project, name, value)
            project.updated_at = now
            changed.append(project)
    Project.objects.bulk_update(changed, [*CACHED, "updated_at"], batch_size=1000)
    return len(changed)


@transaction.atomic
def do_create_project(
    user,
    reason: str = "",
    planned: dict[str, dt.date | None] | None = None,
    reached: dict[str, dt.date | None] | None = None,
    **fields,
) -> Project:
    """A new project with one row per stage; `planned` and `reached` map stages to dates."""
    _require(user, "projects.add_project")
    regions = fields.pop("regions", None)
    project = Project(**fields)
    _check_location(project)
    insert_checked(project)
    if regions is not None:
        project.regions.set(regions)
    record_created(user, project, reason)
    planned, reached = planned or {}, reached or {}
    for stage in STAGE_ORDER:
        row = ProjectStage.objects.create(
            project=project,
            stage=stage,
            planned_on=planned.get(stage),
            actual_on=reached.get(stage),
        )
        record_created(user, row, reason)
    refresh_schedule(project)
    return project


@transaction.atomic
def do_update_project(
    user, project: Project, version: int | None, reason: str = "", **fields
) -> Project:
    """Change a project's facts (not its stage: see do_move_project); raises StaleRecord."""
    _require(user, "projects.change_project", project)
    regions = fields.pop("regions", None)
    fields.pop("stage", None)
    before = snapshot(project)
    for name, value in fields.items():
        setattr(project, name, value)
    _check_location(project)
    project.full_clean()
    save_checked(project, version)
    if regions is not None:
        old = sorted(project.regions.values_list("code", flat=True))
        project.regions.set(regions)
        new = sorted(r.code for r in regions)
        if old != new:
            record_event(user, "changed", project, {"regions": [old, new]}, reason)
    record_changed(user, project, before, reason)
    return project


@transaction.atomic
def do_move_project(
    user,
    project: Project,
    version: int | None,
    to_stage: str,
    side_status: str = "",
    reason: str = "",
    on: dt.date | None = None,
) -> StageLog:
    """Move a project along its life or set a side status; the stage log says who and why."""
    _require(user, "projects.change_project", project)
    if to_stage not in Stage.values or side_status not in SideStatus.values:
        raise ValidationError(_("Unknown stage or side status."))
    if side_status == SideStatus.LOST and not reason.strip():
        raise ValidationError({"reason": _("Say why the project was lost.")})
    if to_stage == project.stage and side_status == project.side_status:
        raise ValidationError(_("The project is already at that stage and status."))
    on = on or timezone.localdate()
    before = snapshot(project, ["stage", "side_status", "side_reason"])
    log = StageLog(
        project=project,
        from_stage=project.stage,
        to_stage=to_stage,
        from_side_status=project.side_status,
        to_side_status=side_status,
        moved_by=user if getattr(user, "is_authenticated", False) else None,
        moved_at=timezone.now(),
        reached_on=on,
        reason=reason,
    )
    project.stage, project.side_status = to_stage, side_status
    project.side_reason = reason if side_status else ""
    project.full_clean()
    save_checked(project, version)
    log.save()
    if to_stage != log.from_stage:
        row, _created = ProjectStage.objects.get_or_create(project=project, stage=to_stage)
        if row.actual_on is None:
            row.actual_on = on
            save_following(row)
    record_changed(user, project, before, reason)
    refresh_schedule(project)
    return log


@transaction.atomic
def do_set_stage_dates(
    user,
    project: Project,
    stage: str,
    planned_on: dt.date | None,
    actual_on: dt.date | None,
    reason: str = "",
) -> ProjectStage:
    _require(user, "projects.change_project", project)
    row, created = ProjectStage.objects.get_or_create(project=project, stage=stage)
    before = snapshot(row)
    row.planned_on, row.actual_on = planned_on, actual_on
    row.full_clean()
    save_following(row)
    record_changed(user, row, before, reason)
    refresh_schedule(project)
    return row


@transaction.atomic
def do_add_approval(user, project: Project, reason: str = "", **fields) -> Approval:
    _require(user, "projects.change_project", project)
    approval = Approval(project=project, **fields)
    if not approval.agency:
        approval.agency = approval.kind.default_agency
    approval.full_clean()
    approval.save()
    record_created(user, approval, reason)
    refresh_schedule(project)
    return approval


@transaction.atomic
def do_update_approval(
    user, approval: Approval, version: int | None, reason: str = "", **fields
) -> Approval:
    _require(user, "projects.change_project", approval.project)
    before = snapshot(approval)
    for name, value in fields.items():
        setattr(approval, name, value)
    approval.full_clean()
    save_checked(approval, version)
    record_changed(user, approval, before, reason)
    refresh_schedule(approval.project)
    return approval


@transaction.atomic
def do_attach_document(user, approval: Approval, upload: UploadedFile) -> ApprovalDocument:
    """Keep a file of an approval, checked like report evidence (plans.files): size,
    kind by name and by content, a clean name, stored under a random one."""
    _require(user, "projects.change_project", approval.project)
    checked = check_upload(upload, "file")
    document = ApprovalDocument(
        approval=approval,
        name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    document.file.save(checked.stored_name(), checked.upload, save=False)
    document.save()
    values = {**snapshot(document), "file": document.file.name}
    record_event(user, "created", document, {k: [None, v] for k, v in values.items()})
    return document


@transaction.atomic
def do_add_payment(user, project: Project, reason: str = "", **fields) -> CapitalPayment:
    _require(user, "projects.change_project", project)
    payment = CapitalPayment(project=project, **fields)
    payment.full_clean()
    payment.save()
    record_created(user, payment, reason)
    return payment


@transaction.atomic
def do_link_task(user, project: Project, task, reason: str = "") -> None:
    """Let a project carry a plan task: its status then shows on the project."""
    _require(user, "projects.change_project", project)
    if not project.tasks.filter(pk=task.pk).exists():
        project.tasks.add(task)
        record_event(user, "changed", project, {"tasks": [None, task.reference]}, reason)


@transaction.atomic
def do_unlink_task(user, project: Project, task, reason: str = "") -> None:
    _require(user, "projects.change_project", project)
    if project.tasks.filter(pk=task.pk).exists():
        project.tasks.remove(task)
        record_event(user, "changed", project, {"tasks": [task.reference, None]}, reason)


@transaction.atomic
def do_place_task(user, task, region: Region, reason: str = "") -> TaskPlacement:
    _require(user, "projects.place_task")
    existing = TaskPlacement.objects.active().filter(task=task, region=region).first()
    if existing:
        return existing
    placement = TaskPlacement.objects.create(task=task, region=region)
    record_created(user, placement, reason)
    return placement


@transaction.atomic
def do_save_region(
    user, region: Region | None, version: int | None, geometry_text: str, reason: str = "", **fields
) -> Region:
    """Create or change a region; its GeoJSON is checked and its bounding box kept."""
    _require(user, "projects.change_region")
    try:
        geometry = geo.parse_geojson(geometry_text)
    except geo.BadGeometry as error:
        raise ValidationError({"geometry": str(error)}) from None
    box = geo.bbox(geometry)
    creating = region is None
    region = region or Region()
    before = None if creating else snapshot(region)
    for name, value in fields.items():
        setattr(region, name, value)
    region.geometry = geometry
    region.west, region.south, region.east, region.north = box.west, box.south, box.east, box.north
    if creating:
        insert_checked(region)
        record_created(user, region, reason)
    else:
        region.full_clean()
        save_checked(region, version)
        record_changed(user, region, before, reason)
    return region


@transaction.atomic
def do_add_rate(user, reason: str = "", **fields) -> ExchangeRate:
    _require(user, "projects.change_exchangerate")
    rate = ExchangeRate(**fields)
    insert_checked(rate)
    record_created(user, rate, reason)
    return rate


@transaction.atomic
def do_archive(user, record, reason: str = "") -> None:
    """Archive a project record: it leaves lists and the map but keeps its history."""
    perm = {
        "project": "projects.archive_project",
        "region": "projects.change_region",
        "exchangerate": "projects.change_exchangerate",
    }.get(record._meta.model_name, "projects.change_project")
    _require(user, perm, record)
    if record.archived_at is None:
        record.archived_at = timezone.now()
        save_following(record)
        record_event(
            user, "archived", record, {"archived_at": [None, str(record.archived_at)]}, reason
        )
        if isinstance(record, Approval):
            refresh_schedule(record.project)
