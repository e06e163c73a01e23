"""Pages of the supervision loop. Thin: parse input, call a query or an action, render."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from planwatch.accounts.models import Role
from planwatch.lib.models import StaleRecord
from planwatch.plans import actions, forms, notices, periods
from planwatch.plans.models import (
    Assignment,
    Clause,
    EvidenceFile,
    ExtensionRequest,
    IndicatorActual,
    MajorIssue,
    Milestone,
    Notification,
    Plan,
    ProgressReport,
    SourceDocument,
    Task,
)
from planwatch.plans.queries import (
    TaskFilter,
    reports_visible_to,
    task_page,
    task_rows,
    tasks_visible_to,
)
from planwatch.plans.status import Status

CONFLICT = {
    "task": gettext_lazy(
        "Someone else saved this task while you were editing it. "
        "Reload the page to see their change, then make yours again."
    ),
    "report": gettext_lazy(
        "Someone else reviewed this report first; their decision stands. Reload the page."
    ),
    "extension": gettext_lazy("This request was already decided by someone else. Reload the page."),
    "issue": gettext_lazy("This issue was already resolved by someone else. Reload the page."),
    "document": gettext_lazy(
        "Someone else saved this document while you were editing it. "
        "Reload the page to see their change, then make yours again."
    ),
    "plan": gettext_lazy(
        "Someone else saved this plan while you were editing it. "
        "Reload the page to see their change, then make yours again."
    ),
}


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _today():
    return timezone.localdate()


LABELLED_MODELS = (Task, ProgressReport, ExtensionRequest, MajorIssue, Plan, SourceDocument, Clause)


def _label(field: str, form=None) -> str:
    """What the reader calls `field`: the form's label, else the loop's model field's
    verbose name; "" when neither names it (the message then speaks for itself)."""
    if form is not None and field in form.fields and form.fields[field].label:
        return str(form.fields[field].label)
    for model in LABELLED_MODELS:
        try:
            return str(model._meta.get_field(field).verbose_name)
        except FieldDoesNotExist:
            continue
    return ""


def _error_lines(error: ValidationError, form=None) -> list[str]:
    """Each message of `error`, prefixed with the label of the field it is about; never
    with an internal field name."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    lines = []
    for field, errors in error.message_dict.items():
        label = "" if field == "__all__" else _label(field, form)
        for message in errors:
            lines.append(f"{capfirst(label)}: {message}" if label else message)
    return lines


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            if field in form.fields and field not in form.errors:
                form.add_error(field, errors)
            else:
                form.add_error(None, _error_lines(ValidationError({field: errors}), form))
    else:
        form.add_error(None, error)


def _flash_form_errors(request: HttpRequest, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for message in errors:
            messages.error(request, f"{label}: {message}" if label else message)


def _task_for(request: HttpRequest, reference: str, perm: str = "plans.view_task") -> Task:
    """The task by its reference number: 404 unless the user may see it, 403 unless `perm`."""
    task = get_object_or_404(
        tasks_visible_to(request.user).select_related("plan", "lead_unit"), reference=reference
    )
    _require(request, "plans.view_task", task)
    if perm != "plans.view_task":
        _require(request, perm, task)
    return task


def _run(request: HttpRequest, conflict: str, action, *args, form=None, **kwargs) -> bool:
    """Call an action from a button on the task page; say what happened."""
    try:
        action(request.user, *args, **kwargs)
    except StaleRecord:
        messages.error(request, CONFLICT[conflict])
    except ValidationError as error:
        for line in _error_lines(error, form):
            messages.error(request, line)
    else:
        return True
    return False


# ---------------------------------------------------------------- task list and plans


def task_list(request: HttpRequest) -> HttpResponse:
    _require(request, "plans.view_plan")
    form = forms.TaskFilterForm(request.GET or None)
    task_filter = TaskFilter()
    if form.is_valid():
        data = form.cleaned_data
        task_filter = TaskFilter(
            plan=data["plan"],
            unit_id=data["unit"].pk if data["unit"] else None,
            status=Status(data["status"]) if data["status"] else None,
            deadline_from=data["deadline_from"],
            deadline_to=data["deadline_to"],
            text=data["q"].strip(),
        )
    page = task_page(request.user, task_filter, _today(), request.GET.get("page"))
    template = "plans/_task_table.html" if request.htmx else "plans/task_list.html"
    return render(request, template, {"form": form, "page": page})


def plan_list(request: HttpRequest) -> HttpResponse:
    _require(request, "plans.view_plan")
    plans = Plan.objects.active().annotate(
        task_count=Count("tasks", filter=Q(tasks__archived_at__isnull=True))
    )
    return render(request, "plans/plan_list.html", {"plans": plans})


def plan_detail(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.active().select_related("document"), code=code)
    _require(request, "plans.view_plan", plan)
    top = (
        tasks_visible_to(request.user)
        .filter(plan=plan, parent__isnull=True)
        .select_related("plan", "lead_unit")
        .annotate(child_count=Count("children", filter=Q(children__archived_at__isnull=True)))
        .order_by("reference")
    )
    page = Paginator(top, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/plan_detail.html",
        {"plan": plan, "page": page, "rows": task_rows(page.object_list, _today())},
    )


def plan_edit(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Create a plan, or change one's titles, reporting rules and thresholds."""
    plan = None
    if code is not None:
        plan = get_object_or_404(Plan.objects.active(), code=code)
    _require(request, "plans.manage_plans", plan)
    form = forms.PlanForm(
        request.POST or None, instance=plan, initial={"version": plan.version if plan else None}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        reason = form.cleaned_data["reason"]
        try:
            if plan is None:
                plan = actions.do_create_plan(request.user, reason, **fields)
            else:
                plan.refresh_from_db()
                actions.do_update_plan(
                    request.user, plan, form.cleaned_data["version"], reason, **fields
                )
        except StaleRecord:
            form.add_error(None, CONFLICT["plan"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("plans:plan", code=plan.code)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


# ---------------------------------------------------------------- task page and editing


def _indicator_rows(task: Task) -> list[tuple]:
    """Each indicator with its actual value from the latest approved report."""
    indicators = list(task.indicators.active())
    latest: dict[int, IndicatorActual] = {}
    for actual in (
        IndicatorActual.objects.filter(
            indicator__in=indicators,
            report__state=ProgressReport.State.APPROVED,
            report__archived_at__isnull=True,
        )
        .select_related("report")
        .order_by("report__period_start", "report__submitted_at")
    ):
        latest[actual.indicator_id] = actual
    return [(indicator, latest.get(indicator.pk)) for indicator in indicators]


def _ancestors(user, task: Task) -> list[Task]:
    """The task's ancestors this user may open, root first: one they may not open is left
    out of the breadcrumbs, never named."""
    chain, seen, parent_id = [], {task.pk}, task.parent_id
    while parent_id is not None and parent_id not in seen:
        parent = Task.objects.only("pk", "reference", "title_en", "title_zh", "parent").get(
            pk=parent_id
        )
        chain.insert(0, parent)
        seen.add(parent_id)
        parent_id = parent.parent_id
    visible = set(tasks_visible_to(user).filter(pk__in=seen).values_list("pk", flat=True))
    return [ancestor for ancestor in chain if ancestor.pk in visible]


def task_detail(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference)
    user = request.user
    today = _today()
    row = task_rows([task], today)[0]
    children = (
        task.children.active()
        .select_related("plan", "lead_unit")
        .annotate(child_count=Count("children", filter=Q(children__archived_at__isnull=True)))
        .order_by("reference")
    )
    assignments = list(
        task.assignments.active().select_related("unit", "acknowledged_by").order_by("role", "pk")
    )
    reports = list(
        reports_visible_to(user)
        .filter(assignment__task=task)
        .select_related("assignment__unit", "submitted_by", "reviewed_by")
        .prefetch_related(
            Prefetch("evidence", queryset=EvidenceFile.objects.active()),
            Prefetch("actuals", queryset=IndicatorActual.objects.select_related("indicator")),
        )
    )
    clause = None
    span_text = ""
    if task.source_clause_id:
        clause = Clause.objects.select_related("document").get(pk=task.source_clause_id)
        if task.source_span_start is not None and task.source_span_end is not None:
            span_text = clause.document.text[task.source_span_start : task.source_span_end]
    extensions = list(task.extension_requests.active().select_related("requested_by", "decided_by"))
    issues = list(
        task.major_issues.active().select_related("assignment__unit", "raised_by", "resolved_by")
    )
    mine = [a for a in assignments if user.has_perm("plans.report_on_assignment", a)]
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "row": row,
            "ancestors": _ancestors(user, task),
            "children": task_rows(children, today),
            "assignments": assignments,
            "my_assignments": mine,
            "reports": reports,
            "clause": clause,
            "span_text": span_text,
            "indicators": _indicator_rows(task),
            "milestones": task.milestones.active(),
            "extensions": extensions,
            "pending_extension": next(
                (e for e in extensions if e.state == ExtensionRequest.State.PENDING), None
            ),
            "issues": issues,
            "can_edit": user.has_perm("plans.change_task", task),
            "can_assign": user.has_perm("plans.assign_task", task),
            "can_review": user.has_perm("plans.review_report"),
            "can_decide": user.has_perm("plans.decide_extension"),
            "can_resolve": user.has_perm("plans.resolve_issue"),
            "can_close": user.has_perm("plans.close_task", task),
            "can_request_extension": user.has_perm("plans.request_extension", task),
            "can_request_close": user.has_perm("plans.request_close", task),
            "assign_form": forms.AssignForm(),
            "indicator_form": forms.IndicatorForm(),
            "milestone_form": forms.MilestoneForm(),
            "extension_form": forms.ExtensionRequestForm(),
            "decision_form": forms.DecisionForm(),
            "issue_form": forms.IssueForm(),
            "resolve_form": forms.ResolveForm(),
            "note_form": forms.NoteForm(initial={"version": task.version}),
            "close_form": forms.CloseForm(initial={"version": task.version}),
            "close_blockers": (
                list(actions.close_blockers(task).values())
                if task.closed_at is None and user.has_perm("plans.close_task", task)
                else []
            ),
            "reason_form": forms.ReasonForm(),
        },
    )


def task_edit(request: HttpRequest, reference: str | None = None) -> HttpResponse:
    task = None
    if reference is not None:
        task = _task_for(request, reference, "plans.change_task")
    else:
        _require(request, "plans.change_task")
    initial = {"version": task.version if task else None}
    if task is None:
        clause = Clause.objects.active().filter(pk=request.GET.get("clause") or None).first()
        plan = Plan.objects.active().filter(code=request.GET.get("plan", "")).first()
        initial.update(
            source_clause=clause,
            plan=plan or (clause.document.plans.active().first() if clause else None),
            parent_reference=request.GET.get("parent", ""),
            source_span_start=clause.span_start if clause else None,
            source_span_end=clause.span_end if clause else None,
        )
    form = forms.TaskForm(request.POST or None, instance=task, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = form.action_fields()
        reason = form.cleaned_data["reason"]
        try:
            if task is None:
                task = actions.do_create_task(
                    request.user,
                    reason,
                    stamp_milestones=form.cleaned_data["stamp_milestones"],
                    **fields,
                )
            else:
                task.refresh_from_db()
                fields.pop("reference")
                actions.do_update_task(
                    request.user, task, form.cleaned_data["version"], reason, **fields
                )
        except StaleRecord:
            form.add_error(None, CONFLICT["task"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("plans:task", reference=task.reference)
    clause = form.initial.get("source_clause") or (task.source_clause if task else None)
    return render(request, "plans/task_form.html", {"form": form, "task": task, "clause": clause})


@require_POST
def task_assign(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.assign_task")
    form = forms.AssignForm(request.POST)
    if form.is_valid():
        if _run(request, "task", actions.do_assign, task, **form.cleaned_data, form=form):
            messages.success(request, _("Assigned."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=reference)


@require_POST
def task_indicator(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.change_task")
    form = forms.IndicatorForm(request.POST)
    if form.is_valid():
        if _run(request, "task", actions.do_add_indicator, task, **form.cleaned_data, form=form):
            messages.success(request, _("Indicator added."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=reference)


@require_POST
def task_milestone(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.change_task")
    form = forms.MilestoneForm(request.POST)
    if form.is_valid():
        if _run(request, "task", actions.do_add_milestone, task, **form.cleaned_data, form=form):
            messages.success(request, _("Milestone added."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=reference)


@require_POST
def milestone_done(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(
        Milestone.objects.active().filter(task__in=tasks_visible_to(request.user)), pk=pk
    )
    _require(request, "plans.change_task", milestone.task)
    form = forms.MilestoneDoneForm(request.POST)
    if form.is_valid():
        if _run(
            request,
            "task",
            actions.do_mark_milestone_done,
            milestone,
            form=form,
            **form.cleaned_data,
        ):
            messages.success(request, _("Milestone marked done."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=milestone.task.reference)


# ---------------------------------------------------------------- assignments and reports


def _assignment_for(request: HttpRequest, pk: int, perm: str) -> Assignment:
    assignment = get_object_or_404(
        Assignment.objects.active()
        .filter(task__in=tasks_visible_to(request.user))
        .select_related("task__plan", "unit"),
        pk=pk,
    )
    _require(request, perm, assignment)
    return assignment


@require_POST
def assignment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(
        Assignment.objects.active().filter(task__in=tasks_visible_to(request.user)), pk=pk
    )
    _require(request, "plans.assign_task", assignment.task)
    if _run(request, "task", actions.do_unassign, assignment, request.POST.get("reason", "")):
        messages.success(request, _("The unit was taken off the task."))
    return redirect("plans:task", reference=assignment.task.reference)


@require_POST
def assignment_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment_for(request, pk, "plans.acknowledge_assignment")
    actions.do_acknowledge(request.user, assignment)
    messages.success(request, _("Receipt acknowledged."))
    return redirect("plans:task", reference=assignment.task.reference)


def _report_periods(assignment: Assignment, today) -> tuple[list, dt.date | None]:
    """The periods the unit may report on, each labelled with what it holds, and the one
    that is due now."""
    task, every = assignment.task, assignment.task.plan.report_every_months
    states = {}
    for period, state in (
        assignment.reports.active()
        .order_by("period_start", "submitted_at")
        .values_list("period_start", "state")
    ):
        states[period] = state
    reported = {p for p, state in states.items() if state != ProgressReport.State.RETURNED}
    due = periods.report_due(task.start_date, task.deadline, today, every, reported)
    notes = {
        ProgressReport.State.SUBMITTED: _("waiting for review"),
        ProgressReport.State.APPROVED: _("approved; a new report revises it"),
        ProgressReport.State.RETURNED: _("returned"),
    }
    choices = []
    for period in reversed(periods.task_periods(task.start_date, task.deadline, today, every)):
        label = periods.period_label(period, every)
        if period == due:
            label = _("%(period)s — due by %(date)s") % {
                "period": label,
                "date": date_format(periods.due_date(period, every, task.plan.report_due_day)),
            }
        elif period in states:
            label = f"{label} — {notes[states[period]]}"
        choices.append((period, label))
    return choices, due


def report_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The report form: the period due is chosen and named; a returned report's text,
    figures and files are filled in for its resubmission."""
    assignment = _assignment_for(request, pk, "plans.report_on_assignment")
    task = assignment.task
    indicators = task.indicators.active()
    choices, due = _report_periods(assignment, _today())
    returned = (
        assignment.reports.active()
        .filter(state=ProgressReport.State.RETURNED, revisions__isnull=True)
        .order_by("-reviewed_at")
        .first()
    )
    initial = {"period_start": (due or (choices[0][0] if choices else None))}
    if returned is not None:
        initial.update(
            period_start=returned.period_start,
            percent_complete=returned.percent_complete,
            narrative=returned.narrative,
            blockers=returned.blockers,
            keep_evidence=list(returned.evidence.active()),
            **{f"actual_{a.indicator_id}": a.value for a in returned.actuals.all()},
        )
    form = forms.ReportForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        indicators=indicators,
        periods=choices,
        earlier_evidence=returned.evidence.active() if returned is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_submit_report(
                request.user,
                assignment,
                period_start=data["period_start"],
                percent_complete=data["percent_complete"],
                narrative=data["narrative"],
                blockers=data["blockers"],
                actuals=form.actuals(),
                files=data["evidence"],
                raise_issue=data["raise_issue"],
                keep_evidence=data.get("keep_evidence") or (),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Report submitted; it now waits for review."))
            return redirect("plans:task", reference=task.reference)
    return render(
        request,
        "plans/report_form.html",
        {
            "form": form,
            "assignment": assignment,
            "task": task,
            "returned": returned,
            "due": due and periods.period_label(due, task.plan.report_every_months),
            "no_period": not choices,
        },
    )


@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        reports_visible_to(request.user).select_related("assignment__task"), pk=pk
    )
    _require(request, "plans.review_report", report)
    form = forms.ReviewForm(request.POST)
    reference = report.assignment.task.reference
    if not form.is_valid():
        _flash_form_errors(request, form)
        return redirect("plans:task", reference=reference)
    approve = form.cleaned_data["decision"] == "approve"
    if _run(
        request,
        "report",
        actions.do_review_report,
        report,
        form.cleaned_data["version"],
        approve,
        form.cleaned_data["comment"],
        form=form,
    ):
        messages.success(request, _("Report approved.") if approve else _("Report returned."))
    return redirect("plans:task", reference=reference)


# ---------------------------------------------------------------- extensions, issues, close-out


@require_POST
def extension_request(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.request_extension")
    form = forms.ExtensionRequestForm(request.POST)
    if form.is_valid():
        if _run(
            request, "task", actions.do_request_extension, task, **form.cleaned_data, form=form
        ):
            messages.success(request, _("Extension requested."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=reference)


@require_POST
def extension_decide(request: HttpRequest, pk: int) -> HttpResponse:
    extension = get_object_or_404(
        ExtensionRequest.objects.active()
        .filter(task__in=tasks_visible_to(request.user))
        .select_related("task"),
        pk=pk,
    )
    _require(request, "plans.decide_extension", extension)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        if _run(
            request,
            "extension",
            actions.do_decide_extension,
            extension,
            approve,
            form.cleaned_data["reason"],
            form.cleaned_data["version"],
            form=form,
        ):
            messages.success(
                request, _("Extension approved.") if approve else _("Extension refused.")
            )
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=extension.task.reference)


@require_POST
def issue_raise(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment_for(request, pk, "plans.raise_issue")
    form = forms.IssueForm(request.POST)
    if form.is_valid():
        if _run(
            request,
            "issue",
            actions.do_raise_issue,
            assignment,
            form.cleaned_data["description"],
            form=form,
        ):
            messages.success(request, _("Major issue raised; supervisors and leaders are told."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=assignment.task.reference)


@require_POST
def issue_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_object_or_404(
        MajorIssue.objects.active()
        .filter(task__in=tasks_visible_to(request.user))
        .select_related("task"),
        pk=pk,
    )
    _require(request, "plans.resolve_issue", issue)
    form = forms.ResolveForm(request.POST)
    if form.is_valid():
        if _run(
            request,
            "issue",
            actions.do_resolve_issue,
            issue,
            form.cleaned_data["resolution"],
            form=form,
        ):
            messages.success(request, _("Issue resolved."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=issue.task.reference)


@require_POST
def task_request_close(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.request_close")
    form = forms.NoteForm(request.POST)
    if form.is_valid() and _run(
        request, "task", actions.do_request_close, task, form.cleaned_data["note"], form=form
    ):
        messages.success(request, _("Closing requested; a supervisor will verify."))
    return redirect("plans:task", reference=reference)


@require_POST
def task_close(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.close_task")
    form = forms.CloseForm(request.POST)
    if not form.is_valid():
        _flash_form_errors(request, form)
    elif _run(
        request,
        "task",
        actions.do_close,
        task,
        form.cleaned_data["note"],
        form.cleaned_data["version"],
        form.cleaned_data["incomplete_reason"],
        form=form,
    ):
        messages.success(request, _("Task closed."))
    return redirect("plans:task", reference=reference)


@require_POST
def task_reopen(request: HttpRequest, reference: str) -> HttpResponse:
    task = _task_for(request, reference, "plans.close_task")
    form = forms.ReasonForm(request.POST)
    if form.is_valid():
        if _run(request, "task", actions.do_reopen, task, form.cleaned_data["reason"], form=form):
            messages.success(request, _("Task reopened."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:task", reference=reference)


# ---------------------------------------------------------------- evidence


def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve an evidence file as an attachment, only to those who may see what it belongs to."""
    evidence = get_object_or_404(
        EvidenceFile.objects.active().select_related("report__assignment__task", "document"),
        pk=pk,
    )
    if evidence.report_id is not None:
        task = evidence.report.assignment.task
        if not tasks_visible_to(request.user).filter(pk=task.pk).exists():
            raise Http404
        _require(request, "plans.view_task", task)
    else:
        _require(request, "plans.view_sourcedocument", evidence.document)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# ---------------------------------------------------------------- documents


def document_list(request: HttpRequest) -> HttpResponse:
    _require(request, "plans.view_sourcedocument")
    query = request.GET.get("q", "").strip()
    documents = (
        SourceDocument.objects.active()
        .select_related("issuer", "issuer_person")
        .annotate(clause_count=Count("clauses", filter=Q(clauses__archived_at__isnull=True)))
        .order_by(F("document_date").desc(nulls_last=True), "title")
    )
    if query:
        documents = documents.filter(Q(title__icontains=query) | Q(reference__icontains=query))
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    return render(request, "plans/document_list.html", {"page": page, "q": query})


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(
        SourceDocument.objects.active().select_related("issuer", "issuer_person"), pk=pk
    )
    _require(request, "plans.view_sourcedocument", document)
    visible = tasks_visible_to(request.user).only("pk", "reference", "title_en", "title_zh")
    clauses = document.clauses.active().prefetch_related(
        Prefetch("tasks", queryset=visible.order_by("reference"), to_attr="visible_tasks")
    )
    return render(
        request,
        "plans/document_detail.html",
        {
            "document": document,
            "clauses": clauses,
            "addressees": document.addressees.all(),
            "attachments": document.attachments.active(),
            "plan": document.plans.active().first(),
            "can_manage": request.user.has_perm("plans.manage_plans", document),
            "clause_form": forms.ClauseForm(),
            "attachment_form": forms.AttachmentForm(),
        },
    )


def document_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    document = None
    if pk is not None:
        document = get_object_or_404(SourceDocument.objects.active(), pk=pk)
    _require(request, "plans.manage_plans", document)
    form = forms.DocumentForm(
        request.POST or None,
        request.FILES or None,
        instance=document,
        initial={"version": document.version if document else None},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in form.Meta.fields if name != "addressees"}
        try:
            if document is None:
                document = actions.do_create_document(
                    request.user,
                    addressees=data["addressees"],
                    files=data["attachments"],
                    reason=data["reason"],
                    **fields,
                )
            else:
                document.refresh_from_db()
                actions.do_update_document(
                    request.user,
                    document,
                    data["version"],
                    addressees=data["addressees"],
                    reason=data["reason"],
                    **fields,
                )
        except StaleRecord:
            form.add_error(None, CONFLICT["document"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("plans:document", pk=document.pk)
    return render(request, "plans/document_form.html", {"form": form, "document": document})


@require_POST
def document_clause(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(SourceDocument.objects.active(), pk=pk)
    _require(request, "plans.manage_plans", document)
    form = forms.ClauseForm(request.POST)
    if form.is_valid():
        if _run(
            request, "document", actions.do_add_clause, document, **form.cleaned_data, form=form
        ):
            messages.success(request, _("Clause added."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:document", pk=pk)


@require_POST
def document_attach(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(SourceDocument.objects.active(), pk=pk)
    _require(request, "plans.manage_plans", document)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        if _run(
            request,
            "document",
            actions.do_attach_to_document,
            document,
            form.cleaned_data["attachments"],
            form=form,
        ):
            messages.success(request, _("Attached."))
    else:
        _flash_form_errors(request, form)
    return redirect("plans:document", pk=pk)


# ---------------------------------------------------------------- inbox


def _unit_work(user):
    """A unit officer's open assignments, with what each is waiting for: acknowledgement,
    an answer to a returned report, the period whose report is due."""
    if user.role != Role.UNIT_OFFICER or user.unit_id is None:
        return []
    today = _today()
    reports = ProgressReport.objects.filter(assignment=OuterRef("pk"), archived_at__isnull=True)
    assignments = list(
        Assignment.objects.active()
        .filter(unit_id=user.unit_id, task__archived_at__isnull=True, task__closed_at__isnull=True)
        .select_related("task__plan", "task__lead_unit")
        .annotate(
            latest_state=Subquery(
                reports.order_by("-period_start", "-submitted_at").values("state")[:1]
            ),
        )
        .order_by("task__deadline", "task__reference")[:200]
    )
    reported: dict[int, set] = {}
    for assignment_id, period in (
        ProgressReport.objects.active()
        .filter(assignment__in=assignments)
        .exclude(state=ProgressReport.State.RETURNED)
        .values_list("assignment_id", "period_start")
    ):
        reported.setdefault(assignment_id, set()).add(period)
    rows = {row.task.pk: row for row in task_rows([a.task for a in assignments], today)}
    work = []
    for a in assignments:
        every = a.task.plan.report_every_months
        due = periods.report_due(
            a.task.start_date, a.task.deadline, today, every, reported.get(a.pk, set())
        )
        work.append(
            {
                "assignment": a,
                "row": rows[a.task_id],
                "needs_ack": a.acknowledged_at is None,
                "returned": a.latest_state == ProgressReport.State.RETURNED,
                "report_due": due and periods.period_label(due, every),
            }
        )
    return work


def inbox(request: HttpRequest) -> HttpResponse:
    _require(request, "plans.view_plan")
    notifications = Notification.objects.filter(user=request.user).select_related("task")
    show = request.GET.get("show", "unread")
    if show != "all":
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, 50).get_page(request.GET.get("page"))
    notices.describe(page.object_list)
    waiting = []
    if request.user.has_perm("plans.review_report"):
        waiting = (
            reports_visible_to(request.user)
            .filter(state=ProgressReport.State.SUBMITTED)
            .select_related("assignment__task", "assignment__unit")
            .order_by("submitted_at")[:20]
        )
    return render(
        request,
        "plans/inbox.html",
        {"page": page, "show": show, "work": _unit_work(request.user), "waiting": waiting},
    )


@require_POST
def inbox_read(request: HttpRequest) -> HttpResponse:
    _require(request, "plans.view_plan")
    raw = request.POST.get("id", "")
    ids = [int(raw)] if raw.isdigit() else None
    actions.do_mark_read(request.user, ids)
    if request.htmx and ids:
        return HttpResponse(_("read"))
    return redirect("plans:inbox")
