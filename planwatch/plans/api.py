"""The supervision loop's JSON API: the same actions and queries as its pages.

Errors: 422 with a message naming the field, 409 when someone else saved the record
first (send the `version` you read), 404 for a task the user may not see.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from planwatch.directory.models import Organisation, Person
from planwatch.lib.api import require
from planwatch.lib.models import StaleRecord
from planwatch.plans import actions
from planwatch.plans.models import Assignment, Clause, Plan, ProgressReport, SourceDocument, Task
from planwatch.plans.queries import (
    TaskFilter,
    TaskRow,
    reports_visible_to,
    task_page,
    task_rows,
    tasks_visible_to,
)
from planwatch.plans.status import Status as TaskStatus

router = Router(tags=["plans"])

MAX_PER_PAGE = 200


# ---------------------------------------------------------------- schemas


class ClauseOut(Schema):
    id: int
    position: int
    ordinal: str
    text: str
    span_start: int | None
    span_end: int | None


class DocumentOut(Schema):
    id: int
    kind: str
    title: str
    reference: str
    issuer_id: int | None
    issuer_person_id: int | None
    document_date: dt.date | None
    event_date: dt.date | None
    source_url: str
    version: int


class DocumentDetail(DocumentOut):
    text: str
    addressee_ids: list[int]
    clauses: list[ClauseOut]


class DocumentIn(Schema):
    kind: str
    title: str
    reference: str = ""
    issuer_id: int | None = None
    issuer_person_id: int | None = None
    addressee_ids: list[int] = []
    document_date: dt.date | None = None
    event_date: dt.date | None = None
    source_url: str = ""
    text: str = ""
    reason: str = ""


class AssignmentOut(Schema):
    id: int
    unit_id: int
    unit: str
    role: str
    share: str
    acknowledged_at: dt.datetime | None


class TaskOut(Schema):
    reference: str
    plan: str
    parent: str | None
    kind: str
    title: str
    title_en: str
    title_zh: str
    lead_unit_id: int | None
    start_date: dt.date
    deadline: dt.date | None
    original_deadline: dt.date | None
    weight: Decimal
    source_clause_id: int | None
    status: str
    light: str
    progress: int | None
    expected_progress: int | None
    closed: bool
    version: int


class TaskDetail(TaskOut):
    description: str
    source_span_start: int | None
    source_span_end: int | None
    assignments: list[AssignmentOut]


class TaskPage(Schema):
    count: int
    count_capped: bool = Field(
        False, description="True when more tasks match than `count`, which stops at 10,000."
    )
    page: int
    pages: int
    results: list[TaskOut]


class TaskIn(Schema):
    reference: str
    plan: str
    title_en: str = ""
    title_zh: str = ""
    description: str = ""
    kind: str = Task.Kind.TASK
    parent: str | None = None
    lead_unit_id: int | None = None
    start_date: dt.date
    deadline: dt.date | None = None
    weight: Decimal = Decimal("1")
    source_clause_id: int | None = None
    source_span_start: int | None = None
    source_span_end: int | None = None
    stamp_milestones: bool = True
    reason: str = ""


class TaskUpdate(Schema):
    version: int
    title_en: str | None = None
    title_zh: str | None = None
    description: str | None = None
    kind: str | None = None
    parent: str | None = None
    lead_unit_id: int | None = None
    start_date: dt.date | None = None
    deadline: dt.date | None = None
    weight: Decimal | None = None
    source_clause_id: int | None = None
    source_span_start: int | None = None
    source_span_end: int | None = None
    reason: str = ""


class ReportOut(Schema):
    id: int
    assignment_id: int
    unit_id: int
    period_start: dt.date
    percent_complete: int
    narrative: str
    blockers: str
    state: str
    submitted_at: dt.datetime
    reviewed_at: dt.datetime | None
    review_comment: str
    version: int


class ReportIn(Schema):
    period_start: dt.date
    percent_complete: int
    narrative: str
    blockers: str = ""
    actuals: dict[int, Decimal] = {}
    raise_issue: bool = False


class ReviewIn(Schema):
    version: int
    approve: bool
    comment: str = ""


# ---------------------------------------------------------------- helpers


def _unprocessable(error: ValidationError):
    if hasattr(error, "error_dict"):
        text = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    else:
        text = " ".join(error.messages)
    return HttpError(422, text)


def _call(action, *args, **kwargs):
    """Run an action; its refusals become 403, 409 or 422 answers."""
    try:
        return action(*args, **kwargs)
    except PermissionDenied:
        raise HttpError(403, "You may not do this.") from None
    except StaleRecord:
        raise HttpError(
            409, "Someone else saved this record first; read it again and send its new version."
        ) from None
    except ValidationError as error:
        raise _unprocessable(error) from None


def _lookup(model, field: str, pk, queryset=None):
    """The record a payload names by id, or 422 naming the field."""
    if pk is None:
        return None
    found = (queryset if queryset is not None else model.objects.active()).filter(pk=pk).first()
    if found is None:
        raise HttpError(422, f"{field}: no {model._meta.verbose_name} with id {pk}.")
    return found


def _visible_task(request, reference: str) -> Task:
    task = get_object_or_404(
        tasks_visible_to(request.user).select_related("plan", "parent"), reference=reference
    )
    require(request, "plans.view_task", task)
    return task


def _visible_parents(user, tasks: list[Task]) -> dict[int, str]:
    """{parent id: reference} of the parents this user may open: a parent they cannot open
    is shown as null, never named."""
    ids = {task.parent_id for task in tasks if task.parent_id}
    if not ids:
        return {}
    return dict(tasks_visible_to(user).filter(pk__in=ids).values_list("pk", "reference"))


def _task_out(row: TaskRow, parents: dict[int, str]) -> dict:
    task = row.task
    return {
        "reference": task.reference,
        "plan": task.plan.code,
        "parent": parents.get(task.parent_id),
        "kind": task.kind,
        "title": task.title,
        "title_en": task.title_en,
        "title_zh": task.title_zh,
        "lead_unit_id": task.lead_unit_id,
        "start_date": task.start_date,
        "deadline": task.deadline,
        "original_deadline": task.original_deadline,
        "weight": task.weight,
        "source_clause_id": task.source_clause_id,
        "status": row.status.value,
        "light": row.light,
        "progress": row.progress,
        "expected_progress": row.expected,
        "closed": task.closed_at is not None,
        "version": task.version,
    }


def _task_detail(user, task: Task) -> dict:
    row = task_rows([task], timezone.localdate())[0]
    assignments = task.assignments.active().select_related("unit")
    return {
        **_task_out(row, _visible_parents(user, [task])),
        "description": task.description,
        "source_span_start": task.source_span_start,
        "source_span_end": task.source_span_end,
        "assignments": [
            {
                "id": a.pk,
                "unit_id": a.unit_id,
                "unit": str(a.unit),
                "role": a.role,
                "share": a.share,
                "acknowledged_at": a.acknowledged_at,
            }
            for a in assignments
        ],
    }


def _report_out(report: ProgressReport) -> dict:
    fields = ReportOut.model_fields.keys() - {"unit_id"}
    return {
        **{name: getattr(report, name) for name in fields},
        "unit_id": report.assignment.unit_id,
    }


def _task_fields(request, data: dict) -> dict:
    """Payload ids and references turned into the records the actions take."""
    fields = dict(data)
    if "plan" in fields:
        code = fields.pop("plan")
        fields["plan"] = Plan.objects.active().filter(code=code).first()
        if fields["plan"] is None:
            raise HttpError(422, f"plan: no plan with code {code!r}.")
    if "parent" in fields:
        reference = fields.pop("parent")
        fields["parent"] = None
        if reference:
            fields["parent"] = tasks_visible_to(request.user).filter(reference=reference).first()
            if fields["parent"] is None:
                raise HttpError(422, f"parent: no task with reference {reference!r}.")
    if "lead_unit_id" in fields:
        fields["lead_unit"] = _lookup(Organisation, "lead_unit_id", fields.pop("lead_unit_id"))
    if "source_clause_id" in fields:
        fields["source_clause"] = _lookup(
            Clause, "source_clause_id", fields.pop("source_clause_id")
        )
    return fields


# ---------------------------------------------------------------- documents


@router.get("/documents", response=list[DocumentOut])
def plans_list_documents(request, q: str = ""):
    require(request, "plans.view_sourcedocument")
    documents = SourceDocument.objects.active()
    if q:
        documents = documents.filter(title__icontains=q)
    return documents[:500]


@router.get("/documents/{pk}", response=DocumentDetail)
def plans_get_document(request, pk: int):
    document = get_object_or_404(SourceDocument.objects.active(), pk=pk)
    require(request, "plans.view_sourcedocument", document)
    return {
        **DocumentOut.from_orm(document).dict(),
        "text": document.text,
        "addressee_ids": list(document.addressees.values_list("pk", flat=True)),
        "clauses": list(document.clauses.active()),
    }


@router.post("/documents", response={201: DocumentOut})
def plans_create_document(request, payload: DocumentIn):
    require(request, "plans.manage_plans")
    data = payload.dict()
    reason = data.pop("reason")
    addressees = [_lookup(Organisation, "addressee_ids", pk) for pk in data.pop("addressee_ids")]
    data["issuer"] = _lookup(Organisation, "issuer_id", data.pop("issuer_id"))
    data["issuer_person"] = _lookup(Person, "issuer_person_id", data.pop("issuer_person_id"))
    document = _call(
        actions.do_create_document, request.user, addressees=addressees, reason=reason, **data
    )
    return Status(201, document)


# ---------------------------------------------------------------- tasks


@router.get("/tasks", response=TaskPage)
def plans_list_tasks(
    request,
    plan: str = "",
    unit: int | None = None,
    status: str = "",
    deadline_from: dt.date | None = None,
    deadline_to: dt.date | None = None,
    q: str = "",
    page: int = 1,
    per_page: int = 50,
):
    require(request, "plans.view_plan")
    if status and status not in TaskStatus.__members__.values():
        raise HttpError(422, f"status: use one of {', '.join(s.value for s in TaskStatus)}.")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise HttpError(422, f"per_page: between 1 and {MAX_PER_PAGE}.")
    if page < 1:
        raise HttpError(422, "page: from 1.")
    plan_record = None
    if plan:
        plan_record = Plan.objects.active().filter(code=plan).first()
        if plan_record is None:
            raise HttpError(422, f"plan: no plan with code {plan!r}.")
    task_filter = TaskFilter(
        plan=plan_record,
        unit_id=unit,
        status=TaskStatus(status) if status else None,
        deadline_from=deadline_from,
        deadline_to=deadline_to,
        text=q.strip(),
    )
    result = task_page(request.user, task_filter, timezone.localdate(), page, per_page)
    parents = _visible_parents(request.user, [row.task for row in result.rows])
    return {
        "count": result.paginator.count,
        "count_capped": result.paginator.capped,
        "page": result.number,
        "pages": result.paginator.num_pages,
        "results": [_task_out(row, parents) for row in result.rows],
    }


@router.get("/tasks/{reference}", response=TaskDetail)
def plans_get_task(request, reference: str):
    return _task_detail(request.user, _visible_task(request, reference))


@router.post("/tasks", response={201: TaskDetail})
def plans_create_task(request, payload: TaskIn):
    require(request, "plans.change_task")
    data = payload.dict()
    reason = data.pop("reason")
    stamp = data.pop("stamp_milestones")
    fields = _task_fields(request, data)
    task = _call(actions.do_create_task, request.user, reason, stamp_milestones=stamp, **fields)
    return Status(201, _task_detail(request.user, task))


@router.post("/tasks/{reference}", response=TaskDetail)
def plans_update_task(request, reference: str, payload: TaskUpdate):
    """Change the fields sent; `version` is the one you read (409 if it has moved on)."""
    task = _visible_task(request, reference)
    require(request, "plans.change_task", task)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    reason = data.pop("reason", "")
    fields = _task_fields(request, data)
    task = _call(actions.do_update_task, request.user, task, version, reason, **fields)
    return _task_detail(request.user, task)


# ---------------------------------------------------------------- reports


@router.get("/tasks/{reference}/reports", response=list[ReportOut])
def plans_task_reports(request, reference: str):
    task = _visible_task(request, reference)
    reports = reports_visible_to(request.user).filter(assignment__task=task)
    return [_report_out(r) for r in reports.select_related("assignment")]


@router.post("/assignments/{pk}/reports", response={201: ReportOut})
def plans_submit_report(request, pk: int, payload: ReportIn):
    assignment = get_object_or_404(
        Assignment.objects.active().filter(task__in=tasks_visible_to(request.user)), pk=pk
    )
    require(request, "plans.report_on_assignment", assignment)
    report = _call(actions.do_submit_report, request.user, assignment, **payload.dict())
    return Status(201, _report_out(report))


@router.post("/reports/{pk}/review", response=ReportOut)
def plans_review_report(request, pk: int, payload: ReviewIn):
    report = get_object_or_404(reports_visible_to(request.user).select_related("assignment"), pk=pk)
    require(request, "plans.review_report", report)
    reviewed = _call(
        actions.do_review_report,
        request.user,
        report,
        payload.version,
        payload.approve,
        payload.comment,
    )
    return _report_out(reviewed)
