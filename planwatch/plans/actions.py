"""Every change in the supervision loop.

Each action runs in one transaction, checks the actor's permission on the object,
writes its audit events (on the record it changes, and a step event on the task, so
that the task's history tells the whole loop) and queues in-app notifications for the
people concerned, written only when the transaction commits. `user=None` is the system
(the demo loader, imports).
"""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from planwatch.accounts.actions_channels import send_to_channels
from planwatch.accounts.models import Role, User
from planwatch.audit.actions import record_changed, record_created, record_event, snapshot
from planwatch.directory.models import Organisation
from planwatch.lib.models import (
    StaleRecord,
    check_version,
    insert_checked,
    save_checked,
    save_following,
)
from planwatch.plans import notices
from planwatch.plans.files import CheckedFile, check_uploads
from planwatch.plans.models import (
    Assignment,
    Clause,
    EvidenceFile,
    ExtensionRequest,
    Indicator,
    IndicatorActual,
    MajorIssue,
    Milestone,
    Notification,
    Plan,
    ProgressReport,
    SourceDocument,
    StageTemplate,
    Task,
)
from planwatch.plans.periods import period_end, period_label, period_start
from planwatch.plans.queries import task_facts

# ---------------------------------------------------------------- helpers


def _require(user, perm: str, obj=None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _save_new(user, record, reason: str = "", exclude=()):
    insert_checked(record, list(exclude) or None)
    record_created(user, record, reason)
    return record


def _step(user, task: Task, action: str, changes: dict | None = None, reason: str = "") -> None:
    """A step of the loop, written on the task so that its history shows every step."""
    record_event(user, action, task, changes or {}, reason)


def _officers_of(unit_ids: Iterable[int]) -> list[int]:
    return list(
        User.objects.filter(
            unit_id__in=list(unit_ids), role=Role.UNIT_OFFICER, is_active=True
        ).values_list("pk", flat=True)
    )


def _with_role(*roles: str) -> list[int]:
    return list(User.objects.filter(role__in=roles, is_active=True).values_list("pk", flat=True))


def _task_units(task: Task) -> list[int]:
    return list(task.assignments.active().values_list("unit_id", flat=True))


def _notify(actor, user_ids: Iterable[int], kind: str, key: str, params: dict, task=None) -> None:
    """Queue one in-app notification per user (not the actor), written on commit. It keeps
    its kind and parameters, and is put into words in each reader's language when read
    (plans/notices.py)."""
    recipients = sorted(set(user_ids) - {getattr(actor, "pk", None)})
    if not recipients:
        return
    day = timezone.localdate()
    rows = [
        Notification(user_id=pk, key=key, day=day, kind=kind, task=task, params=params)
        for pk in recipients
    ]

    def write() -> None:
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        send_to_channels(
            recipients, kind=kind, key=key, text=lambda: notices.channel_text(rows[0]), day=day
        )

    transaction.on_commit(write)


def _lock(record):
    """The stored row, locked until the transaction ends (PostgreSQL; SQLite locks on BEGIN)."""
    return type(record).objects.select_for_update().get(pk=record.pk)


def _save_files(user, files: list[CheckedFile], **owner) -> list[EvidenceFile]:
    saved = []
    for checked in files:
        evidence = EvidenceFile(
            name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=user,
            **owner,
        )
        evidence.file.save(checked.stored_name(), checked.upload, save=False)
        evidence.save()
        fields = {"name": evidence.name, "file": evidence.file.name, "sha256": evidence.sha256}
        fields.update(size=evidence.size, report=evidence.report_id, document=evidence.document_id)
        record_event(user, "created", evidence, {k: [None, v] for k, v in fields.items()})
        saved.append(evidence)
    return saved


# ---------------------------------------------------------------- documents and plans


def _set_assessed_units(user, plan: Plan, units, reason: str = "") -> None:
    """Name the units the plan scores and ranks (an audited change of the set)."""
    if units is None:
        return
    old = sorted(plan.assessed_units.values_list("pk", flat=True))
    new = sorted(unit.pk for unit in units)
    if old != new:
        plan.assessed_units.set(new)
        record_event(user, "changed", plan, {"assessed_units": [old, new]}, reason)


@transaction.atomic
def do_create_plan(user, reason: str = "", assessed_units=None, **fields) -> Plan:
    _require(user, "plans.manage_plans")
    plan = _save_new(user, Plan(**fields), reason)
    _set_assessed_units(user, plan, assessed_units, reason)
    return plan


@transaction.atomic
def do_update_plan(
    user, plan: Plan, version: int | None, reason: str = "", assessed_units=None, **fields
) -> Plan:
    """Change a plan's titles, reporting rules, thresholds or assessed units; raises
    StaleRecord if someone saved it since `version`. The code, like a task's reference,
    never changes."""
    _require(user, "plans.manage_plans", plan)
    if "code" in fields and fields["code"] != plan.code:
        raise ValidationError({"code": _("The plan's code is its identity and cannot change.")})
    fields.pop("code", None)
    before = snapshot(plan)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean()
    save_checked(plan, version)
    record_changed(user, plan, before, reason)
    _set_assessed_units(user, plan, assessed_units, reason)
    return plan


@transaction.atomic
def do_create_document(
    user, addressees: Iterable[Organisation] = (), files=(), reason: str = "", **fields
) -> SourceDocument:
    _require(user, "plans.manage_plans")
    checked = check_uploads(files, "attachments")
    document = _save_new(user, SourceDocument(**fields), reason)
    addressees = list(addressees)
    if addressees:
        document.addressees.set(addressees)
        record_event(
            user, "changed", document, {"addressees": [[], sorted(a.pk for a in addressees)]}
        )
    _save_files(user, checked, document=document)
    return document


@transaction.atomic
def do_update_document(
    user,
    document: SourceDocument,
    version: int | None,
    addressees: Iterable[Organisation] | None = None,
    reason: str = "",
    **fields,
) -> SourceDocument:
    """Change a document; raises StaleRecord if someone saved it since `version`."""
    _require(user, "plans.manage_plans", document)
    before = snapshot(document)
    for name, value in fields.items():
        setattr(document, name, value)
    document.full_clean()
    save_checked(document, version)
    record_changed(user, document, before, reason)
    if addressees is not None:
        old = sorted(document.addressees.values_list("pk", flat=True))
        new = sorted(a.pk for a in addressees)
        if old != new:
            document.addressees.set(new)
            record_event(user, "changed", document, {"addressees": [old, new]}, reason)
    return document


@transaction.atomic
def do_attach_to_document(user, document: SourceDocument, files) -> list[EvidenceFile]:
    _require(user, "plans.manage_plans", document)
    return _save_files(user, check_uploads(files, "attachments"), document=document)


@transaction.atomic
def do_add_clause(
    user,
    document: SourceDocument,
    ordinal: str,
    text: str,
    span_start: int | None = None,
    span_end: int | None = None,
) -> Clause:
    """Add the next clause of a document. Without a span, the clause's text is looked up
    in the document's text and the span set where it is found."""
    _require(user, "plans.manage_plans", document)
    document = _lock(document)
    if span_start is None and span_end is None and text:
        found = document.text.find(text)
        if found >= 0:
            span_start, span_end = found, found + len(text)
    if span_start is not None or span_end is not None:
        if span_start is None or span_end is None or not 0 <= span_start <= span_end:
            raise ValidationError({"span_start": _("Give both ends of the span, start first.")})
        if span_end > len(document.text):
            raise ValidationError(
                {
                    "span_end": _("The span ends after the document's text (%(n)d characters).")
                    % {"n": len(document.text)}
                }
            )
    last = document.clauses.aggregate(last=Max("position"))["last"] or 0
    return _save_new(
        user,
        Clause(
            document=document,
            position=last + 1,
            ordinal=ordinal.strip(),
            text=text.strip(),
            span_start=span_start,
            span_end=span_end,
        ),
    )


# ---------------------------------------------------------------- tasks


def _check_tree_and_source(task: Task) -> None:
    if task.parent_id is not None:
        if task.parent.plan_id != task.plan_id:
            raise ValidationError({"parent": _("The parent task belongs to another plan.")})
        ancestor, seen = task.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if task.pk is not None and ancestor.pk == task.pk:
                raise ValidationError({"parent": _("A task cannot sit under its own sub-task.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
    start, end = task.source_span_start, task.source_span_end
    if start is None and end is None:
        return
    if task.source_clause is None:
        raise ValidationError({"source_clause": _("A text span needs the clause it is in.")})
    if start is None or end is None or start > end:
        raise ValidationError({"source_span_start": _("Give both ends of the span, start first.")})
    clause = task.source_clause
    if clause.span_start is not None and not (
        clause.span_start <= start and end <= clause.span_end
    ):
        raise ValidationError(
            {
                "source_span_start": _("The span must lie inside the clause (%(a)d–%(b)d).")
                % {"a": clause.span_start, "b": clause.span_end}
            }
        )
    if end > len(clause.document.text):
        raise ValidationError({"source_span_end": _("The span ends after the document's text.")})


def _stamp_milestones(user, task: Task) -> list[Milestone]:
    """Milestones from the stage template for the task's kind, spread over its time."""
    template = StageTemplate.objects.active().filter(task_kind=task.kind).first()
    if template is None or task.deadline is None:
        return []
    days = (task.deadline - task.start_date).days
    stamped = []
    for stage in template.stages:
        due = task.start_date + dt.timedelta(days=round(days * stage["at_percent_of_time"] / 100))
        stamped.append(
            _save_new(
                user,
                Milestone(
                    task=task,
                    name=stage["name"],
                    due_date=due,
                    expected_percent=stage["expected_percent"],
                ),
            )
        )
    return stamped


def _assign(user, task: Task, unit: Organisation, role: str, share: str = "") -> Assignment:
    """Give `unit` a share of `task`; a new lead unit turns the former lead into a co-unit."""
    if role not in Assignment.Role.values:
        raise ValidationError({"role": _("Choose lead unit or co-unit.")})
    active = task.assignments.active()
    if role == Assignment.Role.LEAD:
        for former in active.filter(role=Assignment.Role.LEAD).exclude(unit=unit):
            before = snapshot(former)
            former.role = Assignment.Role.CO
            save_following(former)
            record_changed(user, former, before)
        if task.lead_unit_id != unit.pk:
            before = snapshot(task)
            task.lead_unit = unit
            save_following(task)
            record_changed(user, task, before)
    existing = active.filter(unit=unit).first()
    if existing is not None:
        before = snapshot(existing)
        existing.role, existing.share = role, share or existing.share
        existing.full_clean()
        save_following(existing)
        record_changed(user, existing, before)
        return existing
    assignment = _save_new(user, Assignment(task=task, unit=unit, role=role, share=share))
    _step(user, task, "assigned", {"unit": [None, str(unit)], "role": [None, role]})
    _notify(
        user,
        _officers_of([unit.pk]),
        "assigned",
        f"assigned:{assignment.pk}",
        {},
        task,
    )
    return assignment


@transaction.atomic
def do_create_task(user, reason: str = "", stamp_milestones: bool = True, **fields) -> Task:
    """Create a task in a plan's tree; its lead unit is assigned and milestones stamped
    from the stage template for its kind."""
    _require(user, "plans.change_task")
    fields["reference"] = (fields.get("reference") or "").strip()
    task = Task(**fields)
    task.original_deadline = task.deadline
    _check_tree_and_source(task)
    task = _save_new(user, task, reason)
    if task.lead_unit is not None:
        _assign(user, task, task.lead_unit, Assignment.Role.LEAD)
    if stamp_milestones:
        _stamp_milestones(user, task)
    return task


@transaction.atomic
def do_update_task(user, task: Task, version: int | None, reason: str = "", **fields) -> Task:
    """Change a task; raises StaleRecord if someone saved it since `version`.

    The reference number is the task's public identity and never changes. A deadline
    moved here is a correction: the original deadline stays as it was first set."""
    _require(user, "plans.change_task", task)
    if "reference" in fields and fields["reference"].strip() != task.reference:
        raise ValidationError(
            {"reference": _("The reference number is the task's identity and cannot change.")}
        )
    fields.pop("reference", None)
    before = snapshot(task)
    for name, value in fields.items():
        setattr(task, name, value)
    if task.original_deadline is None:
        task.original_deadline = task.deadline
    task.full_clean()
    _check_tree_and_source(task)
    save_checked(task, version)
    record_changed(user, task, before, reason)
    lead = task.assignments.active().filter(role=Assignment.Role.LEAD).first()
    if task.lead_unit is not None and (lead is None or lead.unit_id != task.lead_unit_id):
        _assign(user, task, task.lead_unit, Assignment.Role.LEAD)
    return task


@transaction.atomic
def do_assign(user, task: Task, unit: Organisation, role: str, share: str = "") -> Assignment:
    _require(user, "plans.assign_task", task)
    return _assign(user, _lock(task), unit, role, share)


@transaction.atomic
def do_add_indicator(user, task: Task, **fields) -> Indicator:
    _require(user, "plans.change_task", task)
    return _save_new(user, Indicator(task=task, **fields))


@transaction.atomic
def do_add_milestone(user, task: Task, **fields) -> Milestone:
    _require(user, "plans.change_task", task)
    return _save_new(user, Milestone(task=task, **fields))


@transaction.atomic
def do_unassign(user, assignment: Assignment, reason: str = "") -> Assignment:
    """Take a co-unit off a task. Its reports stay in the task's history; a lead unit is
    replaced by assigning another lead, never removed."""
    _require(user, "plans.assign_task", assignment.task)
    assignment = _lock(assignment)
    if assignment.role == Assignment.Role.LEAD:
        raise ValidationError(
            {"role": _("A task keeps its lead unit; assign another lead unit instead.")}
        )
    if assignment.archived_at is None:
        assignment.archived_at = timezone.now()
        save_following(assignment)
        record_event(
            user,
            "archived",
            assignment,
            {"archived_at": [None, str(assignment.archived_at)]},
            reason,
        )
        _step(user, assignment.task, "unassigned", {"unit": [str(assignment.unit), None]})
    return assignment


@transaction.atomic
def do_mark_milestone_done(user, milestone: Milestone, done_on: dt.date) -> Milestone:
    """Record the day a milestone was reached; never a day still to come."""
    _require(user, "plans.change_task", milestone.task)
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A milestone cannot be done on a future day.")})
    milestone = _lock(milestone)
    before = snapshot(milestone)
    milestone.done_on = done_on
    save_following(milestone)
    record_changed(user, milestone, before)
    return milestone


@transaction.atomic
def do_acknowledge(user, assignment: Assignment) -> Assignment:
    """The unit confirms it received the task. Acknowledging twice changes nothing."""
    _require(user, "plans.acknowledge_assignment", assignment)
    assignment = _lock(assignment)
    if assignment.acknowledged_at is not None:
        return assignment
    before = snapshot(assignment)
    assignment.acknowledged_at = timezone.now()
    assignment.acknowledged_by = user
    save_following(assignment)
    record_changed(user, assignment, before)
    _step(user, assignment.task, "acknowledged", {"unit": [None, str(assignment.unit)]})
    return assignment


# ---------------------------------------------------------------- reports


def period_of(day: dt.date, every_months: int = 1) -> dt.date:
    """The first day of the reporting period (of `every_months` months) that holds `day`."""
    return period_start(day, every_months)


def _refuse_if_closed(task: Task) -> None:
    if task.closed_at is not None:
        raise ValidationError(_("Task %(ref)s is closed.") % {"ref": task.reference})


def _check_period(task: Task, period: dt.date, today: dt.date) -> None:
    """A report is for a period of the plan's rule inside the task's life, begun by today."""
    every = task.plan.report_every_months
    label = period_label(period, every)
    if period > period_start(today, every):
        raise ValidationError(
            {
                "period_start": _(
                    "The period %(period)s has not begun yet; report on %(current)s or earlier."
                )
                % {"period": label, "current": period_label(period_start(today, every), every)}
            }
        )
    if period_end(period, every) < task.start_date:
        raise ValidationError(
            {
                "period_start": _("The period %(period)s ends before the task starts on %(d)s.")
                % {"period": label, "d": date_format(task.start_date)}
            }
        )
    if task.deadline is not None and period > task.deadline:
        raise ValidationError(
            {
                "period_start": _("The period %(period)s begins after the task's deadline, %(d)s.")
                % {"period": label, "d": date_format(task.deadline)}
            }
        )


def _carry_evidence(user, evidence: Iterable[EvidenceFile], earlier, report) -> None:
    """Attach files of the earlier report of the same period to its resubmission: the
    stored file is shared, the earlier report keeps its own record of it."""
    for kept in evidence:
        if earlier is None or kept.report_id != earlier.pk or kept.archived_at is not None:
            raise ValidationError({"evidence": _("A kept file does not belong to this report.")})
        copy = EvidenceFile(
            report=report,
            file=kept.file.name,
            name=kept.name,
            content_type=kept.content_type,
            size=kept.size,
            sha256=kept.sha256,
            uploaded_by=kept.uploaded_by,
        )
        copy.save()
        record_event(
            user,
            "created",
            copy,
            {"name": [None, copy.name], "report": [None, report.pk], "kept_from": [None, kept.pk]},
        )


@transaction.atomic
def do_submit_report(
    user,
    assignment: Assignment,
    period_start: dt.date,
    percent_complete: int,
    narrative: str,
    blockers: str = "",
    actuals: dict[int, Decimal] | None = None,
    files=(),
    raise_issue: bool = False,
    keep_evidence: Iterable[EvidenceFile] = (),
) -> ProgressReport:
    """A unit reports on its share for one period of the plan's reporting rule, inside the
    task's life and not after the current period. Only one report per period may wait for
    review; a new report for a returned or approved period is its revision (reviewed
    again; the earlier one stays in the history) and may keep the earlier one's files."""
    _require(user, "plans.report_on_assignment", assignment)
    if raise_issue and not blockers.strip():
        raise ValidationError({"blockers": _("Describe the blocker to flag it as a major issue.")})
    checked = check_uploads(files)
    assignment = _lock(assignment)
    task = assignment.task
    _refuse_if_closed(task)
    every = task.plan.report_every_months
    period = period_of(period_start, every)
    _check_period(task, period, timezone.localdate())
    same_period = assignment.reports.active().filter(period_start=period)
    if same_period.filter(state=ProgressReport.State.SUBMITTED).exists():
        raise ValidationError(
            {
                "period_start": _("A report for %(month)s is already waiting for review.")
                % {"month": period_label(period, every)}
            }
        )
    earlier = same_period.order_by("-submitted_at", "-pk").first()
    indicators = {i.pk: i for i in task.indicators.active()}
    for indicator_id in actuals or {}:
        if indicator_id not in indicators:
            raise ValidationError({"actuals": _("An indicator does not belong to this task.")})
    report = _save_new(
        user,
        ProgressReport(
            assignment=assignment,
            period_start=period,
            percent_complete=percent_complete,
            narrative=narrative.strip(),
            blockers=blockers.strip(),
            submitted_at=timezone.now(),
            submitted_by=user,
            revises=earlier,
        ),
        exclude=["submitted_by"],
    )
    for indicator_id, value in (actuals or {}).items():
        if value is not None:
            actual = IndicatorActual(report=report, indicator=indicators[indicator_id], value=value)
            actual.full_clean()
            actual.save()
    _carry_evidence(user, keep_evidence, earlier, report)
    _save_files(user, checked, report=report)
    _step(
        user,
        task,
        "report revised" if earlier is not None else "report submitted",
        {
            "report": [None, f"{period:%Y-%m} {percent_complete}%"],
            "unit": [None, str(assignment.unit)],
        },
    )
    _notify(
        user,
        _with_role(Role.SUPERVISOR),
        "report_submitted",
        f"report_submitted:{report.pk}",
        {"report": report.pk, "percent": percent_complete, "revision": earlier is not None},
        task,
    )
    if raise_issue:
        _raise_issue(user, assignment, report.blockers, report)
    return report


@transaction.atomic
def do_review_report(
    user, report: ProgressReport, version: int | None, approve: bool, comment: str = ""
) -> ProgressReport:
    """Approve a report, or return it with comments. Two reviewers of one report: the
    second gets StaleRecord, never a silent overwrite."""
    _require(user, "plans.review_report", report)
    comment = comment.strip()
    if not approve and not comment:
        raise ValidationError({"review_comment": _("Say what the unit should change.")})
    stored = _lock(report)
    check_version(stored.version, version, report)
    if stored.state != ProgressReport.State.SUBMITTED:
        raise StaleRecord(report)
    before = snapshot(stored)
    stored.state = ProgressReport.State.APPROVED if approve else ProgressReport.State.RETURNED
    stored.reviewed_at = timezone.now()
    stored.reviewed_by = user
    stored.review_comment = comment
    save_checked(stored, stored.version)
    record_changed(user, stored, before, comment)
    assignment = stored.assignment
    task = assignment.task
    _step(
        user,
        task,
        "report approved" if approve else "report returned",
        {"report": [None, f"{stored.period_start:%Y-%m} {stored.percent_complete}%"]},
        comment,
    )
    _notify(
        user,
        _officers_of([assignment.unit_id]),
        "report_reviewed",
        f"report_reviewed:{stored.pk}",
        {"report": stored.pk, "approved": approve, "comment": comment[:300]},
        task,
    )
    return stored


# ---------------------------------------------------------------- extensions


@transaction.atomic
def do_request_extension(user, task: Task, requested_deadline: dt.date, reason: str):
    """The lead unit asks for a later deadline; one request may be pending at a time."""
    _require(user, "plans.request_extension", task)
    task = _lock(task)
    _refuse_if_closed(task)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why more time is needed.")})
    if task.deadline is not None and requested_deadline <= task.deadline:
        raise ValidationError(
            {
                "requested_deadline": _("Ask for a date after the current deadline, %(d)s.")
                % {"d": task.deadline.isoformat()}
            }
        )
    if task.extension_requests.active().filter(state=ExtensionRequest.State.PENDING).exists():
        raise ValidationError(
            {"requested_deadline": _("An extension request for this task is already pending.")}
        )
    extension = _save_new(
        user,
        ExtensionRequest(
            task=task,
            requested_by=user,
            requested_at=timezone.now(),
            requested_deadline=requested_deadline,
            reason=reason.strip(),
        ),
    )
    _step(
        user,
        task,
        "extension requested",
        {"deadline": [str(task.deadline), str(requested_deadline)]},
        reason,
    )
    _notify(
        user,
        _with_role(Role.SUPERVISOR),
        "extension_requested",
        f"extension_requested:{extension.pk}",
        {"date": requested_deadline.isoformat()},
        task,
    )
    return extension


@transaction.atomic
def do_decide_extension(
    user, extension: ExtensionRequest, approve: bool, reason: str, version: int | None = None
) -> ExtensionRequest:
    """Approve (the task's deadline moves; its original deadline stays) or refuse, with reason."""
    _require(user, "plans.decide_extension", extension)
    if not reason.strip():
        raise ValidationError({"decision_reason": _("Give the reason for the decision.")})
    stored = _lock(extension)
    check_version(stored.version, version, extension)
    if stored.state != ExtensionRequest.State.PENDING:
        raise StaleRecord(extension)
    before = snapshot(stored)
    stored.state = ExtensionRequest.State.APPROVED if approve else ExtensionRequest.State.REFUSED
    stored.decided_by, stored.decided_at = user, timezone.now()
    stored.decision_reason = reason.strip()
    save_checked(stored, stored.version)
    record_changed(user, stored, before, reason)
    task = _lock(stored.task)
    if approve:
        before = snapshot(task)
        task.deadline = stored.requested_deadline
        save_following(task)
        record_changed(user, task, before, reason)
    _step(user, task, "extension approved" if approve else "extension refused", {}, reason)
    _notify(
        user,
        _officers_of([task.lead_unit_id] if task.lead_unit_id else []),
        "extension_decided",
        f"extension_decided:{stored.pk}",
        {
            "approved": approve,
            "date": stored.requested_deadline.isoformat(),
            "reason": reason.strip()[:300],
        },
        task,
    )
    return stored


# ---------------------------------------------------------------- major issues


def _raise_issue(user, assignment: Assignment, description: str, report=None) -> MajorIssue:
    task = assignment.task
    issue = _save_new(
        user,
        MajorIssue(
            task=task,
            assignment=assignment,
            report=report,
            description=description.strip(),
            raised_by=user,
            raised_at=timezone.now(),
        ),
    )
    _step(user, task, "major issue raised", {"issue": [None, issue.description[:200]]})
    _notify(
        user,
        _with_role(Role.SUPERVISOR, Role.LEADER),
        "major_issue",
        f"major_issue:{issue.pk}",
        {"unit": assignment.unit_id, "text": issue.description[:300]},
        task,
    )
    return issue


@transaction.atomic
def do_raise_issue(user, assignment: Assignment, description: str, report=None) -> MajorIssue:
    """A unit escalates a blocker; supervisors and leaders are told at once."""
    _require(user, "plans.raise_issue", assignment)
    if not description.strip():
        raise ValidationError({"description": _("Describe the issue.")})
    _refuse_if_closed(assignment.task)
    return _raise_issue(user, assignment, description, report)


@transaction.atomic
def do_resolve_issue(user, issue: MajorIssue, resolution: str) -> MajorIssue:
    _require(user, "plans.resolve_issue", issue)
    if not resolution.strip():
        raise ValidationError({"resolution": _("Say how the issue was resolved.")})
    stored = _lock(issue)
    if stored.resolved_at is not None:
        raise StaleRecord(issue)
    before = snapshot(stored)
    stored.resolved_at, stored.resolved_by = timezone.now(), user
    stored.resolution = resolution.strip()
    save_checked(stored, stored.version)
    record_changed(user, stored, before, resolution)
    _step(user, stored.task, "major issue resolved", {}, resolution)
    _notify(
        user,
        _officers_of([stored.assignment.unit_id]) + [stored.raised_by_id],
        "issue_resolved",
        f"issue_resolved:{stored.pk}",
        {"text": stored.resolution[:300]},
        stored.task,
    )
    return stored


# ---------------------------------------------------------------- close-out


@transaction.atomic
def do_request_close(user, task: Task, note: str) -> Task:
    """The lead unit says the work is done and asks the supervisor to close the task."""
    _require(user, "plans.request_close", task)
    task = _lock(task)
    _refuse_if_closed(task)
    if not note.strip():
        raise ValidationError({"close_note": _("Say what was achieved and where the evidence is.")})
    before = snapshot(task)
    task.close_requested_at, task.close_requested_by = timezone.now(), user
    task.close_note = note.strip()
    save_checked(task, task.version)
    record_changed(user, task, before)
    _step(user, task, "close requested", {}, note)
    _notify(
        user,
        _with_role(Role.SUPERVISOR),
        "close_requested",
        f"close_requested:{task.pk}:{task.version}",
        {},
        task,
    )
    return task


def close_blockers(task: Task) -> dict[str, str]:
    """What the plan's close-out rule still misses for `task`, by field: a lead unit and a
    deadline always; by the plan's rule, every assigned unit's approved report with none
    waiting for review, and evidence on an approved report."""
    missing: dict[str, str] = {}
    if task.lead_unit_id is None:
        missing["lead_unit"] = _("A task without a lead unit cannot be closed.")
    if task.deadline is None:
        missing["deadline"] = _("Set the task's deadline before closing it.")
    reports = ProgressReport.objects.active().filter(
        assignment__task=task, assignment__archived_at__isnull=True
    )
    approved = reports.filter(state=ProgressReport.State.APPROVED)
    if task.plan.close_needs_final_reports:
        units = task.assignments.active().select_related("unit")
        without = [str(a.unit) for a in units if not approved.filter(assignment=a).exists()]
        if without:
            missing["reports"] = _("No approved report yet from: %(units)s.") % {
                "units": ", ".join(without)
            }
        elif reports.filter(state=ProgressReport.State.SUBMITTED).exists():
            missing["reports"] = _("A report still waits for review.")
    if (
        task.plan.close_needs_evidence
        and not EvidenceFile.objects.filter(report__in=approved, archived_at__isnull=True).exists()
    ):
        missing["evidence"] = _("No approved report carries an evidence file.")
    return missing


@transaction.atomic
def do_close(
    user, task: Task, note: str = "", version: int | None = None, incomplete_reason: str = ""
) -> Task:
    """The supervisor verifies the work and closes the task: a note always, what the
    plan's close-out rule asks for (close_blockers), and progress of 100 % or the reason
    it closes below. The progress at closing is kept: it is what the task counts for in
    its parent from then on."""
    _require(user, "plans.close_task", task)
    stored = _lock(task)
    check_version(stored.version, version, task)
    if stored.closed_at is not None:
        raise StaleRecord(task)
    errors = {}
    if not note.strip():
        errors["note"] = _("Say what was verified before closing.")
    errors.update(close_blockers(stored))
    progress = task_facts([stored])[stored.pk].progress
    incomplete_reason = incomplete_reason.strip()
    if (progress or 0) < 100 and not incomplete_reason:
        errors["incomplete_reason"] = _(
            "The task stands at %(percent)s; say why it closes below 100 %%."
        ) % {"percent": "—" if progress is None else f"{progress} %"}
    if errors:
        raise ValidationError(errors)
    before = snapshot(stored)
    stored.closed_at, stored.closed_by = timezone.now(), user
    stored.closed_progress = progress or 0
    stored.incomplete_reason = incomplete_reason if (progress or 0) < 100 else ""
    save_checked(stored, stored.version)
    record_changed(user, stored, before, note)
    _step(user, stored, "closed", {"progress": [None, stored.closed_progress]}, note)
    _notify(
        user,
        _officers_of(_task_units(stored)),
        "closed",
        f"closed:{stored.pk}:{stored.version}",
        {},
        stored,
    )
    return stored


@transaction.atomic
def do_reopen(user, task: Task, reason: str) -> Task:
    """Reopen a closed task, or turn down a request to close it; the reason is required."""
    _require(user, "plans.close_task", task)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the task is reopened.")})
    stored = _lock(task)
    if stored.closed_at is None and stored.close_requested_at is None:
        raise ValidationError(_("The task is neither closed nor waiting to be closed."))
    before = snapshot(stored)
    stored.closed_at = stored.closed_by = stored.closed_progress = None
    stored.incomplete_reason = ""
    stored.close_requested_at = stored.close_requested_by = None
    save_checked(stored, stored.version)
    record_changed(user, stored, before, reason)
    _step(user, stored, "reopened", {}, reason)
    _notify(
        user,
        _officers_of(_task_units(stored)),
        "reopened",
        f"reopened:{stored.pk}:{stored.version}",
        {"reason": reason.strip()[:300]},
        stored,
    )
    return stored


# ---------------------------------------------------------------- inbox


def do_mark_read(user, ids: Iterable[int] | None = None) -> int:
    """Mark the user's own notifications read (all of them when `ids` is None)."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())
