"""Notifications put into words: each is stored as its kind and parameters and rendered
when read, in the reader's language (the active one), with the plural its numbers need.

A notification about a report says what became of the report since, so that an old
"waits for review" never contradicts the report's page.
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from planwatch.directory.models import Organisation
from planwatch.plans.models import Notification, ProgressReport
from planwatch.plans.periods import period_label

LISTED = 20


def _date(iso: str) -> str:
    try:
        return date_format(dt.date.fromisoformat(iso))
    except (TypeError, ValueError):
        return str(iso)


def _references(refs: list[str]) -> str:
    shown = ", ".join(refs[:LISTED])
    if len(refs) > LISTED:
        shown += " " + _("and %(more)d more") % {"more": len(refs) - LISTED}
    return shown


class _Context:
    """What rendering a page of notifications needs, fetched once for all of them."""

    def __init__(self, notifications: list[Notification]) -> None:
        report_ids = {n.params.get("report") for n in notifications} - {None}
        self.reports = {
            r.pk: r
            for r in ProgressReport.objects.filter(pk__in=report_ids).select_related(
                "assignment__unit", "assignment__task__plan"
            )
        }
        unit_ids = {n.params.get("unit") for n in notifications} - {None}
        self.units = {u.pk: u for u in Organisation.objects.filter(pk__in=unit_ids)}

    def unit(self, pk) -> str:
        unit = self.units.get(pk)
        return unit.name if unit is not None else _("a unit")


def _period(report: ProgressReport) -> str:
    return period_label(report.period_start, report.assignment.task.plan.report_every_months)


def _report_submitted(n: Notification, ctx: _Context, ref: str) -> str:
    report = ctx.reports.get(n.params.get("report"))
    if report is None:
        return _("A progress report on %(ref)s waits for review.") % {"ref": ref}
    values = {
        "unit": report.assignment.unit.name,
        "percent": report.percent_complete,
        "ref": ref,
        "period": _period(report),
    }
    if report.state == ProgressReport.State.APPROVED:
        text = _("%(unit)s reported %(percent)d%% on %(ref)s for %(period)s; it was approved.")
    elif report.state == ProgressReport.State.RETURNED:
        text = _("%(unit)s reported %(percent)d%% on %(ref)s for %(period)s; it was returned.")
    else:
        text = _("%(unit)s reported %(percent)d%% on %(ref)s for %(period)s; it waits for review.")
    return text % values


def _report_reviewed(n: Notification, ctx: _Context, ref: str) -> str:
    report = ctx.reports.get(n.params.get("report"))
    period = _period(report) if report is not None else ""
    values = {"ref": ref, "period": period, "comment": n.params.get("comment", "")}
    if n.params.get("approved"):
        return _("Your report on %(ref)s for %(period)s was approved.") % values
    return _("Your report on %(ref)s for %(period)s was returned: %(comment)s") % values


def _extension_decided(n: Notification, ctx: _Context, ref: str) -> str:
    values = {"ref": ref, "date": _date(n.params.get("date")), "reason": n.params.get("reason")}
    if n.params.get("approved"):
        return _("%(ref)s: the new deadline %(date)s was approved.") % values
    return _("%(ref)s: the request for more time was refused: %(reason)s") % values


def _count_refs(text):
    """A message about `n` tasks or reports: `text` is an ngettext_lazy keyed on "n"."""

    def render(n: Notification, ctx: _Context, ref: str) -> str:
        refs = n.params.get("refs", [])
        count = n.params.get("n", len(refs))
        return text % {
            "n": count,
            "refs": _references(refs),
            "unit": ctx.unit(n.params.get("unit")),
            "since": ngettext(
                "more than %(days)d day", "more than %(days)d days", n.params.get("days", 0)
            )
            % {"days": n.params.get("days", 0)},
        }

    return render


RENDERERS = {
    "assigned": lambda n, ctx, ref: (
        _("Your unit was given task %(ref)s: %(title)s. Please acknowledge it.")
        % {"ref": ref, "title": n.task.title if n.task else ""}
    ),
    "report_submitted": _report_submitted,
    "report_reviewed": _report_reviewed,
    "extension_requested": lambda n, ctx, ref: (
        _("%(ref)s: more time is asked for, until %(date)s.")
        % {"ref": ref, "date": _date(n.params.get("date"))}
    ),
    "extension_decided": _extension_decided,
    "major_issue": lambda n, ctx, ref: (
        _("Major issue on %(ref)s, raised by %(unit)s: %(text)s")
        % {"ref": ref, "unit": ctx.unit(n.params.get("unit")), "text": n.params.get("text", "")}
    ),
    "issue_resolved": lambda n, ctx, ref: (
        _("The major issue on %(ref)s was resolved: %(text)s")
        % {"ref": ref, "text": n.params.get("text", "")}
    ),
    "close_requested": lambda n, ctx, ref: (
        _("%(ref)s: the lead unit asks to close the task.") % {"ref": ref}
    ),
    "closed": lambda n, ctx, ref: _("%(ref)s was verified and closed.") % {"ref": ref},
    "reopened": lambda n, ctx, ref: (
        _("%(ref)s was reopened: %(reason)s") % {"ref": ref, "reason": n.params.get("reason", "")}
    ),
    "report_due_soon": _count_refs(
        ngettext_lazy(
            "A progress report is due soon for %(n)d task of your unit: %(refs)s",
            "Progress reports are due soon for %(n)d tasks of your unit: %(refs)s",
            "n",
        )
    ),
    "report_overdue": _count_refs(
        ngettext_lazy(
            "A progress report is overdue for %(n)d task of your unit: %(refs)s",
            "Progress reports are overdue for %(n)d tasks of your unit: %(refs)s",
            "n",
        )
    ),
    "task_overdue": _count_refs(
        ngettext_lazy(
            "%(n)d task of your unit is past its deadline: %(refs)s",
            "%(n)d tasks of your unit are past their deadline: %(refs)s",
            "n",
        )
    ),
    "task_overdue_escalated": _count_refs(
        ngettext_lazy(
            "%(n)d task led by %(unit)s has been overdue for %(since)s: %(refs)s",
            "%(n)d tasks led by %(unit)s have been overdue for %(since)s: %(refs)s",
            "n",
        )
    ),
    "reports_waiting": _count_refs(
        ngettext_lazy(
            "%(n)d progress report is waiting for your review.",
            "%(n)d progress reports are waiting for your review.",
            "n",
        )
    ),
}

SUBJECT = gettext_lazy("Planwatch: %(message)s")


def describe(notifications: Iterable[Notification]) -> list[Notification]:
    """Give each notification its `message` in the active language; returns them."""
    notifications = list(notifications)
    ctx = _Context(notifications)
    for notification in notifications:
        notification.message = _render(notification, ctx)
    return notifications


def _render(notification: Notification, ctx: _Context) -> str:
    renderer = RENDERERS.get(notification.kind)
    if renderer is None or (notification.text and not notification.params):
        return notification.text
    ref = notification.task.reference if notification.task_id else ""
    return renderer(notification, ctx, ref)


def link(notification: Notification) -> str:
    """The address of what the notification is about: its task, else the inbox."""
    if notification.task_id:
        path = reverse("plans:task", kwargs={"reference": notification.task.reference})
    else:
        path = reverse("plans:inbox")
    return settings.SITE_URL.rstrip("/") + path


def _in_every_language(notification: Notification) -> tuple[str, str]:
    """(subject, body): the message in every language of the site, the site's own first,
    each with the link to open it. Mail and group channels have no one reader's language."""
    codes = [settings.LANGUAGE_CODE] + [
        code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    parts, subject = [], ""
    address = link(notification)
    for code in codes:
        with translation.override(code):
            (message,) = [n.message for n in describe([notification])]
            subject = subject or str(SUBJECT) % {"message": message[:80]}
            parts.append(f"{message}\n{_('Open it in Planwatch:')} {address}")
    return subject, "\n\n".join(parts)


def email(notification: Notification) -> EmailMessage:
    """The notification as an e-mail, in every language of the site."""
    subject, body = _in_every_language(notification)
    return EmailMessage(subject, body, to=[notification.user.email])


def channel_text(notification: Notification) -> str:
    """The notification as a unit's group robot or webhook posts it."""
    return _in_every_language(notification)[1]
