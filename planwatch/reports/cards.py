"""Red and yellow cards by the plans' rules: each day, issue the cards whose cause holds
and withdraw the rule cards whose cause is mended.

The rules (each plan's Ladder): yellow when a task is overdue by more than `yellow_after`
days, red (replacing the yellow) by more than `red_after`; yellow when a unit's last
`yellow_returned` reports on a task were all returned; red for a supervision notice (or a
summons) unanswered past its due date. A card by hand is never touched here. `today` is
always an argument.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from planwatch.audit.actions import record_changed, record_created, snapshot
from planwatch.plans.models import Plan, ProgressReport
from planwatch.reports.models import Card, Ladder, Notice, NoticeKind
from planwatch.reports.queries import overdue_figures

Colour, Cause = Card.Colour, Card.Cause


@dataclass(frozen=True)
class Wanted:
    colour: str
    cause: str
    unit_id: int
    plan_id: int
    task_id: int | None = None
    notice_id: int | None = None
    reason: str = ""
    params: tuple[tuple[str, object], ...] = ()

    @property
    def subject(self) -> str:
        return f"task:{self.task_id}" if self.task_id else f"notice:{self.notice_id}"

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.cause, self.colour, self.unit_id, self.subject)


@dataclass
class Applied:
    issued: int = 0
    withdrawn: int = 0


def card_colour(days_overdue: int, ladder: Ladder) -> str | None:
    """The overdue rule: red past red_after days, yellow past yellow_after, else none."""
    if days_overdue > ladder.red_after:
        return Colour.RED
    if days_overdue > ladder.yellow_after:
        return Colour.YELLOW
    return None


def _ladders() -> dict[int, Ladder]:
    plans = Plan.objects.active().order_by("pk")
    stored = {ladder.plan_id: ladder for ladder in Ladder.objects.active()}
    return {plan.pk: stored.get(plan.pk) or Ladder(plan=plan) for plan in plans}


def _overdue(today: dt.date, ladders: dict[int, Ladder]) -> list[Wanted]:
    wanted = []
    least = min((ladder.yellow_after for ladder in ladders.values()), default=0)
    rows = (
        overdue_figures(today, least)
        .filter(lead_unit__isnull=False, plan_id__in=list(ladders))
        .values_list("task_id", "task__reference", "lead_unit_id", "plan_id", "deadline")
    )
    for task_id, reference, unit_id, plan_id, deadline in rows:
        days = (today - deadline).days
        colour = card_colour(days, ladders[plan_id])
        if colour is not None:
            params = {"ref": reference, "days": days}
            reason = _("%(ref)s overdue by %(days)d days") % params
            wanted.append(
                Wanted(
                    colour,
                    Cause.OVERDUE,
                    unit_id,
                    plan_id,
                    task_id,
                    None,
                    reason,
                    tuple(params.items()),
                )
            )
    return wanted


def _returned(ladders: dict[int, Ladder]) -> list[Wanted]:
    least = min((ladder.yellow_returned for ladder in ladders.values()), default=2)
    candidates = list(
        ProgressReport.objects.active()
        .filter(state=ProgressReport.State.RETURNED)
        .values("assignment_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=least)
        .values_list("assignment_id", flat=True)
    )
    reports = (
        ProgressReport.objects.active()
        .filter(assignment_id__in=candidates)
        .order_by("assignment_id", "-submitted_at", "-pk")
        .values_list(
            "assignment_id",
            "state",
            "assignment__task_id",
            "assignment__task__reference",
            "assignment__unit_id",
            "assignment__task__plan_id",
        )
    )
    latest: dict[int, list] = {}
    for assignment_id, state, task_id, reference, unit_id, plan_id in reports:
        latest.setdefault(assignment_id, []).append((state, task_id, reference, unit_id, plan_id))
    wanted = []
    for rows in latest.values():
        _state, task_id, reference, unit_id, plan_id = rows[0]
        if plan_id not in ladders:
            continue
        n = ladders[plan_id].yellow_returned
        if len(rows) >= n and all(row[0] == ProgressReport.State.RETURNED for row in rows[:n]):
            params = {"n": n, "ref": reference}
            reason = _("%(n)d reports on %(ref)s returned in a row") % params
            wanted.append(
                Wanted(
                    Colour.YELLOW,
                    Cause.RETURNED,
                    unit_id,
                    plan_id,
                    task_id,
                    None,
                    reason,
                    tuple(params.items()),
                )
            )
    return wanted


def _unanswered(today: dt.date, ladders: dict[int, Ladder]) -> list[Wanted]:
    late = (
        Notice.objects.active()
        .filter(
            state=Notice.State.ISSUED,
            answer_due__lt=today,
            kind__in=[NoticeKind.SUPERVISION, NoticeKind.SUMMONS],
        )
        .values_list("pk", "reference", "unit_id", "plan_id", "answer_due")
    )
    wanted = []
    for pk, reference, unit_id, plan_id, due in late:
        if plan_id in ladders and ladders[plan_id].red_unanswered:
            params = {"number": reference, "due": due.isoformat()}
            reason = _("%(number)s unanswered since %(due)s") % params
            wanted.append(
                Wanted(
                    Colour.RED,
                    Cause.UNANSWERED,
                    unit_id,
                    plan_id,
                    None,
                    pk,
                    reason,
                    tuple(params.items()),
                )
            )
    return wanted


def wanted_cards(today: dt.date) -> dict[tuple, Wanted]:
    """Every rule card whose cause holds today, by key."""
    ladders = _ladders()
    found = _overdue(today, ladders) + _returned(ladders) + _unanswered(today, ladders)
    return {w.key: w for w in found}


@transaction.atomic
def apply_card_rules(today: dt.date) -> Applied:
    """Issue the cards the rules call for; withdraw rule cards whose cause is mended."""
    wanted = wanted_cards(today)
    live = {
        (c.cause, c.colour, c.unit_id, c.subject): c
        for c in Card.objects.active()
        .filter(withdrawn_on__isnull=True)
        .exclude(cause=Cause.BY_HAND)
        .select_for_update()
    }
    result = Applied()
    red_subjects = {w.subject for w in wanted.values() if w.colour == Colour.RED}
    for key, card in sorted(live.items()):
        if key in wanted:
            continue
        before = snapshot(card)
        card.withdrawn_on = today
        if card.colour == Colour.YELLOW and card.subject in red_subjects:
            card.withdraw_reason = _("replaced by a red card")
        else:
            card.withdraw_reason = _("cause mended")
        card.save()
        record_changed(None, card, before, card.withdraw_reason)
        result.withdrawn += 1
    for key, w in sorted(wanted.items()):
        if key in live:
            continue
        card = Card.objects.create(
            colour=w.colour,
            cause=w.cause,
            unit_id=w.unit_id,
            plan_id=w.plan_id,
            task_id=w.task_id,
            notice_id=w.notice_id,
            subject=w.subject,
            reason=w.reason,
            reason_params=dict(w.params),
            issued_on=today,
        )
        record_created(None, card, _("issued by the plan's card rules"))
        result.issued += 1
    return result
