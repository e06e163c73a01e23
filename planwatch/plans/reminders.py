"""The daily reminders: units hear of reports due soon, overdue reports and overdue tasks;
supervisors of reports waiting for review; a unit's leaders and the supervisors of tasks
overdue for longer than the plan allows.

Each person gets at most one reminder of each kind a day, listing everything it concerns:
the Notification row (unique per user, key and day) is the record that it was sent, and
the e-mail goes out only when that row is new, so running the job twice on one day sends
nothing twice. `today` is always an argument; only the command reads the clock.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from planwatch.accounts.actions_channels import send_to_channels
from planwatch.accounts.models import Role, User
from planwatch.plans import notices
from planwatch.plans.models import (
    Assignment,
    Notification,
    Plan,
    ProgressReport,
    TaskFigures,
)
from planwatch.plans.notices import LISTED
from planwatch.plans.periods import due_date as period_due_date
from planwatch.plans.periods import period_start, previous_period

DUE_SOON_DAYS = 5


def period_before(today: dt.date, every_months: int) -> dt.date:
    """The start of the last reporting period that ended before `today`'s period began."""
    return previous_period(period_start(today, every_months), every_months)


def due_date(period: dt.date, plan: Plan) -> dt.date:
    """The plan's due day in the month after the period ends."""
    return period_due_date(period, plan.report_every_months, plan.report_due_day)


@dataclass
class Digest:
    """What one kind of reminder says to each unit: {unit id: [task references]}."""

    kind: str
    by_unit: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    days: dict[int, int] = field(default_factory=dict)


@dataclass
class Summary:
    created: int = 0
    emailed: int = 0
    already_sent: int = 0


def _missing_reports(today: dt.date) -> tuple[Digest, Digest]:
    """Assignments of open tasks with no report (submitted or approved) for the last period:
    due soon when its due day is at most DUE_SOON_DAYS away, overdue once it has passed."""
    soon, late = Digest("report_due_soon"), Digest("report_overdue")
    for plan in Plan.objects.active():
        period = period_before(today, plan.report_every_months)
        due = due_date(period, plan)
        if today > due:
            digest = late
        elif (due - today).days <= DUE_SOON_DAYS:
            digest = soon
        else:
            continue
        reported = ProgressReport.objects.active().filter(
            assignment=OuterRef("pk"),
            period_start=period,
            state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.APPROVED],
        )
        period_end = due.replace(day=1)
        rows = (
            Assignment.objects.active()
            .filter(
                task__plan=plan,
                task__archived_at__isnull=True,
                task__closed_at__isnull=True,
                task__start_date__lt=period_end,
            )
            .filter(Q(task__deadline__isnull=True) | Q(task__deadline__gte=period))
            .filter(~Exists(reported))
            .order_by("unit_id", "task__reference")
            .values_list("unit_id", "task__reference")
        )
        for unit_id, reference in rows:
            digest.by_unit[unit_id].append(reference)
    return soon, late


def _overdue_tasks(today: dt.date) -> Digest:
    """Overdue tasks, for every unit assigned to them."""
    digest = Digest("task_overdue")
    overdue = TaskFigures.objects.filter(fixed_status="", overdue_from__lte=today)
    rows = (
        Assignment.objects.active()
        .filter(task_id__in=overdue.values("task_id"))
        .order_by("unit_id", "task__reference")
        .values_list("unit_id", "task__reference")
    )
    for unit_id, reference in rows:
        digest.by_unit[unit_id].append(reference)
    return digest


def _long_overdue_tasks(today: dt.date) -> Digest:
    """Tasks overdue for more than their plan's `escalate_after_days`, by lead unit: the
    unit's leaders and the supervisors hear of them."""
    digest = Digest("task_overdue_escalated")
    for plan in Plan.objects.active().order_by("pk"):
        limit = today - dt.timedelta(days=plan.escalate_after_days)
        rows = (
            TaskFigures.objects.filter(
                plan=plan, fixed_status="", overdue_from__lte=limit, lead_unit__isnull=False
            )
            .order_by("lead_unit_id", "task__reference")
            .values_list("lead_unit_id", "task__reference")
        )
        for unit_id, reference in rows:
            digest.by_unit[unit_id].append(reference)
            digest.days[unit_id] = min(digest.days.get(unit_id, 365), plan.escalate_after_days)
    return digest


def _notify(
    user: User, kind: str, params: dict, today: dt.date, outbox: list, summary: Summary, key=""
):
    """Write the day's reminder unless it exists; queue its e-mail only when new. The
    reminder keeps its parameters and is worded in each reader's language (notices.py)."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, key=key or f"reminder:{kind}", day=today, kind=kind, params=params
            )
    except IntegrityError:
        summary.already_sent += 1
        return
    summary.created += 1
    send_to_channels(
        [user.pk],
        kind=kind,
        key=f"reminder:{kind}",
        text=lambda: notices.channel_text(notification),
        day=today,
    )
    if user.email:
        outbox.append((notification, notices.email(notification)))


def _escalate(
    digest: Digest, supervisors: list[User], today: dt.date, outbox: list, summary: Summary
) -> None:
    """Long-overdue tasks: one reminder per lead unit, to its leaders and the supervisors."""
    leaders = defaultdict(list)
    for user in User.objects.filter(
        role=Role.LEADER, is_active=True, unit_id__in=list(digest.by_unit)
    ).order_by("pk"):
        leaders[user.unit_id].append(user)
    for unit_id, references in digest.by_unit.items():
        params = {
            "n": len(references),
            "refs": references[:LISTED],
            "unit": unit_id,
            "days": digest.days[unit_id],
        }
        key = f"reminder:{digest.kind}:{unit_id}"
        for user in leaders.get(unit_id, []) + supervisors:
            _notify(user, digest.kind, params, today, outbox, summary, key)


def send_reminders(today: dt.date) -> Summary:
    """Send the day's reminders: to unit officers about their units, to supervisors about
    reports waiting for review."""
    summary, outbox = Summary(), []
    digests = [*_missing_reports(today), _overdue_tasks(today)]
    units = {unit for digest in digests for unit in digest.by_unit}
    officers = defaultdict(list)
    for user in User.objects.filter(
        role=Role.UNIT_OFFICER, is_active=True, unit_id__in=units
    ).order_by("pk"):
        officers[user.unit_id].append(user)
    for digest in digests:
        for unit_id, references in digest.by_unit.items():
            params = {"n": len(references), "refs": references[:LISTED]}
            for user in officers.get(unit_id, []):
                _notify(user, digest.kind, params, today, outbox, summary)
    supervisors = list(
        User.objects.filter(
            Q(role=Role.SUPERVISOR) | Q(role=Role.ADMINISTRATOR), is_active=True
        ).order_by("pk")
    )
    _escalate(_long_overdue_tasks(today), supervisors, today, outbox, summary)
    waiting = ProgressReport.objects.active().filter(state=ProgressReport.State.SUBMITTED)
    count = waiting.count()
    if count:
        for user in supervisors:
            _notify(user, "reports_waiting", {"n": count}, today, outbox, summary)
    if outbox:
        messages = [message for _row, message in outbox]
        for message in messages:
            message.from_email = settings.DEFAULT_FROM_EMAIL
        summary.emailed = get_connection().send_messages(messages) or 0
        sent = [row.pk for row, _message in outbox]
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return summary
