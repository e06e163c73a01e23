"""Project pages: list, detail, the battle map, the time board and the figures. Thin."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.directory.models import Organisation, Person
from planwatch.lib import svg
from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.lib.models import StaleRecord
from planwatch.lib.money import YI, in_yi
from planwatch.plans.models import Task
from planwatch.plans.queries import tasks_visible_to
from planwatch.projects import actions, transfer
from planwatch.projects.forms import (
    ApprovalForm,
    ArchiveForm,
    DocumentForm,
    ImportForm,
    MoveForm,
    PaymentForm,
    PlaceTaskForm,
    ProjectForm,
    RateForm,
    RegionForm,
    StageDatesForm,
    TaskLinkForm,
)
from planwatch.projects.models import (
    STAGE_ORDER,
    Approval,
    ApprovalDocument,
    Country,
    ExchangeRate,
    Industry,
    Project,
    Region,
    Stage,
)
from planwatch.projects.queries import (
    MapFilters,
    board_rows,
    figures,
    filter_organisations,
    map_data,
    next_approval,
    payments_of,
    project_amounts,
    project_light,
    projects_visible_to,
    rate_table,
    regions_geojson,
    stage_rows,
    task_lights,
)
from planwatch.projects.status import COLOURS, LABELS

STALE = _(
    "Someone else saved this record while you were editing it. "
    "Reload the page to see their change, then make yours again."
)


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _project(request: HttpRequest, pk: int) -> Project:
    project = get_object_or_404(projects_visible_to(request.user), pk=pk)
    _require(request, "projects.view_project", project)
    return project


def _filters(request: HttpRequest) -> MapFilters:
    def number(name: str) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() else None

    return MapFilters(
        stage=request.GET.get("stage", "") if request.GET.get("stage") in Stage.values else "",
        industry=request.GET.get("industry", "")[:40],
        park=number("park"),
        country=request.GET.get("country", "")[:2],
        unit=number("unit"),
    )


def _filter_context() -> dict:
    parks, units = filter_organisations()
    return {
        "stages": Stage.choices,
        "industries": Industry.objects.active(),
        "countries": Country.objects.active(),
        "parks": sorted(parks.items(), key=lambda kv: kv[1]),
        "units": sorted(units.items(), key=lambda kv: kv[1]),
    }


def project_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    query = request.GET.get("q", "").strip()
    projects = filters.apply(projects_visible_to(request.user)).select_related(
        "industry", "park", "lead_unit", "country"
    )
    if query:
        projects = projects.filter(
            Q(code__icontains=query) | Q(name_en__icontains=query) | Q(name_zh__icontains=query)
        )
    page = Paginator(projects, 50).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [(p, project_light(p, today)) for p in page]
    return render(
        request,
        "projects/project_list.html",
        {
            "page": page,
            "rows": rows,
            "q": query,
            "filters": filters,
            "labels": LABELS,
            "colours": COLOURS,
            **_filter_context(),
        },
    )


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    today = timezone.localdate()
    rates = rate_table()
    payments, paid_total, payment_errors = payments_of(project, rates)
    can_edit = request.user.has_perm("projects.change_project", project)
    approvals = project.approvals.active().select_related("kind").prefetch_related("documents")
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "light": project_light(project, today),
            "labels": LABELS,
            "colours": COLOURS,
            "amounts": project_amounts(project, rates),
            "payments": payments,
            "paid_total": paid_total,
            "payment_errors": payment_errors,
            "stages": stage_rows(project),
            "log": project.stage_log.select_related("moved_by")[:50],
            "approvals": [(a, a.is_late(today)) for a in approvals],
            "tasks": task_lights(project, request.user, today),
            "today": today,
            "can_edit": can_edit,
            "can_archive": request.user.has_perm("projects.archive_project", project),
            "move_form": MoveForm(
                initial={
                    "to_stage": project.stage,
                    "side_status": project.side_status,
                    "version": project.version,
                }
            ),
            "stage_form": StageDatesForm(),
            "approval_form": ApprovalForm(),
            "document_form": DocumentForm(),
            "payment_form": PaymentForm(initial={"currency": project.currency}),
            "task_form": TaskLinkForm(),
            "archive_form": ArchiveForm(),
        },
    )


def project_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    project = None
    if pk is not None:
        project = _project(request, pk)
        _require(request, "projects.change_project", project)
    else:
        _require(request, "projects.add_project")
    form = ProjectForm(
        request.POST or None,
        instance=project,
        initial={"version": project.version if project else None},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields if name in form.fields}
        fields["regions"] = list(fields["regions"])
        fields["outline"] = form.cleaned_data["outline_text"]
        reason = form.cleaned_data["reason"]
        try:
            if project is None:
                project = actions.do_create_project(request.user, reason, **fields)
            else:
                project.refresh_from_db()
                actions.do_update_project(
                    request.user, project, form.cleaned_data["version"], reason, **fields
                )
        except StaleRecord:
            form.add_error(None, STALE)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


def _done(request: HttpRequest, pk: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("projects:detail", pk=pk)


def _form_errors(request: HttpRequest, form) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


@require_POST
def project_move(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(request, "projects.change_project", project)
    form = MoveForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:detail", pk=pk)
    data = form.cleaned_data
    try:
        actions.do_move_project(
            request.user,
            project,
            data["version"],
            data["to_stage"],
            data["side_status"] or "",
            data["reason"],
            data["on"],
        )
    except StaleRecord:
        messages.error(request, STALE)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Stage changed."))
    return redirect("projects:detail", pk=pk)


@require_POST
def project_stage_dates(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(request, "projects.change_project", project)
    form = StageDatesForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:detail", pk=pk)
    actions.do_set_stage_dates(request.user, project, **form.cleaned_data)
    return _done(request, pk, _("Stage dates saved."))


@require_POST
def approval_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(request, "projects.change_project", project)
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:detail", pk=pk)
    fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    try:
        actions.do_add_approval(request.user, project, **fields)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("projects:detail", pk=pk)
    return _done(request, pk, _("Approval added."))


def _approval(request: HttpRequest, pk: int) -> Approval:
    approval = get_object_or_404(
        Approval.objects.active().filter(project__in=projects_visible_to(request.user)), pk=pk
    )
    _require(request, "projects.view_project", approval.project)
    return approval


def approval_edit(request: HttpRequest, pk: int) -> HttpResponse:
    approval = _approval(request, pk)
    _require(request, "projects.change_project", approval.project)
    form = ApprovalForm(
        request.POST or None, instance=approval, initial={"version": approval.version}
    )
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        approval.refresh_from_db()
        try:
            actions.do_update_approval(
                request.user, approval, form.cleaned_data["version"], **fields
            )
        except StaleRecord:
            form.add_error(None, STALE)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, approval.project_id, _("Approval saved."))
    return render(request, "projects/approval_form.html", {"form": form, "approval": approval})


@require_POST
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    approval = _approval(request, pk)
    _require(request, "projects.change_project", approval.project)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            actions.do_attach_document(request.user, approval, form.cleaned_data["file"])
            messages.success(request, _("Document attached."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("projects:detail", pk=approval.project_id)


def document(request: HttpRequest, pk: int) -> FileResponse:
    """Serve an approval's file to whoever may read its project."""
    doc = get_object_or_404(
        ApprovalDocument.objects.active().filter(
            approval__project__in=projects_visible_to(request.user)
        ),
        pk=pk,
    )
    _require(request, "projects.view_project", doc.approval.project)
    return FileResponse(
        doc.file.open("rb"), as_attachment=True, filename=doc.name, content_type=doc.content_type
    )


@require_POST
def payment_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(request, "projects.change_project", project)
    form = PaymentForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:detail", pk=pk)
    actions.do_add_payment(request.user, project, **form.cleaned_data)
    return _done(request, pk, _("Payment recorded."))


@require_POST
def task_link(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(request, "projects.change_project", project)
    form = TaskLinkForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("projects:detail", pk=pk)
    task = tasks_visible_to(request.user).filter(reference=form.cleaned_data["reference"]).first()
    if task is None:
        messages.error(request, _("No task has that reference number."))
    elif form.cleaned_data["unlink"]:
        actions.do_unlink_task(request.user, project, task)
        messages.success(request, _("Task removed from the project."))
    else:
        actions.do_link_task(request.user, project, task)
        messages.success(request, _("Task added to the project."))
    return redirect("projects:detail", pk=pk)


@require_POST
def project_archive(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require(request, "projects.archive_project", project)
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the project is archived."))
        return redirect("projects:detail", pk=pk)
    actions.do_archive(request.user, project, form.cleaned_data["reason"])
    messages.success(request, _("Archived."))
    return redirect("projects:list")


# The battle map --------------------------------------------------------------------------


def battle_map(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.view_map")
    return render(
        request,
        "projects/map.html",
        {"tile_url": settings.MAP_TILE_URL, **_filter_context()},
    )


def battle_map_data(request: HttpRequest) -> JsonResponse:
    _require(request, "projects.view_map")
    data = map_data(request.user, timezone.localdate(), _filters(request))
    return JsonResponse(data, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False})


def regions_data(request: HttpRequest) -> JsonResponse:
    _require(request, "projects.view_region")
    return JsonResponse(regions_geojson(), json_dumps_params={"separators": (",", ":")})


def popup(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    rates = rate_table()
    total = project_amounts(project, rates)[0]
    return render(
        request,
        "projects/_popup.html",
        {
            "project": project,
            "light": project_light(project, timezone.localdate()),
            "labels": LABELS,
            "colours": COLOURS,
            "next_approval": next_approval(project),
            "total": total,
            "today": timezone.localdate(),
        },
    )


# Regions ---------------------------------------------------------------------------------


def region_list(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.view_region")
    regions = Region.objects.active().select_related("park")
    return render(
        request,
        "projects/region_list.html",
        {"regions": regions, "place_form": PlaceTaskForm()},
    )


def region_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require(request, "projects.change_region")
    region = get_object_or_404(Region.objects.active(), pk=pk) if pk else None
    form = RegionForm(
        request.POST or None, instance=region, initial={"version": getattr(region, "version", None)}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if region is not None:
                region.refresh_from_db()
            actions.do_save_region(
                request.user,
                region,
                form.cleaned_data["version"],
                form.cleaned_data["geometry_text"],
                form.cleaned_data["reason"],
                **fields,
            )
        except StaleRecord:
            form.add_error(None, STALE)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("projects:regions")
    return render(request, "projects/region_form.html", {"form": form, "region": region})


@require_POST
def region_place_task(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "projects.place_task")
    region = get_object_or_404(Region.objects.active(), pk=pk)
    form = PlaceTaskForm(request.POST)
    task = None
    if form.is_valid():
        task = Task.objects.active().filter(reference=form.cleaned_data["reference"]).first()
    if task is None:
        messages.error(request, _("No task has that reference number."))
    else:
        actions.do_place_task(request.user, task, region)
        messages.success(request, _("Task placed in %(region)s.") % {"region": region.name})
    return redirect("projects:regions")


# Time board and figures ------------------------------------------------------------------


def _month(text: str, default: dt.date) -> dt.date:
    try:
        return parse_iso_date(f"{text}-01", _("Month"))
    except BadDate:
        return default.replace(day=1)


def time_board(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.view_map")
    today = timezone.localdate()
    default_start = dt.date(today.year - 1 if today.month <= 6 else today.year, 1, 1)
    start = _month(request.GET.get("from", ""), default_start)
    months_text = request.GET.get("months", "")
    months = min(max(int(months_text), 6), 48) if months_text.isdigit() else 24
    filters = _filters(request)
    leader = request.GET.get("leader", "")
    projects = filters.apply(projects_visible_to(request.user))
    if leader.isdigit():
        projects = projects.filter(leader_id=int(leader))
    page = Paginator(projects.order_by("leader__name_en", "lead_unit__name_en", "code"), 60)
    page = page.get_page(request.GET.get("page"))
    rows = []
    for row in board_rows(request.user, today, projects.filter(pk__in=[p.pk for p in page])):
        p = row.project
        dates = [d for s in row.stages for d in (s.planned_on, s.actual_on) if d]
        marks = [
            svg.GanttMark(
                s.actual_on or s.planned_on,
                f"{s.get_stage_display()}: "
                + (
                    _("reached %(day)s") % {"day": s.actual_on}
                    if s.actual_on
                    else _("planned %(day)s") % {"day": s.planned_on}
                )
                + (" · " + _("slipped") if s.slipped else ""),
                "diamond",
                late=s.slipped
                or (
                    s.actual_on is None
                    and s.planned_on is not None
                    and s.planned_on < today
                    and STAGE_ORDER.index(s.stage) > p.stage_index
                ),
                done=s.actual_on is not None,
            )
            for s in row.stages
            if s.planned_on or s.actual_on
        ]
        marks += [
            svg.GanttMark(
                a.due_on,
                f"{a.kind.name}: {a.get_state_display()} · {_('due')} {a.due_on}",
                "triangle",
                late=a.is_late(today),
                done=a.is_done,
            )
            for a in row.approvals
            if a.due_on
        ]
        leader_name = p.leader.name if p.leader else _("no leader named")
        rows.append(
            svg.GanttRow(
                label=f"{p.code} {p.name}",
                start=min(dates, default=None),
                end=max(dates, default=None),
                colour=COLOURS[row.light],
                href=f"/projects/{p.pk}/",
                marks=marks,
                group=f"{leader_name} · {p.lead_unit.name}",
            )
        )
    chart = svg.gantt(rows, start, months, today, _("Time board")) if rows else ""
    return render(
        request,
        "projects/time_board.html",
        {
            "chart": chart,
            "page": page,
            "start": start,
            "months": months,
            "filters": filters,
            "leader": leader,
            "leaders": Person.objects.active().filter(projects__isnull=False).distinct(),
            **_filter_context(),
        },
    )


def _threshold(request: HttpRequest) -> Decimal:
    try:
        value = Decimal(request.GET.get("threshold", "1") or "1")
    except InvalidOperation:
        value = Decimal(1)
    return max(value, Decimal(0)) * YI


def figures_page(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.view_figures")
    threshold = _threshold(request)
    result = figures(request.user, threshold, _filters(request))
    names = {
        "industry": {i.pk: i.name for i in Industry.objects.all()},
        "stage": dict(Stage.choices),
        "park": {
            o.pk: o.name
            for o in Organisation.objects.filter(pk__in=[k for k in result.by["park"] if k])
        },
        "country": {c.pk: c.name for c in Country.objects.all()},
        "year": {},
    }
    series = [svg.Series(_("planned"), "#0b5cad"), svg.Series(_("completed"), "#1e8e3e")]
    charts = []
    titles = {
        "industry": _("Investment by industry (100 million yuan)"),
        "stage": _("Investment by stage (100 million yuan)"),
        "park": _("Investment by park (100 million yuan)"),
        "country": _("Investment by partner country (100 million yuan)"),
        "year": _("Investment by year of signing (100 million yuan)"),
    }
    none_label = {"year": _("not signed yet"), "park": _("no park"), "country": _("not given")}
    for key, title in titles.items():
        items = result.by[key]
        if key == "stage":
            order = [s for s in STAGE_ORDER if s in items]
        elif key == "year":
            order = sorted(items, key=lambda y: (y is None, y or 0))
        else:
            order = sorted(items, key=lambda k: -items[k][0])[:15]
        bars = [
            (
                str(names[key].get(k, k)) if k is not None else str(none_label.get(key, "—")),
                [in_yi(items[k][0]), in_yi(items[k][1])],
            )
            for k in order
        ]
        charts.append((title, svg.bar_chart(bars, series, title) if bars else ""))
    total = svg.bar_chart(
        [
            (_("total investment"), [in_yi(result.planned), in_yi(result.completed)]),
            (
                _("foreign investment"),
                [in_yi(result.foreign_planned), in_yi(result.foreign_completed)],
            ),
        ],
        series,
        _("Completed against planned investment"),
    )
    return render(
        request,
        "projects/figures.html",
        {
            "result": result,
            "threshold_yi": threshold / YI,
            "planned_yi": in_yi(result.planned),
            "completed_yi": in_yi(result.completed),
            "total_chart": total,
            "charts": charts,
            "filters": _filters(request),
            **_filter_context(),
        },
    )


# Exchange rates, import and export -------------------------------------------------------


def rates(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.view_exchangerate")
    form = RateForm(request.POST or None)
    if request.method == "POST":
        _require(request, "projects.change_exchangerate")
        if form.is_valid():
            try:
                actions.do_add_rate(request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Exchange rate added."))
                return redirect("projects:rates")
    return render(
        request,
        "projects/rates.html",
        {"rates": ExchangeRate.objects.active()[:500], "form": form},
    )


def import_projects(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.import_projects")
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            result = transfer.import_workbook(request.user, form.cleaned_data["file"].read())
        except transfer.ImportRefused as refused:
            errors = refused.errors
        else:
            messages.success(
                request,
                _(
                    "Imported: %(created)d projects created, %(updated)d updated, "
                    "%(approvals)d approvals."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "approvals": result.approvals,
                },
            )
            return redirect("projects:list")
    return render(
        request,
        "projects/import.html",
        {
            "form": form,
            "errors": errors,
            "columns": transfer.PROJECT_COLUMNS,
            "approval_columns": transfer.APPROVAL_COLUMNS,
        },
    )


def export_projects(request: HttpRequest) -> HttpResponse:
    _require(request, "projects.export_projects")
    projects = _filters(request).apply(projects_visible_to(request.user))
    response = HttpResponse(
        transfer.export_workbook(projects),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="projects-{day}.xlsx"'
    return response
