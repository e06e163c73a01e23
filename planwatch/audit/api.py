"""The audit log as JSON, for auditors."""

import datetime as dt

from ninja import Router, Schema

from planwatch.audit.queries import events_visible_to, filter_events
from planwatch.lib.api import require

router = Router(tags=["audit"])


class EventOut(Schema):
    id: int
    at: dt.datetime
    actor_name: str
    action: str
    model: str
    object_id: str
    object_repr: str
    changes: dict
    reason: str

    @staticmethod
    def resolve_model(event) -> str:
        return f"{event.content_type.app_label}.{event.content_type.model}"


@router.get("/events", response=list[EventOut])
def list_events(request, actor: str = "", model: str = "", action: str = "", limit: int = 100):
    require(request, "accounts.view_audit_log")
    events = filter_events(events_visible_to(request.user), actor=actor, model=model, action=action)
    return events[: max(1, min(limit, 1000))]
