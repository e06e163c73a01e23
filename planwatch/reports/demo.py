"""Demo supervision documents (after the plans' and projects' demo): notices answered and
not, the ladder's proposals, cards by rule and by hand, the bulletins of the last two
months, and two evaluations (a quarter apart) of the plan the State Council's reply
approved. Loads any number of times without duplicates."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from planwatch.accounts.models import Role, User
from planwatch.directory.models import Organisation
from planwatch.plans.models import Plan, Task
from planwatch.reports import actions
from planwatch.reports.bulletins import previous_period
from planwatch.reports.cards import apply_card_rules
from planwatch.reports.ladder import propose_notices
from planwatch.reports.models import Bulletin, Card, Evaluation, Notice, NoticeSeries
from planwatch.reports.queries import overdue_by_unit

RESPONSE = "请说明延误原因、已采取的措施及预计完成日期，并附佐证材料。"
EVALUATED_PLAN = "zone-overall-plan"  # the plan the State Council's reply approved
ANSWER = "项目用地手续已办结，施工单位已进场，预计下月底完成主体工程。"


def _officer(unit_id: int) -> User | None:
    return (
        User.objects.filter(unit_id=unit_id, role=Role.UNIT_OFFICER, is_active=True)
        .order_by("pk")
        .first()
    )


def _issue_notices(supervisor: User, today: dt.date) -> int:
    """A notice to each of the first three units with overdue tasks: the longest overdue
    gets a supervision notice issued ten days ago and left unanswered past its due date
    (so the ladder escalates it and the rules give a red card); the others an urging
    notice issued today, answered by the unit's officer."""
    earlier = today - dt.timedelta(days=10)
    groups = sorted(
        overdue_by_unit(today, 0).items(),
        key=lambda kv: min(Task.objects.get(pk=pk).deadline for pk in kv[1]),
    )
    made = 0
    for index, ((unit_id, _plan_id), task_ids) in enumerate(groups[:3]):
        unit = Organisation.objects.get(pk=unit_id)
        tasks = list(Task.objects.filter(pk__in=task_ids[:3]).order_by("deadline", "reference"))
        if index == 0 and all(t.deadline < earlier for t in tasks):
            actions.do_issue_notice(
                supervisor,
                unit,
                "supervision",
                tasks,
                RESPONSE,
                earlier,
                answer_due=earlier + dt.timedelta(days=7),
            )
            made += 1
            continue
        notice = actions.do_issue_notice(supervisor, unit, "urging", tasks, RESPONSE, today)
        made += 1
        officer = _officer(unit_id)
        if officer is not None:
            actions.do_answer_notice(officer, notice, ANSWER, today)
    return made


def _bulletins(supervisor: User, today: dt.date) -> int:
    made = 0
    last_start, _last_end = previous_period(Bulletin.Period.MONTH, today)
    for start, end in (
        previous_period(Bulletin.Period.MONTH, last_start),
        previous_period(Bulletin.Period.MONTH, today),
    ):
        exists = Bulletin.objects.filter(
            period=Bulletin.Period.MONTH, period_start=start, plan=None, unit=None
        ).exists()
        if not exists:
            actions.do_generate_bulletin(
                supervisor, Bulletin.Period.MONTH, start, end, end + dt.timedelta(days=2)
            )
            made += 1
    return made


# The office's series as the migrations make them (0002, 0005).
OFFICE_SERIES = {
    "urging": "催字〔{year}〕第{number}号",
    "supervision": "督字〔{year}〕第{number}号",
    "summons": "约字〔{year}〕第{number}号",
    "criticism": "通字〔{year}〕第{number}号",
    "bulletin": "督查通报〔{year}〕第{number}期",
}


def _office_series(supervisor: User) -> None:
    """The office's series, made again where a database lost them since its migrations
    (a test's flush): the demo issues notices and bulletins in them."""
    for kind, number_format in OFFICE_SERIES.items():
        if not NoticeSeries.objects.active().filter(kind=kind, plan__isnull=True).exists():
            actions.do_save_series(supervisor, None, kind=kind, number_format=number_format)


@transaction.atomic
def load() -> list[str]:
    today = timezone.localdate()
    supervisor = User.objects.filter(username="supervisor").first()
    if supervisor is None:
        return ["Reports: the directory's demo must be loaded first."]
    _office_series(supervisor)
    notices = 0
    if not Notice.objects.filter(signed_by=supervisor).exists():
        notices = _issue_notices(supervisor, today)
    proposed = propose_notices(today)
    cards = apply_card_rules(today)
    by_hand = 0
    if not Card.objects.filter(cause=Card.Cause.BY_HAND).exists():
        unit_id = next(iter(sorted(overdue_by_unit(today, 0))), (None, None))[0]
        if unit_id is not None:
            actions.do_issue_card(
                supervisor,
                Organisation.objects.get(pk=unit_id),
                Card.Colour.YELLOW,
                "两次督办电话未回复。",
                today,
            )
            by_hand = 1
    bulletins = _bulletins(supervisor, today)
    evaluations = 0
    plan = Plan.objects.filter(code=EVALUATED_PLAN).first()
    if plan is not None and not Evaluation.objects.filter(plan=plan).exists():
        actions.do_evaluate_plan(supervisor, plan, today - dt.timedelta(days=90), today)
        actions.do_evaluate_plan(supervisor, plan, today, today)
        evaluations = 2
    return [
        f"Reports: {notices} notices issued, {proposed.notices} proposed, "
        f"{cards.issued + by_hand} cards, {bulletins} bulletins, {evaluations} evaluations "
        "created"
    ]
