"""The supervision dashboard, its drill-down list, the unit ranking and their exports.
Thin: parse the filters, call queries_dashboard, render."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from planwatch.directory.models import Organisation
from planwatch.lib.models import pick_language
from planwatch.plans import queries_dashboard as q
from planwatch.plans import spreadsheets
from planwatch.plans.extensions import dashboard_panels, penalty_rules
from planwatch.plans.models import Assignment, Plan
from planwatch.plans.scoring import rule_text
from planwatch.plans.status import LABELS, LIGHTS, Status


def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _unit_options(user, selected: int | None) -> str:
    """The unit filter's <option>s: the units that have work (an assignment on a task),
    named and sorted in the reader's language. Built in Python: a template loop over
    2,000 units cost more than the rest of the page (measured)."""
    units = Organisation.objects.active().filter(
        pk__in=Assignment.objects.filter(
            archived_at__isnull=True, task__archived_at__isnull=True
        ).values("unit_id")
    )
    if not user.reads_everything:
        units = units.filter(pk=user.unit_id)
    named = sorted(
        (pick_language(en, zh), pk) for pk, en, zh in units.values_list("pk", "name_en", "name_zh")
    )
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((pk, mark_safe(" selected") if pk == selected else "", name) for name, pk in named),
    )


def _filters(request: HttpRequest) -> tuple[q.Filters, dict]:
    _require(request, "plans.view_dashboard")
    filters, errors = q.Filters.parse(request.GET)
    return filters, {
        "filters": filters,
        "errors": errors,
        "plans": Plan.objects.active().order_by("code"),
        "unit_options": _unit_options(request.user, filters.unit),
        "statuses": [(s.value, LABELS[s]) for s in Status],
        "lights": {s.value: LIGHTS[s] for s in Status},
        "labels": {s.value: LABELS[s] for s in Status},
        "rule": rule_text(penalty_rules()),
        "query": filters.query(),
    }


def dashboard(request: HttpRequest) -> HttpResponse:
    filters, context = _filters(request)
    today = timezone.localdate()
    context["board"] = q.dashboard(request.user, filters, today)
    context["panels"] = dashboard_panels(request, filters, today)
    return render(request, "plans/dashboard/dashboard.html", context)


def tasks(request: HttpRequest) -> HttpResponse:
    filters, context = _filters(request)
    rows = q.task_list(request.user, filters, timezone.localdate())
    context["page"] = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "plans/dashboard/tasks.html", context)


def units(request: HttpRequest) -> HttpResponse:
    filters, context = _filters(request)
    rows = q.unit_figures(request.user, filters, timezone.localdate())
    context["page"] = Paginator(rows, 50).get_page(request.GET.get("page"))
    context["rows"] = context["page"].object_list
    return render(request, "plans/dashboard/units.html", context)


def reports(request: HttpRequest) -> HttpResponse:
    """The reports behind a unit's reporting figures; `on_time=1` or `0` narrows them."""
    filters, context = _filters(request)
    on_time = {"1": True, "0": False}.get(request.GET.get("on_time", ""))
    rows = q.report_list(request.user, filters, on_time)
    context["page"] = Paginator(rows, 50).get_page(request.GET.get("page"))
    context["on_time"] = on_time
    return render(request, "plans/dashboard/reports.html", context)


def export(request: HttpRequest, table: str) -> HttpResponse:
    """One dashboard table, or the filtered task list, as xlsx."""
    filters, _ = _filters(request)
    today = timezone.localdate()
    if table not in spreadsheets.DASHBOARD_TABLES:
        raise PermissionDenied
    content = spreadsheets.export_dashboard_table(request.user, filters, today, table)
    return spreadsheets.xlsx_response(content, f"planwatch-{table}-{today:%Y-%m-%d}.xlsx")
