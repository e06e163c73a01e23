"""The supervision loop's routes in the permission matrix (see planwatch/testing.py).

The world gains a plan, a document with a clause, and for each of units A and B a task
it leads, with an indicator, a report waiting for review (with an evidence file), a
pending extension request and an open major issue. Unit-scoped routes are called on
the objects of the user's own unit and of the other.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from planwatch.plans.models import (
    Assignment,
    Clause,
    EvidenceFile,
    ExtensionRequest,
    Indicator,
    MajorIssue,
    Milestone,
    Plan,
    ProgressReport,
    SourceDocument,
    StageTemplate,
    Task,
)
from planwatch.testing import (
    History,
    Route,
    make_unit,
    managers,
    own_officer,
    readers_or_own_officer,
)

EVIDENCE_PATH = "evidence/permission-matrix/evidence.txt"


def extend_world(world: dict) -> None:
    """Made with plain creates, not actions: the matrix tests access, and runs this often."""
    document = SourceDocument.objects.create(
        kind="reply", title="Reply approving the plan", text="1. Approve the plan."
    )
    clause = Clause.objects.create(document=document, position=1, ordinal="1.", text="Approve")
    plan = Plan.objects.create(code="matrix-plan", title_en="Matrix plan", document=document)
    if not default_storage.exists(EVIDENCE_PATH):
        # One fixed small file, so that the matrix never fills the upload folder.
        default_storage.save(EVIDENCE_PATH, ContentFile(b"minutes of the site visit\n"))
    loop = {}
    helper_unit = make_unit("Helper Bureau", "unit-helper")
    for key in ("a", "b"):
        unit = world[f"unit_{key}"]
        officer = world["users"][("unit_officer", key)]
        task = Task.objects.create(
            plan=plan,
            reference=f"T-{unit.code}",
            title_en=f"Task of {unit}",
            lead_unit=unit,
            start_date=dt.date(2024, 1, 1),
            deadline=dt.date(2030, 12, 31),
            original_deadline=dt.date(2030, 12, 31),
            source_clause=clause,
        )
        assignment = Assignment.objects.create(task=task, unit=unit, role="lead")
        indicator = Indicator.objects.create(task=task, name="Projects", target=10)
        co_unit = Assignment.objects.create(task=task, unit=helper_unit, role="co")
        milestone = Milestone.objects.create(
            task=task, name="Land released", due_date=dt.date(2024, 6, 30), expected_percent=30
        )
        report = ProgressReport.objects.create(
            assignment=assignment,
            period_start=dt.date(2024, 3, 1),
            percent_complete=20,
            narrative="Started.",
            submitted_at=timezone.now(),
            submitted_by=officer,
        )
        loop[unit.pk] = {
            "task": task,
            "assignment": assignment,
            "co_unit": co_unit,
            "indicator": indicator,
            "milestone": milestone,
            "report": report,
            "extension": ExtensionRequest.objects.create(
                task=task,
                requested_by=officer,
                requested_at=timezone.now(),
                requested_deadline=dt.date(2031, 6, 30),
                reason="Late land.",
            ),
            "issue": MajorIssue.objects.create(
                task=task,
                assignment=assignment,
                description="Land not yet released.",
                raised_by=officer,
                raised_at=timezone.now(),
            ),
            "evidence": EvidenceFile.objects.create(
                report=report,
                file=EVIDENCE_PATH,
                name="minutes.txt",
                content_type="text/plain",
                size=26,
                sha256="0" * 64,
            ),
        }
    template = StageTemplate.objects.create(name="Matrix stages", task_kind=Task.Kind.PROJECT)
    document_evidence = EvidenceFile.objects.create(
        document=document,
        file=EVIDENCE_PATH,
        name="reply.txt",
        content_type="text/plain",
        size=26,
        sha256="0" * 64,
    )
    world.update(
        plan=plan,
        document=document,
        clause=clause,
        stage_template=template,
        document_evidence=document_evidence,
        loop=loop,
    )


def _mine(world: dict) -> dict:
    return world["loop"][world["unit"].pk]


def task(world: dict) -> dict:
    return {"reference": _mine(world)["task"].reference}


def assignment(world: dict) -> dict:
    return {"pk": _mine(world)["assignment"].pk}


def document(world: dict) -> dict:
    return {"pk": world["document"].pk}


def _pk(name: str):
    return lambda world: {"pk": _mine(world)[name].pk}


TASK_DATA = {
    "plan": "matrix-plan",
    "title_en": "Made by the API",
    "start_date": "2025-01-01",
    "deadline": "2025-12-31",
}

ROUTES: dict[str, Route] = {
    "plans:tasks": Route(query="?status=at_risk&q=T"),
    "plans:inbox": Route(),
    "plans:inbox_read": Route(method="post"),
    "plans:plans": Route(),
    "plans:plan_new": Route(allowed=managers),
    "plans:plan": Route(kwargs=lambda w: {"code": w["plan"].code}),
    "plans:plan_edit": Route(allowed=managers, kwargs=lambda w: {"code": w["plan"].code}),
    "plans:task_new": Route(allowed=managers),
    "plans:task": Route(allowed=readers_or_own_officer, kwargs=task, unit_scoped=True),
    "plans:task_edit": Route(allowed=managers, kwargs=task, unit_scoped=True),
    "plans:task_assign": Route(
        allowed=managers,
        kwargs=task,
        method="post",
        data=lambda w: {"unit": w["unit_b"].pk, "role": "co", "share": "land"},
        unit_scoped=True,
    ),
    "plans:task_indicator": Route(
        allowed=managers,
        kwargs=task,
        method="post",
        data={"name": "Jobs", "target": "100"},
        unit_scoped=True,
    ),
    "plans:task_milestone": Route(
        allowed=managers,
        kwargs=task,
        method="post",
        data={"name": "Design", "due_date": "2025-06-30", "expected_percent": "30"},
        unit_scoped=True,
    ),
    "plans:extension_request": Route(
        allowed=own_officer,
        kwargs=task,
        method="post",
        data={"requested_deadline": "2032-01-31", "reason": "Winter"},
        unit_scoped=True,
    ),
    "plans:request_close": Route(
        allowed=own_officer, kwargs=task, method="post", data={"note": "Done"}, unit_scoped=True
    ),
    "plans:close": Route(
        allowed=managers, kwargs=task, method="post", data={"note": "Verified"}, unit_scoped=True
    ),
    "plans:reopen": Route(
        allowed=managers, kwargs=task, method="post", data={"reason": "Not done"}, unit_scoped=True
    ),
    "plans:assignment_remove": Route(
        allowed=managers, kwargs=_pk("co_unit"), method="post", unit_scoped=True
    ),
    "plans:milestone_done": Route(
        allowed=managers,
        kwargs=_pk("milestone"),
        method="post",
        data={"done_on": "2024-07-01"},
        unit_scoped=True,
    ),
    "plans:acknowledge": Route(
        allowed=own_officer, kwargs=assignment, method="post", unit_scoped=True
    ),
    "plans:report_new": Route(allowed=own_officer, kwargs=assignment, unit_scoped=True),
    "plans:issue_raise": Route(
        allowed=own_officer,
        kwargs=assignment,
        method="post",
        data={"description": "Funds late"},
        unit_scoped=True,
    ),
    "plans:report_review": Route(
        allowed=managers,
        kwargs=_pk("report"),
        method="post",
        data=lambda w: {"decision": "approve", "version": _mine(w)["report"].version},
        unit_scoped=True,
    ),
    "plans:extension_decide": Route(
        allowed=managers,
        kwargs=_pk("extension"),
        method="post",
        data={"decision": "refuse", "reason": "No"},
        unit_scoped=True,
    ),
    "plans:issue_resolve": Route(
        allowed=managers,
        kwargs=_pk("issue"),
        method="post",
        data={"resolution": "Land released"},
        unit_scoped=True,
    ),
    "plans:evidence": Route(
        allowed=readers_or_own_officer, kwargs=_pk("evidence"), unit_scoped=True
    ),
    "plans:documents": Route(query="?q=Reply"),
    "plans:document_new": Route(allowed=managers),
    "plans:document": Route(kwargs=document),
    "plans:document_edit": Route(allowed=managers, kwargs=document),
    "plans:document_clause": Route(
        allowed=managers,
        kwargs=document,
        method="post",
        data={"ordinal": "2.", "text": "Report on time."},
    ),
    "plans:document_attach": Route(allowed=managers, kwargs=document, method="post"),
    "api-1:plans_list_documents": Route(),
    "api-1:plans_get_document": Route(kwargs=document),
    "api-1:plans_create_document": Route(
        allowed=managers, method="post", data={"kind": "plan", "title": "Made by the API"}
    ),
    "api-1:plans_list_tasks": Route(query="?status=at_risk"),
    "api-1:plans_get_task": Route(allowed=readers_or_own_officer, kwargs=task, unit_scoped=True),
    "api-1:plans_create_task": Route(
        allowed=managers, method="post", data=lambda w: {**TASK_DATA, "reference": "API-1"}
    ),
    "api-1:plans_update_task": Route(
        allowed=managers,
        kwargs=task,
        method="post",
        data=lambda w: {"version": _mine(w)["task"].version, "title_en": "Renamed"},
        unit_scoped=True,
    ),
    "api-1:plans_task_reports": Route(
        allowed=readers_or_own_officer, kwargs=task, unit_scoped=True
    ),
    "api-1:plans_submit_report": Route(
        allowed=own_officer,
        kwargs=assignment,
        method="post",
        data={"period_start": "2024-04-01", "percent_complete": 30, "narrative": "More."},
        unit_scoped=True,
    ),
    "api-1:plans_review_report": Route(
        allowed=managers,
        kwargs=_pk("report"),
        method="post",
        data=lambda w: {"approve": True, "version": _mine(w)["report"].version},
        unit_scoped=True,
    ),
}


def _record(name: str) -> History:
    """A record of the unit's own loop: its officer sees it and its history, no other."""
    return History(lambda w: _mine(w)[name], readers_or_own_officer)


HISTORY: dict[str, History] = {
    "plans.sourcedocument": History(lambda w: w["document"]),
    "plans.clause": History(lambda w: w["clause"]),
    "plans.plan": History(lambda w: w["plan"]),
    "plans.stagetemplate": History(lambda w: w["stage_template"]),
    "plans.task": _record("task"),
    "plans.assignment": _record("assignment"),
    "plans.indicator": _record("indicator"),
    "plans.milestone": _record("milestone"),
    "plans.progressreport": _record("report"),
    "plans.extensionrequest": _record("extension"),
    "plans.majorissue": _record("issue"),
    "plans.evidencefile": _record("evidence"),
}
