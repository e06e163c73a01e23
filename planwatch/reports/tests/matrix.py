"""The supervision documents' routes in the permission matrix (see planwatch/testing.py).

For each of units A and B the world gains an overdue task it leads, a notice issued to it
(waiting for the answer), an answered notice with an evidence file, a proposal (a draft
a unit never sees), a yellow card, a leader's instruction on its task and a bulletin
about the unit (which only it, of the units, may read). Unit-scoped routes are called on
the records of the user's own unit and of the other.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from planwatch.plans.models import Assignment, Plan, Task
from planwatch.reports.models import (
    AnswerFile,
    Bulletin,
    Card,
    Evaluation,
    Instruction,
    Notice,
    NoticeAnswer,
    NoticeSeries,
    NoticeTask,
)
from planwatch.testing import (
    ADMIN,
    LEADER,
    OFFICER,
    Route,
    managers,
    own_officer,
    readers_or_own_officer,
)

FILE_PATH = "notices/permission-matrix/answer.txt"
_EMPTY = {"count": 0, "top": [], "refs": []}
BULLETIN_CONTENT = {
    "headline": {
        "total": 0,
        "finished": 0,
        "overdue": 0,
        "at_risk": 0,
        "completion": None,
        "on_time_rate": None,
        "reports": 0,
        "closed_in_period": 0,
    },
    "plans": [],
    "units": [],
    "overdue": _EMPTY,
    "at_risk": _EMPTY,
    "notices": {"issued": 0, "answered": 0, "list": []},
    "cards": {"issued": {"red": 0, "yellow": 0}, "live": {"red": 0, "yellow": 0}, "list": []},
    "issues": {"raised": 0, "resolved": 0, "open": 0, "list": []},
    "projects": {"slipped": 0, "list": []},
    "commended": [],
    "criticised": [],
    "changes": {"previous": None},
}
EVALUATION_CONTENT = {
    "as_of": "2026-01-31",
    "document": "",
    "headline": {"total": 0, "finished": 0, "overdue": 0, "completion": None},
    "clauses": [],
    "units": [],
    "indicators": [],
    "projects": {"count": 0, "by_currency": []},
    "delays": [],
    "issues": {"raised": 0, "resolved": 0, "list": []},
    "annex": [["REP-MATRIX-a", "t", "u", "2025-01-01", "overdue", None]],
    "narrative": {"en": ["As of 2026-01-31."], "zh": ["截至2026-01-31。"]},
}


def _notice(world, key: str, state: str, number: int | None, task: Task) -> Notice:
    notice = Notice.objects.create(
        kind="urging",
        state=state,
        plan=task.plan,
        unit=world[f"unit_{key}"],
        number=number,
        year=2026 if number else None,
        reference=f"催字〔2026〕第{number}号" if number else "",
        required_response="Explain.",
        answer_due=dt.date(2030, 1, 1),
    )
    NoticeTask.objects.create(
        notice=notice, task=task, reference=task.reference, title="t", days_overdue=30
    )
    return notice


def extend_world(world: dict) -> None:
    """Plain creates, not actions: the matrix tests access, and runs this often."""
    if not default_storage.exists(FILE_PATH):
        default_storage.save(FILE_PATH, ContentFile(b"answer"))
    plan = Plan.objects.create(code="reports-matrix-plan", title_en="Reports matrix plan")
    world["reports_plan"] = plan
    world["evaluation"] = Evaluation.objects.create(
        plan=plan,
        as_of=dt.date(2026, 1, 31),
        title="Evaluation",
        content=EVALUATION_CONTENT,
        issued_on=dt.date(2026, 2, 1),
    )
    series = NoticeSeries.objects.get(kind="bulletin", plan__isnull=True)
    for number, key in enumerate(("a", "b")):
        unit = world[f"unit_{key}"]
        task = Task.objects.create(
            plan=plan,
            reference=f"REP-MATRIX-{key}",
            title_en="Late work",
            start_date=dt.date(2024, 1, 1),
            deadline=dt.date(2025, 1, 1),
            lead_unit=unit,
        )
        Assignment.objects.create(task=task, unit=unit, role="lead")
        answered = _notice(world, key, Notice.State.ANSWERED, 10 + number, task)
        answer = NoticeAnswer.objects.create(
            notice=answered,
            text="Done.",
            answered_at=timezone.now(),
            answered_by=world["users"][("unit_officer", key)],
        )
        world.update(
            {
                f"reports_task_{key}": task,
                f"issued_{key}": _notice(world, key, Notice.State.ISSUED, 1 + number, task),
                f"proposal_{key}": _notice(world, key, Notice.State.PROPOSED, None, task),
                f"bulletin_{key}": Bulletin.objects.create(
                    series=series,
                    year=2020,  # not this year: the counter gives this year's numbers
                    number=1 + number,
                    reference=f"督查通报〔2020〕第{1 + number}期",
                    title="Unit bulletin",
                    period="month",
                    period_start=dt.date(2026, 1, 1),
                    period_end=dt.date(2026, 1, 31),
                    unit=unit,
                    content=BULLETIN_CONTENT,
                    issued_on=dt.date(2026, 2, 1),
                ),
                f"instruction_{key}": Instruction.objects.create(
                    task=task,
                    text="Finish it this month.",
                    written_by=world["users"][("leader", key)],
                    written_at=timezone.now(),
                ),
                f"card_{key}": Card.objects.create(
                    colour="yellow",
                    cause="by_hand",
                    unit=unit,
                    task=task,
                    reason="Late.",
                    issued_on=dt.date(2026, 1, 1),
                ),
                f"answer_file_{key}": AnswerFile.objects.create(
                    answer=answer,
                    file=FILE_PATH,
                    name="answer.txt",
                    content_type="text/plain",
                    size=6,
                    sha256="0" * 64,
                ),
            }
        )


def _own(name: str):
    return lambda world: {"pk": world[f"{name}_{'a' if world['own'] else 'b'}"].pk}


def _task(world) -> dict:
    return {"reference": world[f"reports_task_{'a' if world['own'] else 'b'}"].reference}


def readers(role: str, own: bool) -> bool:
    return role != OFFICER


def leaders(role: str, own: bool) -> bool:
    return role in (ADMIN, LEADER)


def scoped(allowed, kwargs, **more) -> Route:
    return Route(allowed=allowed, kwargs=kwargs, unit_scoped=True, **more)


def _issue_json(world) -> dict:
    return {
        "unit_id": world["unit_a"].pk,
        "kind": "supervision",
        "tasks": ["REP-MATRIX-a"],
        "required_response": "Explain the delay.",
    }


BULK = {"kind": "supervision", "more_than_days": 15, "required_response": "Explain."}
REASON = {"reason": "Issued in error."}

ROUTES: dict[str, Route] = {
    "reports:notices": Route(query="?state=issued&kind=urging"),
    "reports:notice_new": Route(allowed=managers),
    "reports:notice_bulk": Route(allowed=managers, query="?kind=urging&more_than_days=15"),
    "reports:notice": scoped(readers_or_own_officer, _own("issued")),
    "reports:notice_file": scoped(
        readers_or_own_officer, lambda w: {**_own("issued")(w), "fmt": "docx"}
    ),
    "reports:notices_export": Route(),
    "reports:notice_confirm": Route(
        allowed=managers,
        kwargs=lambda w: {"pk": w["proposal_a"].pk},
        method="post",
        data={"required_response": "Explain."},
    ),
    "reports:notice_dismiss": Route(
        allowed=managers, kwargs=lambda w: {"pk": w["proposal_a"].pk}, method="post", data=REASON
    ),
    "reports:notice_withdraw": scoped(managers, _own("issued"), method="post", data=REASON),
    "reports:notice_answer": scoped(
        own_officer, _own("issued"), method="post", data={"text": "We did it."}
    ),
    "reports:answer_file": scoped(readers_or_own_officer, _own("answer_file")),
    "reports:series": Route(),
    "reports:series_new": Route(allowed=managers),
    "reports:series_edit": Route(
        allowed=managers,
        kwargs=lambda w: {"pk": NoticeSeries.objects.filter(kind="urging").first().pk},
    ),
    "reports:ladder": Route(allowed=managers, kwargs=lambda w: {"code": "reports-matrix-plan"}),
    "reports:task": scoped(readers_or_own_officer, _task),
    "reports:unit": scoped(readers_or_own_officer, lambda w: {"pk": w["unit"].pk}),
    "reports:cards": Route(query="?colour=yellow&all=1"),
    "reports:instructions": Route(),
    "reports:instruction_new": Route(allowed=leaders, query="?task=REP-MATRIX-a"),
    "reports:instruction": scoped(readers_or_own_officer, _own("instruction")),
    "reports:instruction_task": Route(
        allowed=managers,
        kwargs=lambda w: {"pk": w["instruction_a"].pk},
        method="post",
        data=lambda w: {
            "plan": w["reports_plan"].pk,
            "reference": "REP-MATRIX-NEW",
            "title_zh": "新任务",
            "start_date": "2026-01-01",
        },
    ),
    "api-1:list_instructions": Route(),
    "api-1:write_instruction": Route(
        allowed=leaders, method="post", data={"text": "Hurry.", "task": "REP-MATRIX-a"}
    ),
    "reports:evaluations": Route(allowed=readers),
    "reports:evaluation_new": Route(allowed=managers),
    "reports:evaluation": Route(allowed=readers, kwargs=lambda w: {"pk": w["evaluation"].pk}),
    "reports:evaluation_file": Route(
        allowed=readers, kwargs=lambda w: {"pk": w["evaluation"].pk, "fmt": "xlsx"}
    ),
    "api-1:list_evaluations": Route(allowed=readers),
    "api-1:get_evaluation": Route(allowed=readers, kwargs=lambda w: {"pk": w["evaluation"].pk}),
    "api-1:evaluate_plan": Route(
        allowed=managers,
        method="post",
        data={"plan": "reports-matrix-plan", "as_of": "2026-01-31"},
    ),
    "reports:bulletins": Route(),
    "reports:bulletin_new": Route(allowed=managers),
    "reports:bulletin": scoped(readers_or_own_officer, _own("bulletin")),
    "reports:bulletin_file": scoped(
        readers_or_own_officer, lambda w: {**_own("bulletin")(w), "fmt": "xlsx"}
    ),
    "api-1:list_bulletins": Route(),
    "api-1:get_bulletin": scoped(readers_or_own_officer, _own("bulletin")),
    "api-1:generate_bulletin": Route(
        allowed=managers,
        method="post",
        data={"period": "month", "period_start": "2026-01-01", "period_end": "2026-01-31"},
    ),
    "reports:card_new": Route(allowed=managers),
    "reports:card_withdraw": scoped(managers, _own("card"), method="post", data=REASON),
    "api-1:list_notices": Route(query="?state=issued"),
    "api-1:get_notice": scoped(readers_or_own_officer, _own("issued")),
    "api-1:issue_notice": Route(allowed=managers, method="post", data=_issue_json),
    "api-1:issue_notices_in_bulk": Route(allowed=managers, method="post", data=BULK),
    "api-1:confirm_notice": Route(
        allowed=managers, kwargs=lambda w: {"pk": w["proposal_a"].pk}, method="post", data={}
    ),
    "api-1:dismiss_notice": Route(
        allowed=managers, kwargs=lambda w: {"pk": w["proposal_a"].pk}, method="post", data=REASON
    ),
    "api-1:withdraw_notice": scoped(managers, _own("issued"), method="post", data=REASON),
    "api-1:answer_notice": scoped(
        own_officer, _own("issued"), method="post", data={"text": "We did it."}, multipart=True
    ),
}
