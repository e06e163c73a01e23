"""Every change to supervision documents: one transaction, permission checked, audit event
written, the addressed unit notified on commit. `user=None` is the system (the daily
ladder job, the demo loader)."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from planwatch.accounts.models import Role, User
from planwatch.audit.actions import record_changed, record_created, record_event, snapshot
from planwatch.directory.models import Organisation
from planwatch.lib.models import save_checked
from planwatch.plans import actions as plan_actions
from planwatch.plans.files import CheckedFile, check_uploads
from planwatch.plans.models import Assignment, MajorIssue, Notification, Plan, Task
from planwatch.reports import evaluation
from planwatch.reports.bulletins import Scope, build, previous_period
from planwatch.reports.models import (
    AnswerFile,
    Bulletin,
    Card,
    Evaluation,
    Instruction,
    Ladder,
    Notice,
    NoticeAnswer,
    NoticeCounter,
    NoticeKind,
    NoticeSeries,
    NoticeTask,
)
from planwatch.reports.queries import (
    facts_of,
    ladder_of,
    overdue_by_unit,
    overdue_figures,
    series_for,
)

TEXT_LIMIT = 20_000
# Steps written on a task's history; listed so that the catalogue translates them.
STEP_ACTIONS = [gettext_noop("notice issued"), gettext_noop("instruction written")]


def _require(user, perm: str, obj=None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _lock(record):
    return type(record).objects.select_for_update().get(pk=record.pk)


def _notify_unit(actor, notice: Notice, text: str) -> None:
    """An in-app notification for each officer of the addressed unit, written on commit."""
    officers = User.objects.filter(
        unit_id=notice.unit_id, role=Role.UNIT_OFFICER, is_active=True
    ).values_list("pk", flat=True)
    recipients = sorted(set(officers) - {getattr(actor, "pk", None)})
    day = timezone.localdate()
    rows = [
        Notification(user_id=pk, key=f"notice:{notice.pk}", day=day, kind="notice", text=text)
        for pk in recipients
    ]
    if rows:
        transaction.on_commit(lambda: Notification.objects.bulk_create(rows, ignore_conflicts=True))


def _text(value: str, field: str, label: str) -> str:
    value = (value or "").strip()
    if "\x00" in value:
        raise ValidationError({field: _("%(label)s: contains a NUL byte.") % {"label": label}})
    if not value:
        raise ValidationError({field: _("%(label)s: this field is required.") % {"label": label}})
    if len(value) > TEXT_LIMIT:
        raise ValidationError(
            {field: _("%(label)s: at most %(n)d characters.") % {"label": label, "n": TEXT_LIMIT}}
        )
    return value


def _next_number(series: NoticeSeries, year: int) -> int:
    """The series' next number for the year, taken under a row lock that the issuing
    transaction holds until it commits or rolls back: no gap, no duplicate."""
    try:
        with transaction.atomic():
            NoticeCounter.objects.get_or_create(series=series, year=year)
    except IntegrityError:
        pass  # another transaction created the year's counter first
    counter = NoticeCounter.objects.select_for_update().get(series=series, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _check_overdue(unit: Organisation, tasks: list[Task], today: dt.date) -> None:
    """Each task must be overdue today and assigned to the unit."""
    if not tasks:
        raise ValidationError({"tasks": _("Tasks: name at least one overdue task.")})
    plans = {task.plan_id for task in tasks}
    if len(plans) > 1:
        raise ValidationError({"tasks": _("Tasks: one notice covers tasks of one plan only.")})
    overdue = set(overdue_figures(today).filter(task__in=tasks).values_list("task_id", flat=True))
    assigned = set(
        Assignment.objects.active()
        .filter(task__in=tasks, unit=unit)
        .values_list("task_id", flat=True)
    )
    not_assigned = [t.reference for t in tasks if t.pk not in assigned]
    if not_assigned:
        raise ValidationError(
            {
                "tasks": _("Tasks: %(unit)s is not assigned to %(refs)s.")
                % {"unit": unit, "refs": ", ".join(not_assigned)}
            }
        )
    not_overdue = [t.reference for t in tasks if t.pk not in overdue]
    if not_overdue:
        raise ValidationError(
            {
                "tasks": _(
                    "Tasks: %(refs)s not overdue today; a notice is issued only about "
                    "overdue tasks."
                )
                % {"refs": ", ".join(not_overdue)}
            }
        )


def _put_items(notice: Notice, tasks: list[Task], today: dt.date) -> None:
    """Write (or, when issuing a proposal, overwrite) the frozen facts of each task."""
    facts = facts_of(tasks, notice.unit_id, today)
    existing = {item.task_id: item for item in notice.items.all()}
    for task in tasks:
        fact = facts[task.pk]
        item = existing.get(task.pk) or NoticeTask(notice=notice, task=task)
        item.reference = task.reference
        item.title = task.title_zh or task.title_en
        item.deadline = fact.deadline
        item.last_report_on = fact.last_report_on
        item.last_percent = fact.last_percent
        item.days_overdue = fact.days_overdue
        item.save()


def _number(user, notice: Notice, today: dt.date) -> None:
    """Number, sign and date the notice: the moment it becomes an issued document."""
    series = series_for(notice.plan, notice.kind)
    if series is None:
        raise ValidationError(
            {
                "kind": _("Kind: no number series is set for %(kind)s; add one first.")
                % {"kind": notice.get_kind_display()}
            }
        )
    notice.series = series
    notice.year = today.year
    notice.number = _next_number(series, today.year)
    notice.reference = series.format(today.year, notice.number)
    notice.header = series.header
    notice.issued_on = today
    notice.issued_at = timezone.now()
    notice.signed_by = user
    notice.signer_name = (user.get_full_name() or user.get_username()) if user else ""
    notice.state = Notice.State.ISSUED


def _answer_due(notice: Notice, answer_due: dt.date | None, today: dt.date) -> dt.date:
    if answer_due is None:
        return today + dt.timedelta(days=ladder_of(notice.plan).answer_within)
    if answer_due < today:
        raise ValidationError({"answer_due": _("Answer due: the date is before the day of issue.")})
    return answer_due


def _create(
    user,
    unit: Organisation,
    kind: str,
    tasks: list[Task],
    required_response: str,
    answer_due: dt.date | None,
    today: dt.date,
    reason: str,
) -> Notice:
    notice = Notice(kind=kind, state=Notice.State.ISSUED, plan=tasks[0].plan, unit=unit)
    notice.answer_due = _answer_due(notice, answer_due, today)
    _number(user, notice, today)
    # Validated after the number is taken, like any failure of the save: the rollback
    # returns the number to the counter.
    notice.required_response = _text(required_response, "required_response", _("Required response"))
    notice.full_clean()
    notice.save()
    _put_items(notice, tasks, today)
    record_created(user, notice, reason)
    for task in tasks:
        record_event(user, "notice issued", task, {"notice": [None, notice.reference]}, reason)
    _notify_unit(
        user,
        notice,
        _("%(kind)s %(number)s was issued to your unit; answer by %(due)s.")
        % {"kind": notice.get_kind_display(), "number": notice.reference, "due": notice.answer_due},
    )
    return notice


def _kind(kind: str) -> str:
    if kind not in NoticeKind.values:
        raise ValidationError(
            {"kind": _("Kind: %(value)r is not a kind of notice.") % {"value": kind}}
        )
    return kind


@transaction.atomic
def do_issue_notice(
    user,
    unit: Organisation,
    kind: str,
    tasks: Iterable[Task],
    required_response: str,
    today: dt.date,
    answer_due: dt.date | None = None,
    reason: str = "",
) -> Notice:
    """Issue one notice to `unit` about its overdue `tasks` (all of one plan)."""
    _require(user, "reports.issue_notice")
    tasks = list(tasks)
    _check_overdue(unit, tasks, today)
    return _create(user, unit, _kind(kind), tasks, required_response, answer_due, today, reason)


@transaction.atomic
def do_issue_in_bulk(
    user,
    kind: str,
    more_than_days: int,
    required_response: str,
    today: dt.date,
    plan: Plan | None = None,
    answer_due: dt.date | None = None,
) -> list[Notice]:
    """One notice to each lead unit with tasks overdue by more than `more_than_days` (per
    plan), all or none."""
    _require(user, "reports.issue_notice")
    _kind(kind)
    if more_than_days < 0:
        raise ValidationError({"more_than_days": _("Days overdue: a number of days, 0 or more.")})
    groups = overdue_by_unit(today, more_than_days, plan)
    if not groups:
        raise ValidationError(
            {
                "more_than_days": _(
                    "Days overdue: no unit has a task overdue by more than %(n)d days."
                )
                % {"n": more_than_days}
            }
        )
    units = Organisation.objects.in_bulk([unit_id for unit_id, _plan in groups])
    tasks = Task.objects.in_bulk([pk for ids in groups.values() for pk in ids])
    notices = []
    for (unit_id, _plan_id), task_ids in sorted(groups.items()):
        notices.append(
            _create(
                user,
                units[unit_id],
                kind,
                [tasks[pk] for pk in task_ids],
                required_response,
                answer_due,
                today,
                _("issued in bulk: overdue by more than %(n)d days") % {"n": more_than_days},
            )
        )
    return notices


@transaction.atomic
def do_confirm_notice(
    user,
    notice: Notice,
    today: dt.date,
    required_response: str | None = None,
    answer_due: dt.date | None = None,
) -> Notice:
    """Issue a proposal of the ladder: numbered, signed, its facts frozen as of today."""
    _require(user, "reports.issue_notice", notice)
    notice = _lock(notice)
    if notice.state != Notice.State.PROPOSED:
        raise ValidationError(
            _("Only a proposed notice can be issued; this one is %(state)s.")
            % {"state": notice.get_state_display()}
        )
    tasks = [item.task for item in notice.items.select_related("task")]
    _check_overdue(notice.unit, tasks, today)
    before = snapshot(notice)
    if required_response is not None:
        notice.required_response = _text(
            required_response, "required_response", _("Required response")
        )
    notice.answer_due = _answer_due(notice, answer_due, today)
    _number(user, notice, today)
    notice.full_clean()
    save_checked(notice, notice.version)
    _put_items(notice, tasks, today)
    record_changed(user, notice, before, _("proposal issued"))
    for task in tasks:
        record_event(user, "notice issued", task, {"notice": [None, notice.reference]})
    _notify_unit(
        user,
        notice,
        _("%(kind)s %(number)s was issued to your unit; answer by %(due)s.")
        % {"kind": notice.get_kind_display(), "number": notice.reference, "due": notice.answer_due},
    )
    return notice


@transaction.atomic
def do_dismiss_notice(user, notice: Notice, reason: str) -> Notice:
    """Set a proposal aside; it keeps no number and the ladder does not propose it again."""
    _require(user, "reports.issue_notice", notice)
    reason = _text(reason, "reason", _("Reason"))
    notice = _lock(notice)
    if notice.state != Notice.State.PROPOSED:
        raise ValidationError(
            _("Only a proposed notice can be dismissed; this one is %(state)s.")
            % {"state": notice.get_state_display()}
        )
    before = snapshot(notice)
    notice.state = Notice.State.DISMISSED
    save_checked(notice, notice.version)
    record_changed(user, notice, before, reason)
    return notice


@transaction.atomic
def do_withdraw_notice(user, notice: Notice, reason: str) -> Notice:
    """Withdraw an issued notice; it keeps its number, which is never given again."""
    _require(user, "reports.withdraw_notice", notice)
    reason = _text(reason, "reason", _("Reason"))
    notice = _lock(notice)
    if notice.state not in (Notice.State.ISSUED, Notice.State.ANSWERED):
        raise ValidationError(
            _("Only an issued notice can be withdrawn; this one is %(state)s.")
            % {"state": notice.get_state_display()}
        )
    before = snapshot(notice)
    notice.state = Notice.State.WITHDRAWN
    notice.withdrawn_at = timezone.now()
    notice.withdrawn_by = user
    notice.withdraw_reason = reason
    save_checked(notice, notice.version)
    record_changed(user, notice, before, reason)
    _notify_unit(
        user,
        notice,
        _("%(number)s was withdrawn: %(reason)s") % {"number": notice.reference, "reason": reason},
    )
    return notice


def _save_files(user, answer: NoticeAnswer, files: list[CheckedFile]) -> None:
    for checked in files:
        stored = AnswerFile(
            answer=answer,
            name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=user,
        )
        stored.file.save(checked.stored_name(), checked.upload, save=False)
        stored.save()
        fields = {"name": stored.name, "file": stored.file.name, "sha256": stored.sha256}
        fields.update(size=stored.size, answer=answer.pk)
        record_event(user, "created", stored, {k: [None, v] for k, v in fields.items()})


@transaction.atomic
def do_answer_notice(user, notice: Notice, text: str, today: dt.date, files=()) -> NoticeAnswer:
    """The unit's answer (text and evidence). Refused once the notice is withdrawn or
    answered; an answer after the due date is taken and marked late."""
    notice = _lock(notice)
    if notice.state == Notice.State.WITHDRAWN:
        raise ValidationError(
            _("This notice was withdrawn on %(day)s; it needs no answer.")
            % {"day": timezone.localdate(notice.withdrawn_at)}
        )
    if notice.state == Notice.State.ANSWERED:
        raise ValidationError(_("This notice has already been answered."))
    _require(user, "reports.answer_notice", notice)
    if notice.state != Notice.State.ISSUED:
        raise PermissionDenied(_("You may not do this."))
    text = _text(text, "text", _("Answer"))
    checked = check_uploads(files, "files")
    answer = NoticeAnswer(
        notice=notice,
        text=text,
        answered_at=timezone.now(),
        answered_by=user,
        late=notice.answer_due is not None and today > notice.answer_due,
    )
    answer.save()
    record_created(user, answer)
    _save_files(user, answer, checked)
    before = snapshot(notice)
    notice.state = Notice.State.ANSWERED
    save_checked(notice, notice.version)
    record_changed(user, notice, before, _("answered"))
    return answer


@transaction.atomic
def do_save_series(
    user, series: NoticeSeries | None, version: int | None = None, reason: str = "", **fields
) -> NoticeSeries:
    """Create or change a number series; numbers already given keep their text."""
    _require(user, "reports.manage_series")
    if series is None:
        series = NoticeSeries(**fields)
        series.full_clean()
        series.save()
        record_created(user, series, reason)
        return series
    before = snapshot(series)
    for name, value in fields.items():
        setattr(series, name, value)
    series.full_clean()
    save_checked(series, version)
    record_changed(user, series, before, reason)
    return series


@transaction.atomic
def do_save_ladder(
    user, plan: Plan, version: int | None = None, reason: str = "", **fields
) -> Ladder:
    """Set a plan's ladder (days thresholds and days to answer)."""
    _require(user, "reports.manage_ladder", plan)
    existing = Ladder.objects.filter(plan=plan).first()
    if existing is None:
        ladder = Ladder(plan=plan, **fields)
        ladder.full_clean()
        ladder.save()
        record_created(user, ladder, reason)
        return ladder
    before = snapshot(existing)
    for name, value in fields.items():
        setattr(existing, name, value)
    existing.full_clean()
    save_checked(existing, version)
    record_changed(user, existing, before, reason)
    return existing


@transaction.atomic
def do_issue_card(
    user, unit: Organisation, colour: str, reason: str, today: dt.date, task: Task | None = None
) -> Card:
    """A card by hand, with its reason; only a person withdraws it."""
    _require(user, "reports.issue_card")
    if colour not in Card.Colour.values:
        raise ValidationError({"colour": _("Colour: choose red or yellow.")})
    reason = _text(reason, "reason", _("Reason"))
    if task is not None and not Assignment.objects.active().filter(task=task, unit=unit).exists():
        raise ValidationError(
            {
                "task": _("Task: %(unit)s is not assigned to %(ref)s.")
                % {"unit": unit, "ref": task.reference}
            }
        )
    card = Card(
        colour=colour,
        cause=Card.Cause.BY_HAND,
        unit=unit,
        task=task,
        plan=task.plan if task else None,
        subject=f"task:{task.pk}" if task else "",
        reason=reason,
        issued_on=today,
        issued_by=user,
    )
    card.full_clean()
    card.save()
    record_created(user, card, reason)
    _notify_card(user, card)
    return card


def _notify_card(actor, card: Card) -> None:
    officers = User.objects.filter(
        unit_id=card.unit_id, role=Role.UNIT_OFFICER, is_active=True
    ).values_list("pk", flat=True)
    text = _("Your unit received a %(card)s: %(reason)s") % {
        "card": card.get_colour_display(),
        "reason": card.reason,
    }
    day = timezone.localdate()
    rows = [
        Notification(user_id=pk, key=f"card:{card.pk}", day=day, kind="card", text=text)
        for pk in set(officers) - {getattr(actor, "pk", None)}
    ]
    if rows:
        transaction.on_commit(lambda: Notification.objects.bulk_create(rows, ignore_conflicts=True))


@transaction.atomic
def do_withdraw_card(user, card: Card, reason: str, today: dt.date) -> Card:
    """Withdraw a card whose cause is mended (the daily rules do so for their own cards)."""
    _require(user, "reports.issue_card", card)
    reason = _text(reason, "reason", _("Reason"))
    card = _lock(card)
    if card.withdrawn_on is not None:
        raise ValidationError(
            _("This card was already withdrawn on %(day)s.") % {"day": card.withdrawn_on}
        )
    before = snapshot(card)
    card.withdrawn_on = today
    card.withdrawn_by = user
    card.withdraw_reason = reason
    save_checked(card, card.version)
    record_changed(user, card, before, reason)
    return card


def _previous_bulletin(period: str, start: dt.date, plan, unit) -> Bulletin | None:
    """The latest bulletin of the same kind of period and scope that ended before this
    one starts and is not itself corrected."""
    return (
        Bulletin.objects.active()
        .filter(period=period, plan=plan, unit=unit, period_end__lt=start)
        .exclude(corrections__isnull=False)
        .order_by("-period_end", "-pk")
        .first()
    )


def _bulletin_title(period: str, start: dt.date, end: dt.date, plan, unit) -> str:
    scope = (
        plan.title_zh or plan.title_en if plan else (unit.name_zh or unit.name_en if unit else "")
    )
    when = {
        Bulletin.Period.MONTH: f"{start.year}年{start.month}月",
        Bulletin.Period.QUARTER: f"{start.year}年第{(start.month - 1) // 3 + 1}季度",
    }.get(period, f"{start:%Y.%m.%d}—{end:%Y.%m.%d}")
    return f"{scope}{when}督查通报" if scope else f"{when}督查通报"


@transaction.atomic
def do_generate_bulletin(
    user,
    period: str,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    plan: Plan | None = None,
    unit: Organisation | None = None,
    corrects: Bulletin | None = None,
    correction_note: str = "",
) -> Bulletin:
    """Compute, number and issue a bulletin; it never changes afterwards. A correction is
    a new bulletin that names the one it corrects and says what it corrects."""
    _require(user, "reports.issue_bulletin")
    if period not in Bulletin.Period.values:
        raise ValidationError(
            {"period": _("Period: %(value)r is not a kind of period.") % {"value": period}}
        )
    if end < start:
        raise ValidationError(
            {
                "period_end": _(
                    "Period end: the period ends (%(end)s) before it starts (%(start)s)."
                )
                % {"end": end, "start": start}
            }
        )
    if end > today:
        raise ValidationError({"period_end": _("Period end: the period has not ended yet.")})
    if corrects is not None:
        correction_note = _text(correction_note, "correction_note", _("What it corrects"))
        if Bulletin.objects.filter(corrects=corrects).exists():
            raise ValidationError(
                {
                    "corrects": _(
                        "Corrects: %(ref)s was already corrected; correct the correction."
                    )
                    % {"ref": corrects.reference}
                }
            )
    series = series_for(plan, "bulletin")
    if series is None:
        raise ValidationError(
            {"period": _("No number series is set for bulletins; add one first.")}
        )
    previous = _previous_bulletin(period, start, plan, unit)
    content = build(Scope(plan, unit), start, end, previous.content if previous else None)
    number = _next_number(series, today.year)
    reference = series.format(today.year, number)
    content["reference"] = reference
    bulletin = Bulletin.objects.create(
        series=series,
        year=today.year,
        number=number,
        reference=reference,
        title=_bulletin_title(period, start, end, plan, unit),
        period=period,
        period_start=start,
        period_end=end,
        plan=plan,
        unit=unit,
        previous=previous,
        corrects=corrects,
        correction_note=correction_note,
        content=content,
        issued_on=today,
        issued_by=user,
        header=series.header,
    )
    record_event(
        user,
        "created",
        bulletin,
        {"reference": [None, reference], "period": [None, [start.isoformat(), end.isoformat()]]},
        correction_note,
    )
    return bulletin


def generate_due_bulletin(today: dt.date) -> Bulletin | None:
    """The scheduled bulletin: the office-wide bulletin of the previous month, unless one
    (not a correction) exists already."""
    start, end = previous_period(Bulletin.Period.MONTH, today)
    exists = Bulletin.objects.active().filter(
        period=Bulletin.Period.MONTH,
        plan__isnull=True,
        unit__isnull=True,
        period_start=start,
        period_end=end,
    )
    if exists.exists():
        return None
    return do_generate_bulletin(None, Bulletin.Period.MONTH, start, end, today)


def _units_concerned(instruction: Instruction) -> list[int]:
    if instruction.notice_id:
        return [instruction.notice.unit_id]
    if instruction.issue_id:
        return [instruction.issue.assignment.unit_id]
    return list(instruction.task.assignments.active().values_list("unit_id", flat=True))


@transaction.atomic
def do_write_instruction(
    user,
    text: str,
    task: Task | None = None,
    issue: MajorIssue | None = None,
    notice: Notice | None = None,
) -> Instruction:
    """A leader's instruction on one task, major issue or issued notice; the units
    concerned are notified."""
    _require(user, "reports.write_instruction")
    if sum(x is not None for x in (task, issue, notice)) != 1:
        raise ValidationError(
            {"task": _("Task: an instruction is about one task, major issue or notice.")}
        )
    if notice is not None and notice.is_draft:
        raise ValidationError({"notice": _("Notice: a proposal cannot take an instruction.")})
    instruction = Instruction(
        task=task,
        issue=issue,
        notice=notice,
        text=_text(text, "text", _("Instruction")),
        written_by=user,
        written_at=timezone.now(),
    )
    instruction.full_clean()
    instruction.save()
    record_created(user, instruction)
    subject = instruction.subject_task
    if subject is not None:
        record_event(user, "instruction written", subject, {"instruction": [None, instruction.pk]})
    officers = User.objects.filter(
        unit_id__in=_units_concerned(instruction), role=Role.UNIT_OFFICER, is_active=True
    ).values_list("pk", flat=True)
    message = _("%(leader)s wrote an instruction: %(text)s") % {
        "leader": user.get_full_name() or user.get_username(),
        "text": instruction.text[:200],
    }
    day = timezone.localdate()
    rows = [
        Notification(
            user_id=pk,
            key=f"instruction:{instruction.pk}",
            day=day,
            kind="instruction",
            task=subject,
            text=message,
        )
        for pk in officers
    ]
    if rows:
        transaction.on_commit(lambda: Notification.objects.bulk_create(rows, ignore_conflicts=True))
    return instruction


@transaction.atomic
def do_instruction_to_task(user, instruction: Instruction, **task_fields) -> Task:
    """Make the instruction a new task of a plan (through the plans' own action)."""
    _require(user, "reports.instruction_to_task", instruction)
    instruction = _lock(instruction)
    if instruction.new_task_id is not None:
        raise ValidationError(
            _("This instruction is already task %(ref)s.") % {"ref": instruction.new_task.reference}
        )
    task_fields.setdefault("description", instruction.text)
    task = plan_actions.do_create_task(user, reason=_("from a leader's instruction"), **task_fields)
    before = snapshot(instruction)
    instruction.new_task = task
    save_checked(instruction, instruction.version)  # the version read under the lock
    record_changed(user, instruction, before, _("made into a task"))
    return task


@transaction.atomic
def do_evaluate_plan(user, plan: Plan, as_of: dt.date, today: dt.date) -> Evaluation:
    """Compute and keep a plan's evaluation report as of a date, compared with the latest
    earlier evaluation of the plan."""
    _require(user, "reports.evaluate_plan", plan)
    if as_of > today:
        raise ValidationError({"as_of": _("As of: the date is in the future.")})
    previous = (
        Evaluation.objects.active()
        .filter(plan=plan, as_of__lt=as_of)
        .order_by("-as_of", "-pk")
        .first()
    )
    content = evaluation.build(plan, as_of, previous.content if previous else None)
    report = Evaluation.objects.create(
        plan=plan,
        as_of=as_of,
        title=_("Evaluation of the implementation of “%(plan)s” as of %(date)s")
        % {"plan": plan.title, "date": as_of},
        previous=previous,
        content=content,
        issued_on=today,
        issued_by=user,
    )
    record_event(user, "created", report, {"as_of": [None, as_of.isoformat()]})
    return report
