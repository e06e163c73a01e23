"""The supervision documents' JSON API: the same queries and actions as the pages.

Errors: 403 for what the user may not do, 404 for what they may not see, 422 with a
message naming the field."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from planwatch.directory.models import Organisation
from planwatch.lib.api import require
from planwatch.plans.models import MajorIssue, Plan, Task
from planwatch.reports import actions
from planwatch.reports.models import Bulletin, Evaluation, Instruction, Notice, NoticeKind
from planwatch.reports.queries import (
    bulletins_visible_to,
    instructions_visible_to,
    notices_visible_to,
)

router = Router(tags=["reports"])
MAX_LIST = 500


class ItemOut(Schema):
    reference: str
    title: str
    deadline: dt.date | None
    last_report_on: dt.date | None
    last_percent: int | None
    days_overdue: int


class NoticeOut(Schema):
    id: int
    kind: str
    state: str
    reference: str
    plan: str
    unit_id: int
    required_response: str
    answer_due: dt.date | None
    issued_on: dt.date | None
    signer_name: str
    escalated_from_id: int | None
    answer: str | None
    items: list[ItemOut]


class NoticeIn(Schema):
    unit_id: int
    kind: str
    tasks: list[str]
    required_response: str
    answer_due: dt.date | None = None


class BulkIn(Schema):
    kind: str
    more_than_days: int
    required_response: str
    plan: str = ""
    answer_due: dt.date | None = None


class ConfirmIn(Schema):
    required_response: str | None = None
    answer_due: dt.date | None = None


class ReasonIn(Schema):
    reason: str


def _out(notice: Notice) -> dict:
    answer = getattr(notice, "answer", None)
    return {
        "id": notice.pk,
        "kind": notice.kind,
        "state": notice.state,
        "reference": notice.reference,
        "plan": notice.plan.code,
        "unit_id": notice.unit_id,
        "required_response": notice.required_response,
        "answer_due": notice.answer_due,
        "issued_on": notice.issued_on,
        "signer_name": notice.signer_name,
        "escalated_from_id": notice.escalated_from_id,
        "answer": answer.text if answer else None,
        "items": list(notice.items.all()),
    }


def _call(action, *args, **kwargs):
    try:
        return action(*args, **kwargs)
    except PermissionDenied:
        raise HttpError(403, "You may not do this.") from None
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            text = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
        else:
            text = " ".join(error.messages)
        raise HttpError(422, text) from None


def _notice(request, pk: int) -> Notice:
    notice = get_object_or_404(notices_visible_to(request.user).select_related("plan"), pk=pk)
    require(request, "reports.view_notice", notice)
    return notice


@router.get("/notices", response=list[NoticeOut])
def list_notices(request, state: str = "", kind: str = "", unit: int | None = None):
    require(request, "reports.view_reports")
    notices = notices_visible_to(request.user).select_related("plan", "answer")
    if state:
        if state not in Notice.State.values:
            raise HttpError(422, f"state: use one of {', '.join(Notice.State.values)}.")
        notices = notices.filter(state=state)
    if kind:
        if kind not in NoticeKind.values:
            raise HttpError(422, f"kind: use one of {', '.join(NoticeKind.values)}.")
        notices = notices.filter(kind=kind)
    if unit is not None:
        notices = notices.filter(unit_id=unit)
    notices = notices.prefetch_related("items").order_by("-created_at", "-pk")
    return [_out(n) for n in notices[:MAX_LIST]]


@router.post("/notices", response={201: NoticeOut})
def issue_notice(request, payload: NoticeIn):
    require(request, "reports.issue_notice")
    unit = Organisation.objects.active().filter(pk=payload.unit_id).first()
    if unit is None:
        raise HttpError(422, f"unit_id: no unit with id {payload.unit_id}.")
    found = {t.reference: t for t in Task.objects.active().filter(reference__in=payload.tasks)}
    unknown = [r for r in payload.tasks if r not in found]
    if unknown:
        raise HttpError(422, f"tasks: no task with reference {', '.join(unknown)}.")
    notice = _call(
        actions.do_issue_notice,
        request.user,
        unit,
        payload.kind,
        [found[r] for r in dict.fromkeys(payload.tasks)],
        payload.required_response,
        timezone.localdate(),
        answer_due=payload.answer_due,
    )
    return Status(201, _out(notice))


@router.post("/notices/bulk", response={201: list[NoticeOut]})
def issue_notices_in_bulk(request, payload: BulkIn):
    require(request, "reports.issue_notice")
    plan = None
    if payload.plan:
        plan = Plan.objects.active().filter(code=payload.plan).first()
        if plan is None:
            raise HttpError(422, f"plan: no plan with code {payload.plan!r}.")
    notices = _call(
        actions.do_issue_in_bulk,
        request.user,
        payload.kind,
        payload.more_than_days,
        payload.required_response,
        timezone.localdate(),
        plan=plan,
        answer_due=payload.answer_due,
    )
    return Status(201, [_out(n) for n in notices])


@router.get("/notices/{pk}", response=NoticeOut)
def get_notice(request, pk: int):
    return _out(_notice(request, pk))


@router.post("/notices/{pk}/confirm", response={201: NoticeOut})
def confirm_notice(request, pk: int, payload: ConfirmIn):
    notice = _notice(request, pk)
    require(request, "reports.issue_notice", notice)
    notice = _call(
        actions.do_confirm_notice,
        request.user,
        notice,
        timezone.localdate(),
        required_response=payload.required_response,
        answer_due=payload.answer_due,
    )
    return Status(201, _out(notice))


@router.post("/notices/{pk}/dismiss", response={201: NoticeOut})
def dismiss_notice(request, pk: int, payload: ReasonIn):
    notice = _notice(request, pk)
    require(request, "reports.issue_notice", notice)
    dismissed = _call(actions.do_dismiss_notice, request.user, notice, payload.reason)
    return Status(201, _out(dismissed))


@router.post("/notices/{pk}/withdraw", response={201: NoticeOut})
def withdraw_notice(request, pk: int, payload: ReasonIn):
    notice = _notice(request, pk)
    require(request, "reports.withdraw_notice", notice)
    return Status(
        201, _out(_call(actions.do_withdraw_notice, request.user, notice, payload.reason))
    )


@router.post("/notices/{pk}/answer", response={201: NoticeOut})
def answer_notice(request, pk: int, text: Form[str], files: File[list[UploadedFile]] = None):
    """Multipart: `text` and any number of `files` (checked like report evidence)."""
    notice = _notice(request, pk)
    _call(actions.do_answer_notice, request.user, notice, text, timezone.localdate(), files or [])
    notice.refresh_from_db()
    return Status(201, _out(notice))


class BulletinOut(Schema):
    id: int
    reference: str
    title: str
    period: str
    period_start: dt.date
    period_end: dt.date
    plan: str | None
    unit_id: int | None
    corrects_id: int | None
    correction_note: str
    issued_on: dt.date
    content: dict


class BulletinIn(Schema):
    period: str
    period_start: dt.date
    period_end: dt.date
    plan: str = ""
    unit_id: int | None = None
    corrects_id: int | None = None
    correction_note: str = ""


def _bulletin_out(bulletin: Bulletin, with_content: bool = True) -> dict:
    return {
        "id": bulletin.pk,
        "reference": bulletin.reference,
        "title": bulletin.title,
        "period": bulletin.period,
        "period_start": bulletin.period_start,
        "period_end": bulletin.period_end,
        "plan": bulletin.plan.code if bulletin.plan_id else None,
        "unit_id": bulletin.unit_id,
        "corrects_id": bulletin.corrects_id,
        "correction_note": bulletin.correction_note,
        "issued_on": bulletin.issued_on,
        "content": bulletin.content if with_content else {},
    }


@router.get("/bulletins", response=list[BulletinOut])
def list_bulletins(request):
    """The bulletins the user may see, newest first, without their content (see /{id})."""
    require(request, "reports.view_reports")
    bulletins = bulletins_visible_to(request.user).select_related("plan").defer("content")
    return [_bulletin_out(b, False) for b in bulletins.order_by("-issued_on", "-pk")[:MAX_LIST]]


@router.post("/bulletins", response={201: BulletinOut})
def generate_bulletin(request, payload: BulletinIn):
    require(request, "reports.issue_bulletin")
    plan = unit = corrects = None
    if payload.plan:
        plan = Plan.objects.active().filter(code=payload.plan).first()
        if plan is None:
            raise HttpError(422, f"plan: no plan with code {payload.plan!r}.")
    if payload.unit_id is not None:
        unit = Organisation.objects.active().filter(pk=payload.unit_id).first()
        if unit is None:
            raise HttpError(422, f"unit_id: no unit with id {payload.unit_id}.")
    if payload.corrects_id is not None:
        corrects = Bulletin.objects.active().filter(pk=payload.corrects_id).first()
        if corrects is None:
            raise HttpError(422, f"corrects_id: no bulletin with id {payload.corrects_id}.")
    bulletin = _call(
        actions.do_generate_bulletin,
        request.user,
        payload.period,
        payload.period_start,
        payload.period_end,
        timezone.localdate(),
        plan=plan,
        unit=unit,
        corrects=corrects,
        correction_note=payload.correction_note,
    )
    return Status(201, _bulletin_out(bulletin))


@router.get("/bulletins/{pk}", response=BulletinOut)
def get_bulletin(request, pk: int):
    bulletin = get_object_or_404(bulletins_visible_to(request.user).select_related("plan"), pk=pk)
    require(request, "reports.view_bulletin", bulletin)
    return _bulletin_out(bulletin)


class InstructionOut(Schema):
    id: int
    task: str | None
    issue_id: int | None
    notice_id: int | None
    text: str
    written_by: str
    written_at: dt.datetime
    new_task: str | None


class InstructionIn(Schema):
    text: str
    task: str = ""
    issue_id: int | None = None
    notice_id: int | None = None


def _instruction_out(instruction: Instruction) -> dict:
    return {
        "id": instruction.pk,
        "task": instruction.task.reference if instruction.task_id else None,
        "issue_id": instruction.issue_id,
        "notice_id": instruction.notice_id,
        "text": instruction.text,
        "written_by": instruction.written_by.get_username(),
        "written_at": instruction.written_at,
        "new_task": instruction.new_task.reference if instruction.new_task_id else None,
    }


@router.get("/instructions", response=list[InstructionOut])
def list_instructions(request):
    require(request, "reports.view_reports")
    instructions = instructions_visible_to(request.user).select_related(
        "task", "written_by", "new_task"
    )
    return [_instruction_out(i) for i in instructions[:MAX_LIST]]


@router.post("/instructions", response={201: InstructionOut})
def write_instruction(request, payload: InstructionIn):
    require(request, "reports.write_instruction")
    target = {}
    if payload.task:
        target["task"] = Task.objects.active().filter(reference=payload.task).first()
        if target["task"] is None:
            raise HttpError(422, f"task: no task with reference {payload.task!r}.")
    if payload.issue_id is not None:
        target["issue"] = MajorIssue.objects.active().filter(pk=payload.issue_id).first()
        if target["issue"] is None:
            raise HttpError(422, f"issue_id: no major issue with id {payload.issue_id}.")
    if payload.notice_id is not None:
        target["notice"] = notices_visible_to(request.user).filter(pk=payload.notice_id).first()
        if target["notice"] is None:
            raise HttpError(422, f"notice_id: no notice with id {payload.notice_id}.")
    instruction = _call(actions.do_write_instruction, request.user, payload.text, **target)
    return Status(201, _instruction_out(instruction))


class EvaluationOut(Schema):
    id: int
    plan: str
    as_of: dt.date
    title: str
    previous_id: int | None
    issued_on: dt.date
    content: dict


class EvaluationIn(Schema):
    plan: str
    as_of: dt.date


def _evaluation_out(report: Evaluation, with_content: bool = True) -> dict:
    return {
        "id": report.pk,
        "plan": report.plan.code,
        "as_of": report.as_of,
        "title": report.title,
        "previous_id": report.previous_id,
        "issued_on": report.issued_on,
        "content": report.content if with_content else {},
    }


@router.get("/evaluations", response=list[EvaluationOut])
def list_evaluations(request):
    """The evaluation reports, newest first, without their content (see /{id})."""
    require(request, "reports.view_evaluation")
    reports = Evaluation.objects.active().select_related("plan").defer("content")
    return [_evaluation_out(r, False) for r in reports[:MAX_LIST]]


@router.post("/evaluations", response={201: EvaluationOut})
def evaluate_plan(request, payload: EvaluationIn):
    require(request, "reports.evaluate_plan")
    plan = Plan.objects.active().filter(code=payload.plan).first()
    if plan is None:
        raise HttpError(422, f"plan: no plan with code {payload.plan!r}.")
    report = _call(
        actions.do_evaluate_plan, request.user, plan, payload.as_of, timezone.localdate()
    )
    return Status(201, _evaluation_out(report))


@router.get("/evaluations/{pk}", response=EvaluationOut)
def get_evaluation(request, pk: int):
    require(request, "reports.view_evaluation")
    return _evaluation_out(get_object_or_404(Evaluation.objects.active(), pk=pk))
