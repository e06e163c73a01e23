"""Webhook channels' routes in the permission matrix: a unit's channels are managed by
administrators, supervisors and that unit's officers."""

import datetime as dt

from planwatch.accounts.models_channels import Channel, Delivery
from planwatch.testing import ADMIN, History, Route, audit_readers, managers_or_own_officer


def extend_world(world: dict) -> None:
    admin = world["users"][(ADMIN, "a")]
    for key in ("a", "b"):
        channel = Channel.objects.create(
            unit=world[f"unit_{key}"],
            kind=Channel.Kind.WECOM,
            name=f"Group {key}",
            url="http://127.0.0.1:9/robot",
            created_by=admin,
        )
        delivery = Delivery.objects.create(
            channel=channel,
            key="k",
            day=dt.date(2026, 1, 5),
            kind="task_overdue",
            text="T-1 is overdue",
            state=Delivery.State.FAILED,
            attempts=4,
        )
        world[f"channel_{key}"], world[f"delivery_{key}"] = channel, delivery


def channel(world: dict) -> dict:
    return {"pk": world["channel_a" if world["own"] else "channel_b"].pk}


def delivery(world: dict) -> dict:
    return {"pk": world["delivery_a" if world["own"] else "delivery_b"].pk}


ROUTES: dict[str, Route] = {
    "channels:list": Route(allowed=managers_or_own_officer),
    "channels:channel": Route(allowed=managers_or_own_officer, kwargs=channel, unit_scoped=True),
    "channels:archive": Route(
        allowed=managers_or_own_officer,
        kwargs=channel,
        method="post",
        data={"reason": "group dissolved"},
        unit_scoped=True,
    ),
    "channels:send_again": Route(
        allowed=managers_or_own_officer, kwargs=delivery, method="post", unit_scoped=True
    ),
    "api-1:list_deliveries": Route(allowed=managers_or_own_officer),
}


def _channel_history(role: str, own: bool) -> bool:
    """Those who manage the channel, and the readers of the whole audit log."""
    return managers_or_own_officer(role, own) or audit_readers(role, own)


HISTORY: dict[str, History] = {
    "accounts.channel": History(
        lambda w: w["channel_a" if w["own"] else "channel_b"], _channel_history
    ),
}
