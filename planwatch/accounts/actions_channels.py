"""Configuring a unit's channels, and queueing and recording what is sent through them.

Configuration is a user's change (permission checked, audited). Sending is the system's:
a notification queues one Delivery per channel of each recipient's unit, and the
background job `tasks.deliver` posts it, retrying after the delays in
settings.CHANNEL_RETRY_DELAYS; after the last retry the delivery is marked failed, kept
with every attempt's error, and can be sent again by whoever manages the channel."""

import datetime as dt
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.accounts.models import User
from planwatch.accounts.models_channels import Channel, Delivery
from planwatch.audit.actions import diff, record_changed, record_event, snapshot
from planwatch.audit.models import AuditEvent
from planwatch.lib.models import save_checked

CHANNEL_FIELDS = ["unit", "kind", "name", "url", "archived_at"]


def _require(actor: User, obj) -> None:
    if not actor.has_perm("accounts.manage_channels", obj):
        raise PermissionDenied(_("You may not do this."))


def _audited_snapshot(channel: Channel) -> dict:
    """The channel's audited values: the secret only as whether one is set."""
    values = snapshot(channel, CHANNEL_FIELDS)
    values["secret"] = "***" if channel.secret else ""
    return values


@transaction.atomic
def do_add_channel(
    actor: User, *, unit, kind: str, name: str, url: str, secret: str = ""
) -> Channel:
    _require(actor, unit)
    channel = Channel(
        unit=unit,
        kind=kind,
        name=name.strip(),
        url=url.strip(),
        secret=secret.strip(),
        created_by=actor,
    )
    channel.full_clean()
    channel.save()
    record_event(actor, AuditEvent.Action.CREATED, channel, diff({}, _audited_snapshot(channel)))
    return channel


@transaction.atomic
def do_change_channel(
    actor: User, channel: Channel, *, version: int, name: str, url: str, secret: str = ""
) -> Channel:
    """Rename or re-point a channel; an empty secret keeps the one stored."""
    _require(actor, channel.unit)
    before = _audited_snapshot(channel)
    channel.name, channel.url = name.strip(), url.strip()
    if secret.strip():
        channel.secret = secret.strip()
    channel.full_clean()
    save_checked(channel, version)
    changes = diff(before, _audited_snapshot(channel))
    if changes:
        record_event(actor, AuditEvent.Action.CHANGED, channel, changes)
    return channel


@transaction.atomic
def do_archive_channel(actor: User, channel: Channel, reason: str) -> Channel:
    _require(actor, channel.unit)
    if channel.is_archived:
        raise ValidationError(_("This channel is already archived."))
    before = snapshot(channel, CHANNEL_FIELDS)
    channel.archived_at = timezone.now()
    channel.save(update_fields=["archived_at", "updated_at"])
    record_event(
        actor,
        AuditEvent.Action.ARCHIVED,
        channel,
        diff(before, snapshot(channel, CHANNEL_FIELDS)),
        reason,
    )
    return channel


def do_send_again(actor: User, delivery: Delivery) -> Delivery:
    """Queue a failed delivery once more, with a fresh round of retries."""
    _require(actor, delivery.channel.unit)
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if delivery.state != Delivery.State.FAILED:
            raise ValidationError(_("Only a failed delivery can be sent again."))
        before = snapshot(delivery, ["state"])
        delivery.state, delivery.finished_at = Delivery.State.PENDING, None
        delivery.save(update_fields=["state", "finished_at"])
        record_changed(actor, delivery, before, _("sent again"))
        _enqueue_on_commit(delivery.pk, earlier=len(delivery.log))
    return delivery


def _enqueue_on_commit(delivery_id: int, earlier: int = 0, delay: float = 0) -> None:
    from planwatch.accounts.tasks import deliver

    task = deliver
    if delay:
        task = deliver.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    transaction.on_commit(lambda: task.enqueue(delivery_id, earlier))


def send_to_channels(
    user_ids: Iterable[int],
    *,
    kind: str,
    key: str,
    text: str | Callable[[], str],
    day: dt.date | None = None,
) -> list[Delivery]:
    """Queue a notification for the channels of its recipients' units: one delivery per
    channel, however many recipients a unit has, and never twice for the same notice.
    `text` may be a function: it is worded only when a recipient's unit has a channel."""
    day = day or timezone.localdate()
    units = User.objects.filter(pk__in=list(user_ids), unit__isnull=False).values("unit_id")
    channels = list(Channel.objects.active().filter(unit_id__in=units))
    if not channels:
        return []
    words = text() if callable(text) else text
    queued = []
    for channel in channels:
        try:
            with transaction.atomic():
                delivery = Delivery.objects.create(
                    channel=channel, key=key[:200], day=day, kind=kind[:40], text=words
                )
                _enqueue_on_commit(delivery.pk)
        except IntegrityError:
            continue
        queued.append(delivery)
    return queued


def record_attempt(delivery_id: int, earlier: int, error: str = "", status: int | None = None):
    """Write one attempt's outcome; queue the next retry when one is left. Returns the
    delivery, or None when it was no longer waiting (already sent, or handled twice)."""
    delays = settings.CHANNEL_RETRY_DELAYS
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.state != Delivery.State.PENDING:
            return None
        now = timezone.now()
        delivery.attempts += 1
        delivery.log = [*delivery.log, {"at": now.isoformat(), "status": status, "error": error}]
        tries_since = len(delivery.log) - earlier
        if not error:
            delivery.state, delivery.finished_at = Delivery.State.SENT, now
        elif tries_since > len(delays):
            delivery.state, delivery.finished_at = Delivery.State.FAILED, now
        else:
            _enqueue_on_commit(delivery.pk, earlier, delays[tries_since - 1])
        delivery.save(update_fields=["attempts", "log", "state", "finished_at"])
    return delivery


def requeue_waiting(before: dt.datetime) -> int:
    """Queue again the deliveries still waiting whose queueing and last attempt are both
    older than `before`: a worker that died mid-delivery leaves them so. Each gets a
    fresh round of retries. Returns how many were queued."""
    count = 0
    waiting = Delivery.objects.filter(state=Delivery.State.PENDING, created_at__lt=before)
    for delivery in waiting.order_by("pk"):
        last = delivery.log[-1]["at"] if delivery.log else None
        if last and dt.datetime.fromisoformat(last) >= before:
            continue
        with transaction.atomic():
            _enqueue_on_commit(delivery.pk, len(delivery.log))
        count += 1
    return count
