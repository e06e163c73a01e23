"""Pages of the supervision documents. Thin: parse input, call a query or an action, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.directory.models import Organisation
from planwatch.lib.models import StaleRecord
from planwatch.plans.files import sanitise_name
from planwatch.plans.models import MajorIssue, Plan, Task
from planwatch.plans.queries import tasks_visible_to
from planwatch.reports import actions, documents, forms
from planwatch.reports.bulletins import period_bounds
from planwatch.reports.dashboard import PENALTY_RULE
from planwatch.reports.documents import bulletin_context
from planwatch.reports.models import (
    AnswerFile,
    Bulletin,
    Card,
    Evaluation,
    Instruction,
    Notice,
    NoticeKind,
    NoticeSeries,
)
from planwatch.reports.queries import (
    bulletins_visible_to,
    cards_visible_to,
    instructions_visible_to,
    ladder_of,
    notices_visible_to,
    overdue_by_unit,
)

STALE = _(
    "Someone else saved this record while you were editing it. "
    "Reload the page to see their change, then make yours again."
)


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _today():
    return timezone.localdate()


def _error_lines(error: ValidationError, form=None) -> list[str]:
    """Each message, prefixed with the label of its field unless it already names it."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    lines = []
    for field, errors in error.message_dict.items():
        label = ""
        if form is not None and field in form.fields:
            label = str(form.fields[field].label or field)
        for message in errors:
            named = not label or field == "__all__" or message.startswith(label)
            lines.append(message if named else f"{label}: {message}")
    return lines


def _add_errors(form, error: ValidationError) -> None:
    for line in _error_lines(error, form):
        form.add_error(None, line)


def _notice(request: HttpRequest, pk: int) -> Notice:
    notice = get_object_or_404(
        notices_visible_to(request.user).select_related("plan", "unit", "series"), pk=pk
    )
    _require(request, "reports.view_notice", notice)
    return notice


# ---------------------------------------------------------------- notices


def notice_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_reports")
    notices = notices_visible_to(request.user).select_related("plan", "unit")
    state = request.GET.get("state", "")
    if state in Notice.State.values:
        notices = notices.filter(state=state)
    kind = request.GET.get("kind", "")
    if kind in NoticeKind.values:
        notices = notices.filter(kind=kind)
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        notices = notices.filter(unit_id=int(unit))
    page = Paginator(notices.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/notice_list.html",
        {
            "page": page,
            "states": Notice.State.choices,
            "kinds": NoticeKind.choices,
            "state": state,
            "kind": kind,
        },
    )


def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    answer = getattr(notice, "answer", None)
    return render(
        request,
        "reports/notice_detail.html",
        {
            "notice": notice,
            "items": notice.items.all(),
            "answer": answer,
            "files": answer.files.active() if answer else [],
            "answer_form": forms.AnswerForm(),
            "confirm_form": forms.ConfirmForm(
                initial={"required_response": notice.required_response}
            ),
            "reason_form": forms.ReasonForm(),
            "escalations": notice.escalations.active(),
        },
    )


def notice_new(request: HttpRequest) -> HttpResponse:
    """Issue one notice to a unit about its overdue tasks."""
    _require(request, "reports.issue_notice")
    form = forms.NoticeForm(request.POST or None, initial=request.GET.dict() or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = Organisation.objects.active().filter(pk=data["unit"]).first()
        found = {t.reference: t for t in Task.objects.active().filter(reference__in=data["tasks"])}
        unknown = [r for r in data["tasks"] if r not in found]
        if unit is None:
            form.add_error("unit", _("Choose a unit."))
        elif unknown:
            form.add_error("tasks", _("No such task: %(refs)s.") % {"refs": ", ".join(unknown)})
        else:
            try:
                notice = actions.do_issue_notice(
                    request.user,
                    unit,
                    data["kind"],
                    [found[r] for r in dict.fromkeys(data["tasks"])],
                    data["required_response"],
                    _today(),
                    answer_due=data["answer_due"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Issued %(number)s.") % {"number": notice.reference})
                return redirect("reports:notice", pk=notice.pk)
    return render(request, "reports/notice_form.html", {"form": form})


def notice_bulk(request: HttpRequest) -> HttpResponse:
    """Issue one notice to each unit with tasks overdue by more than N days."""
    _require(request, "reports.issue_notice")
    form = forms.BulkForm(request.POST or request.GET or None)
    preview = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if request.method == "POST":
            try:
                notices = actions.do_issue_in_bulk(
                    request.user,
                    data["kind"],
                    data["more_than_days"],
                    data["required_response"],
                    _today(),
                    plan=data["plan"],
                    answer_due=data["answer_due"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Issued %(n)d notices.") % {"n": len(notices)})
                return redirect("reports:notices")
        groups = overdue_by_unit(_today(), data["more_than_days"], data["plan"])
        preview = {
            "units": len({unit for unit, _plan in groups}),
            "tasks": sum(len(ids) for ids in groups.values()),
        }
    return render(request, "reports/notice_bulk.html", {"form": form, "preview": preview})


def _post_action(request: HttpRequest, pk: int, action, form_class=None, **kwargs):
    notice = _notice(request, pk)
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is not None and not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for message in errors:
                messages.error(request, f"{label}: {message}" if label else message)
        return redirect("reports:notice", pk=notice.pk)
    try:
        action(request.user, notice, **kwargs, **(form.cleaned_data if form else {}))
    except StaleRecord:
        messages.error(request, STALE)
    except ValidationError as error:
        for line in _error_lines(error, form):
            messages.error(request, line)
    else:
        messages.success(request, _("Saved."))
    return redirect("reports:notice", pk=notice.pk)


@require_POST
def notice_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "reports.issue_notice")
    return _post_action(request, pk, actions.do_confirm_notice, forms.ConfirmForm, today=_today())


@require_POST
def notice_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "reports.issue_notice")
    return _post_action(request, pk, actions.do_dismiss_notice, forms.ReasonForm)


@require_POST
def notice_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "reports.withdraw_notice")
    return _post_action(request, pk, actions.do_withdraw_notice, forms.ReasonForm)


@require_POST
def notice_answer(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _notice(request, pk)
    if notice.state == Notice.State.ISSUED:
        _require(request, "reports.answer_notice", notice)
    return _post_action(request, pk, actions.do_answer_notice, forms.AnswerForm, today=_today())


def answer_file(request: HttpRequest, pk: int) -> HttpResponse:
    """An answer's evidence, only to those who may see the notice."""
    stored = get_object_or_404(AnswerFile.objects.active().select_related("answer__notice"), pk=pk)
    notice = stored.answer.notice
    if not notices_visible_to(request.user).filter(pk=notice.pk).exists():
        raise Http404
    _require(request, "reports.view_notice", notice)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=stored.name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------- settings


def series_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_reports")
    series = NoticeSeries.objects.active().select_related("plan").prefetch_related("counters")
    plans = Plan.objects.active().order_by("code")
    return render(request, "reports/series_list.html", {"series": series, "plans": plans})


def series_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    series = get_object_or_404(NoticeSeries.objects.active(), pk=pk) if pk else None
    _require(request, "reports.manage_series", series)
    form = forms.SeriesForm(
        request.POST or None,
        instance=series,
        initial={"version": series.version if series else None},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if series is not None:
                series.refresh_from_db()
            actions.do_save_series(request.user, series, form.cleaned_data["version"], **fields)
        except StaleRecord:
            form.add_error(None, STALE)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reports:series")
    return render(request, "reports/series_form.html", {"form": form, "series": series})


def ladder_edit(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan.objects.active(), code=code)
    _require(request, "reports.manage_ladder", plan)
    ladder = ladder_of(plan)
    form = forms.LadderForm(
        request.POST or None,
        instance=ladder,
        initial={"version": ladder.version if ladder.pk else None},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            actions.do_save_ladder(request.user, plan, form.cleaned_data["version"], **fields)
        except StaleRecord:
            form.add_error(None, STALE)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reports:ladder", code=plan.code)
    return render(request, "reports/ladder_form.html", {"form": form, "plan": plan})


def task_documents(request: HttpRequest, reference: str) -> HttpResponse:
    """The notices and cards about one task, for those who may see it."""
    task = get_object_or_404(tasks_visible_to(request.user), reference=reference)
    _require(request, "plans.view_task", task)
    notices = (
        notices_visible_to(request.user)
        .filter(items__task=task)
        .select_related("unit")
        .order_by("-created_at")
    )
    cards = cards_visible_to(request.user).filter(task=task).select_related("unit", "task")
    return render(
        request,
        "reports/task_documents.html",
        {
            "task": task,
            "notices": notices,
            "cards": cards,
            "instructions": instructions_visible_to(request.user).filter(
                Q(task=task) | Q(issue__task=task)
            ),
            "issues": task.major_issues.active().order_by("-raised_at")[:50],
        },
    )


def unit_documents(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's cards and the notices addressed to it."""
    unit = get_object_or_404(Organisation.objects.active(), pk=pk)
    if not request.user.reads_everything and request.user.unit_id != unit.pk:
        raise PermissionDenied
    cards = (
        cards_visible_to(request.user)
        .filter(unit=unit)
        .select_related("unit", "task", "notice")
        .order_by("withdrawn_on", "-issued_on", "-pk")
    )
    notices = notices_visible_to(request.user).filter(unit=unit).order_by("-created_at")[:200]
    return render(
        request,
        "reports/unit_documents.html",
        {"unit": unit, "cards": cards[:500], "notices": notices},
    )


# ---------------------------------------------------------------- cards


def card_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_reports")
    cards = cards_visible_to(request.user).select_related("unit", "task", "notice")
    show_all = request.GET.get("all") == "1"
    if not show_all:
        cards = cards.filter(withdrawn_on__isnull=True)
    colour = request.GET.get("colour", "")
    if colour in Card.Colour.values:
        cards = cards.filter(colour=colour)
    page = Paginator(cards.order_by("-issued_on", "-pk"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/card_list.html",
        {
            "page": page,
            "colours": Card.Colour.choices,
            "colour": colour,
            "show_all": show_all,
            "rule": PENALTY_RULE,
        },
    )


def card_new(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.issue_card")
    form = forms.CardForm(request.POST or None, initial=request.GET.dict() or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = Organisation.objects.active().filter(pk=data["unit"]).first()
        task = None
        if data["task"].strip():
            task = Task.objects.active().filter(reference=data["task"].strip()).first()
            if task is None:
                form.add_error("task", _("No such task: %(refs)s.") % {"refs": data["task"]})
        if unit is None:
            form.add_error("unit", _("Choose a unit."))
        if not form.errors:
            try:
                card = actions.do_issue_card(
                    request.user, unit, data["colour"], data["reason"], _today(), task=task
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect(f"{reverse('reports:cards')}#card-{card.pk}")
    return render(request, "reports/card_form.html", {"form": form})


@require_POST
def card_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    card = get_object_or_404(cards_visible_to(request.user), pk=pk)
    _require(request, "reports.issue_card", card)
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reason: this field is required."))
    else:
        try:
            actions.do_withdraw_card(request.user, card, form.cleaned_data["reason"], _today())
        except ValidationError as error:
            for line in _error_lines(error, form):
                messages.error(request, line)
        else:
            messages.success(request, _("Saved."))
    return redirect("reports:cards")


# ---------------------------------------------------------------- bulletins


def bulletin_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_reports")
    bulletins = bulletins_visible_to(request.user).select_related("plan", "unit", "corrects")
    page = Paginator(bulletins.order_by("-issued_on", "-pk"), 50).get_page(request.GET.get("page"))
    return render(request, "reports/bulletin_list.html", {"page": page})


def _bulletin(request: HttpRequest, pk: int) -> Bulletin:
    bulletin = get_object_or_404(
        bulletins_visible_to(request.user).select_related("plan", "unit", "corrects"), pk=pk
    )
    _require(request, "reports.view_bulletin", bulletin)
    return bulletin


def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    context = bulletin_context(bulletin)
    context["corrections"] = bulletin.corrections.active()
    return render(request, "reports/bulletin_detail.html", context)


def bulletin_new(request: HttpRequest) -> HttpResponse:
    """Generate and issue a bulletin for a period and a scope."""
    _require(request, "reports.issue_bulletin")
    form = forms.BulletinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["period"] == Bulletin.Period.CUSTOM:
            start, end = data["period_start"], data["period_end"]
        else:
            start, end = period_bounds(data["period"], data["day"])
        unit = None
        if data["unit"]:
            unit = Organisation.objects.active().filter(pk=data["unit"]).first()
        corrects = None
        if data["corrects"].strip():
            corrects = Bulletin.objects.active().filter(reference=data["corrects"].strip()).first()
            if corrects is None:
                form.add_error("corrects", _("No bulletin has this number."))
        if not form.errors:
            try:
                bulletin = actions.do_generate_bulletin(
                    request.user,
                    data["period"],
                    start,
                    end,
                    _today(),
                    plan=data["plan"],
                    unit=unit,
                    corrects=corrects,
                    correction_note=data["correction_note"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Issued %(number)s.") % {"number": bulletin.reference})
                return redirect("reports:bulletin", pk=bulletin.pk)
    return render(request, "reports/bulletin_form.html", {"form": form})


# ---------------------------------------------------------------- files


def evaluation_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_evaluation")
    reports = Evaluation.objects.active().select_related("plan").defer("content")
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "reports/evaluation_list.html", {"page": page})


def _evaluation(request: HttpRequest, pk: int) -> Evaluation:
    _require(request, "reports.view_evaluation")
    return get_object_or_404(Evaluation.objects.active().select_related("plan"), pk=pk)


def evaluation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _evaluation(request, pk)
    return render(request, "reports/evaluation_detail.html", documents.evaluation_context(report))


def evaluation_new(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.evaluate_plan")
    form = forms.EvaluationForm(request.POST or None, initial={"as_of": _today()})
    if request.method == "POST" and form.is_valid():
        try:
            report = actions.do_evaluate_plan(
                request.user, form.cleaned_data["plan"], form.cleaned_data["as_of"], _today()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("reports:evaluation", pk=report.pk)
    return render(request, "reports/evaluation_form.html", {"form": form})


def evaluation_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = _evaluation(request, pk)
    makers = {
        "pdf": (documents.PDF, documents.evaluation_pdf),
        "docx": (documents.DOCX, documents.evaluation_docx),
        "xlsx": (documents.XLSX, documents.evaluation_xlsx),
    }
    if fmt not in makers:
        raise Http404
    content_type, make = makers[fmt]
    name = f"{report.plan.code}-{report.as_of.isoformat()}.{fmt}"
    return _file(make(report), name, content_type)


FILES = {
    "pdf": ("application/pdf", documents.notice_pdf, documents.bulletin_pdf),
    "docx": (documents.DOCX, documents.notice_docx, documents.bulletin_docx),
    "xlsx": (documents.XLSX, None, documents.bulletin_xlsx),
}


def _file(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, sanitise_name(name))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def notice_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    notice = _notice(request, pk)
    if fmt not in FILES or FILES[fmt][1] is None:
        raise Http404
    content_type, make, _bulletin_make = FILES[fmt]
    name = notice.reference or f"notice-{notice.pk}"
    return _file(make(notice), f"{name}.{fmt}", content_type)


def bulletin_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    if fmt not in FILES:
        raise Http404
    content_type, _notice_make, make = FILES[fmt]
    return _file(make(bulletin), f"{bulletin.reference}.{fmt}", content_type)


def notices_export(request: HttpRequest) -> HttpResponse:
    """The notices the user may see, one row per task, as a spreadsheet."""
    _require(request, "reports.view_reports")
    notices = (
        notices_visible_to(request.user)
        .select_related("unit")
        .prefetch_related("items")
        .order_by("-created_at", "-pk")[:5000]
    )
    return _file(documents.notices_xlsx(notices), "notices.xlsx", documents.XLSX)


# ---------------------------------------------------------------- leaders' instructions


def instruction_list(request: HttpRequest) -> HttpResponse:
    _require(request, "reports.view_reports")
    instructions = instructions_visible_to(request.user).select_related(
        "task", "issue__task", "notice", "written_by", "new_task"
    )
    page = Paginator(instructions, 50).get_page(request.GET.get("page"))
    return render(request, "reports/instruction_list.html", {"page": page})


def instruction_new(request: HttpRequest) -> HttpResponse:
    """Write an instruction on the task (?task=REF), major issue (?issue=ID) or notice
    (?notice=ID) named in the query string."""
    _require(request, "reports.write_instruction")
    target = {}
    if request.GET.get("task"):
        target["task"] = get_object_or_404(Task.objects.active(), reference=request.GET["task"])
    elif request.GET.get("issue", "").isdigit():
        target["issue"] = get_object_or_404(
            MajorIssue.objects.active().select_related("task"), pk=int(request.GET["issue"])
        )
    elif request.GET.get("notice", "").isdigit():
        target["notice"] = get_object_or_404(
            notices_visible_to(request.user), pk=int(request.GET["notice"])
        )
    else:
        raise Http404
    form = forms.InstructionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            instruction = actions.do_write_instruction(
                request.user, form.cleaned_data["text"], **target
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("reports:instruction", pk=instruction.pk)
    subject = next(iter(target.values()))
    return render(request, "reports/instruction_form.html", {"form": form, "subject": subject})


def _instruction(request: HttpRequest, pk: int) -> Instruction:
    return get_object_or_404(
        instructions_visible_to(request.user).select_related(
            "task", "issue__task", "notice", "written_by", "new_task"
        ),
        pk=pk,
    )


def instruction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    instruction = _instruction(request, pk)
    task = instruction.subject_task
    form = forms.InstructionTaskForm(
        initial={
            "plan": task.plan_id if task else None,
            "lead_unit": task.lead_unit_id if task else None,
            "start_date": _today(),
            "title_zh": instruction.text[:100],
        }
    )
    return render(
        request, "reports/instruction_detail.html", {"instruction": instruction, "form": form}
    )


@require_POST
def instruction_to_task(request: HttpRequest, pk: int) -> HttpResponse:
    instruction = _instruction(request, pk)
    _require(request, "reports.instruction_to_task", instruction)
    form = forms.InstructionTaskForm(request.POST)
    if form.is_valid():
        fields = dict(form.cleaned_data)
        unit = fields.pop("lead_unit")
        fields["lead_unit"] = (
            Organisation.objects.active().filter(pk=unit).first() if unit else None
        )
        try:
            task = actions.do_instruction_to_task(request.user, instruction, **fields)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Task %(ref)s created.") % {"ref": task.reference})
            return redirect("plans:task", task.reference)
    return render(
        request, "reports/instruction_detail.html", {"instruction": instruction, "form": form}
    )
