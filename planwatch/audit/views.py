"""The audit log for auditors, and the history of one record for whoever may see it."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from planwatch.audit.history import record_for_history
from planwatch.audit.models import AuditEvent
from planwatch.audit.queries import events_visible_to, filter_events, history_of
from planwatch.lib.dates import BadDate, parse_iso_date


def log(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.view_audit_log"):
        raise PermissionDenied
    params = {k: request.GET.get(k, "").strip() for k in ("actor", "model", "action", "q")}
    errors, dates = [], {}
    for key, label in (("since", _("From")), ("until", _("Until"))):
        value = request.GET.get(key, "").strip()
        dates[key] = None
        if value:
            try:
                dates[key] = parse_iso_date(value, label)
            except BadDate as error:
                errors.append(str(error))
    events = filter_events(
        events_visible_to(request.user),
        actor=params["actor"],
        model=params["model"],
        action=params["action"],
        text=params["q"],
        **dates,
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    models = ContentType.objects.filter(
        pk__in=AuditEvent.objects.values("content_type").distinct()
    ).order_by("app_label", "model")
    actions = AuditEvent.objects.values_list("action", flat=True).distinct().order_by("action")
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "params": params,
            "since": request.GET.get("since", ""),
            "until": request.GET.get("until", ""),
            "errors": errors,
            "models": models,
            "actions": list(actions),
        },
    )


def record_history(request: HttpRequest, model: str, pk: str) -> HttpResponse:
    """The audit events of one record, shown exactly to those who may see that record:
    "not found" otherwise, as on the record's own page."""
    try:
        model_class = apps.get_model(model)
    except (LookupError, ValueError):
        raise Http404 from None
    if not model_class.__module__.startswith("planwatch."):
        raise Http404
    try:
        obj = record_for_history(request.user, model_class, pk)
    except (ValueError, ValidationError, OverflowError):
        raise Http404 from None
    if obj is None:
        raise Http404
    return render(request, "audit/history.html", {"record": obj, "events": history_of(obj)[:500]})
