"""The daily reminders: units hear of reports due soon, overdue reports and overdue tasks;
supervisors of reports waiting for review.

Each person gets at most one reminder of each kind a day, listing everything it concerns:
the Notification row (unique per user, key and day) is the record that it was sent, and
the e-mail goes out only when that row is new, so running the job twice on one day sends
nothing twice. `today` is always an argument; only the command reads the clock.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.accounts.actions_channels import send_to_channels
from planwatch.accounts.models import Role, User
from planwatch.plans.models import (
    Assignment,
    Notification,
    Plan,
    ProgressReport,
    TaskFigures,
)

DUE_SOON_DAYS = 5
LISTED = 20


def period_before(today: dt.date, every_months: int) -> dt.date:
    """The start of the last reporting period that ended before `today`'s period began.
    Periods of `every_months` months start in months 1, 1 + n, 1 + 2n, ... of each year."""
    index = today.year * 12 + today.month - 1
    current = index - (index % 12) % every_months
    previous = current - every_months
    return dt.date(previous // 12, previous % 12 + 1, 1)


def due_date(period_start: dt.date, plan: Plan) -> dt.date:
    """The plan's due day in the month after the period ends."""
    index = period_start.year * 12 + period_start.month - 1 + plan.report_every_months
    return dt.date(index // 12, index % 12 + 1, plan.report_due_day)


@dataclass
class Digest:
    """What one kind of reminder says to each unit: {unit id: [task references]}."""

    kind: str
    by_unit: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))


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


TEXTS = {
    "report_due_soon": gettext_lazy(
        "Progress reports are due soon for %(n)d tasks of your unit: %(refs)s"
    ),
    "report_overdue": gettext_lazy(
        "Progress reports are overdue for %(n)d tasks of your unit: %(refs)s"
    ),
    "task_overdue": gettext_lazy("%(n)d tasks of your unit are past their deadline: %(refs)s"),
    "reports_waiting": gettext_lazy("%(n)d progress reports are waiting for your review."),
}


def _text(kind: str, references: list[str]) -> str:
    shown = ", ".join(references[:LISTED])
    if len(references) > LISTED:
        shown += " " + _("and %(more)d more") % {"more": len(references) - LISTED}
    return str(TEXTS[kind]) % {"n": len(references), "refs": shown}


def _notify(user: User, kind: str, text: str, today: dt.date, outbox: list, summary: Summary):
    """Write the day's reminder unless it exists; queue its e-mail only when new."""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, key=f"reminder:{kind}", day=today, kind=kind, text=text
            )
    except IntegrityError:
        summary.already_sent += 1
        return
    summary.created += 1
    send_to_channels([user.pk], kind=kind, key=f"reminder:{kind}", text=text, day=today)
    if user.email:
        outbox.append((notification, EmailMessage(_("Planwatch reminder"), text, to=[user.email])))


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
            for user in officers.get(unit_id, []):
                _notify(user, digest.kind, _text(digest.kind, references), today, outbox, summary)
    waiting = ProgressReport.objects.active().filter(state=ProgressReport.State.SUBMITTED)
    count = waiting.count()
    if count:
        text = str(TEXTS["reports_waiting"]) % {"n": count}
        supervisors = User.objects.filter(
            Q(role=Role.SUPERVISOR) | Q(role=Role.ADMINISTRATOR), is_active=True
        ).order_by("pk")
        for user in supervisors:
            _notify(user, "reports_waiting", text, today, outbox, summary)
    if outbox:
        messages = [message for _row, message in outbox]
        for message in messages:
            message.from_email = settings.DEFAULT_FROM_EMAIL
        summary.emailed = get_connection().send_messages(messages) or 0
        sent = [row.pk for row, _message in outbox]
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
    return summary
