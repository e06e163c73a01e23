"""The dashboard's figures as JSON, and the task import: the same queries as the pages.

Filters are the pages' query parameters: plan (code), unit (id), role=lead, status,
deadline_from, deadline_to. A bad filter answers 422 naming it.
"""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from planwatch.lib.api import require
from planwatch.plans import queries_dashboard as q
from planwatch.plans import spreadsheets
from planwatch.plans.extensions import penalty_rules
from planwatch.plans.scoring import rule_text

router = Router(tags=["dashboard"])
LIMIT = 200


class PlanFiguresOut(Schema):
    code: str
    title: str
    tasks: int
    finished: int
    completion: float | None
    on_time_rate: float | None
    overdue: int
    at_risk: int
    major_issues_open: int


class UnitFiguresOut(Schema):
    unit_id: int
    unit: str
    rank: int | None
    score: int | None
    tasks_led: int
    on_time_reporting_rate: float | None
    completion_rate: float | None
    overdue: int
    penalty: int = 0
    penalty_reason: str = ""


class TaskOut(Schema):
    reference: str
    title: str
    plan: str
    lead_unit_id: int | None
    deadline: dt.date | None
    progress: int | None
    status: str


class ReportOut(Schema):
    id: int
    task: str
    unit_id: int
    period_start: dt.date
    percent_complete: int
    submitted_at: dt.datetime


class ImportErrorOut(Schema):
    row: int
    column: str
    value: str
    message: str


class ImportOut(Schema):
    ok: bool
    file_error: str
    errors: list[ImportErrorOut]
    created: list[str]
    updated: list[str]
    unchanged: list[str]


def _filters(request) -> q.Filters:
    require(request, "plans.view_dashboard")
    filters, errors = q.Filters.parse(request.GET)
    if errors:
        raise HttpError(422, " ".join(errors.values()))
    return filters


@router.get("/plans", response=list[PlanFiguresOut])
def plan_figures(request):
    rows = q.plan_figures(request.user, _filters(request), timezone.localdate())
    return [
        PlanFiguresOut(
            code=r.plan.code,
            title=r.plan.title,
            tasks=r.total,
            finished=r.finished,
            completion=r.completion,
            on_time_rate=r.on_time_rate,
            overdue=r.overdue,
            at_risk=r.at_risk,
            major_issues_open=r.issues_open,
        )
        for r in rows
    ]


@router.get("/units", response=list[UnitFiguresOut])
def unit_figures(request):
    """Units by rank; the score follows the rule in `rule` of /api/dashboard/scoring."""
    rows = q.unit_figures(request.user, _filters(request), timezone.localdate())
    reads_everything = request.user.reads_everything
    return [
        UnitFiguresOut(
            unit_id=r.unit.pk,
            unit=r.unit.name,
            rank=r.rank if reads_everything else None,
            score=r.score,
            tasks_led=r.counts.tasks_led,
            on_time_reporting_rate=r.reporting_rate,
            completion_rate=r.completion,
            overdue=r.counts.overdue,
            penalty=r.penalty,
            penalty_reason=r.penalty_reason,
        )
        for r in rows
    ]


@router.get("/scoring", response=dict[str, str])
def scoring_rule(request):
    require(request, "plans.view_dashboard")
    return {"rule": rule_text(penalty_rules())}


@router.get("/overdue", response=list[TaskOut])
def overdue(request):
    today = timezone.localdate()
    figures = q.overdue_tasks(request.user, _filters(request), today)[:LIMIT]
    return [
        TaskOut(
            reference=f.task.reference,
            title=f.task.title,
            plan=f.plan.code,
            lead_unit_id=f.lead_unit_id,
            deadline=f.deadline,
            progress=f.progress,
            status=f.status,
        )
        for f in figures
    ]


@router.get("/waiting", response=list[ReportOut])
def waiting(request):
    today = timezone.localdate()
    reports = q.waiting_for_review(request.user, _filters(request), today)[:LIMIT]
    return [
        ReportOut(
            id=r.pk,
            task=r.assignment.task.reference,
            unit_id=r.assignment.unit_id,
            period_start=r.period_start,
            percent_complete=r.percent_complete,
            submitted_at=r.submitted_at,
        )
        for r in reports
    ]


class ImportIn(Schema):
    rows: list[dict[str, str | int | float | None]]


@router.post("/import", response={200: ImportOut, 422: ImportOut})
def import_tasks(request, payload: ImportIn):
    """Create or update tasks from rows named by the import's columns (the xlsx import's
    rules, by JSON): all or nothing; 422 lists every error by row (first row is 1)."""
    require(request, "plans.import_tasks")
    header = sorted({name for row in payload.rows for name in row})
    body = [(n, [row.get(h) for h in header]) for n, row in enumerate(payload.rows, start=1)]
    result = spreadsheets.import_rows(request.user, header, body)
    answer = ImportOut(
        ok=result.ok,
        file_error=result.file_error,
        errors=[ImportErrorOut(**e.__dict__) for e in result.errors],
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
    )
    return Status(200 if result.ok else 422, answer)
