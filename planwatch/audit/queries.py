"""Reading the audit trail: the filtered log, and one record's history."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from planwatch.audit.models import AuditEvent


def events_visible_to(user) -> QuerySet[AuditEvent]:
    """The whole log, for those allowed to read it; nothing for anyone else."""
    if not user.has_perm("accounts.view_audit_log"):
        return AuditEvent.objects.none()
    return AuditEvent.objects.select_related("content_type")


def filter_events(
    events: QuerySet[AuditEvent],
    actor: str = "",
    model: str = "",
    action: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
    text: str = "",
) -> QuerySet[AuditEvent]:
    if actor:
        events = events.filter(Q(actor_name__iexact=actor) | Q(actor__username__iexact=actor))
    if model and "." in model:
        app_label, model_name = model.split(".", 1)
        events = events.filter(content_type__app_label=app_label, content_type__model=model_name)
    if action:
        events = events.filter(action=action)
    if since:
        events = events.filter(at__date__gte=since)
    if until:
        events = events.filter(at__date__lte=until)
    if text:
        events = events.filter(object_repr__icontains=text)
    return events


def history_of(obj) -> QuerySet[AuditEvent]:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return AuditEvent.objects.filter(content_type=content_type, object_id=str(obj.pk))
