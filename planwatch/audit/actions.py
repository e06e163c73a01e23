"""Writing audit events. Every do_* action of every app calls these inside its transaction."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from planwatch.audit.models import AuditEvent
from planwatch.lib.acting import via_label


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The record's concrete field values, as JSON-safe values, for a before/after diff."""
    values = {}
    for field in obj._meta.concrete_fields:
        if field.name in ("created_at", "updated_at", "version", "password", "last_login"):
            continue
        if fields is not None and field.name not in fields:
            continue
        values[field.name] = _plain(field.value_from_object(obj))
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    keys = before.keys() | after.keys()
    return {k: [before.get(k), after.get(k)] for k in sorted(keys) if before.get(k) != after.get(k)}


def record_event(
    actor,
    action: str,
    obj: models.Model,
    changes: dict[str, list[Any]] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one event for `obj`. Call inside the transaction that made the change."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    name = user.get_username() if user else "system"
    if user and via_label():
        name = f"{name} {via_label()}"[:150]
    return AuditEvent.objects.create(
        actor=user,
        actor_name=name,
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes or {},
        reason=reason,
    )


def record_created(actor, obj: models.Model, reason: str = "") -> AuditEvent:
    return record_event(actor, AuditEvent.Action.CREATED, obj, diff({}, snapshot(obj)), reason)


def record_changed(actor, obj: models.Model, before: dict[str, Any], reason: str = ""):
    """Append a `changed` event when something did change; returns None otherwise."""
    changes = diff(before, snapshot(obj))
    if not changes:
        return None
    return record_event(actor, AuditEvent.Action.CHANGED, obj, changes, reason)
