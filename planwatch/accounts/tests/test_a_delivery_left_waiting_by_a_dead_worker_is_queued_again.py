import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from planwatch.accounts.models_channels import Channel, Delivery


def _delivery(officer, unit, queued_minutes_ago: int, log: list) -> Delivery:
    channel, _ = Channel.objects.get_or_create(
        unit=unit, kind="wecom", name="g", url="http://127.0.0.1:9/", created_by=officer
    )
    return Delivery.objects.create(
        channel=channel,
        key=f"k{queued_minutes_ago}-{len(log)}",
        day=dt.date(2026, 1, 5),
        kind="k",
        text="t",
        created_at=timezone.now() - dt.timedelta(minutes=queued_minutes_ago),
        log=log,
    )


def test_only_old_waiting_deliveries_are_queued(
    officer, unit_a, django_capture_on_commit_callbacks
):
    recent_try = [{"at": timezone.now().isoformat(), "status": None, "error": "x"}]
    stuck = _delivery(officer, unit_a, 300, [])
    _delivery(officer, unit_a, 300, recent_try)
    _delivery(officer, unit_a, 10, [])
    sent = _delivery(officer, unit_a, 400, [])
    Delivery.objects.filter(pk=sent.pk).update(state="sent")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_deliveries")
    (task,) = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [stuck.pk, 0]


def test_a_margin_shorter_than_the_retry_delays_is_refused(db):
    for value in ("5", "abc", "\x00", "99999999999"):
        with pytest.raises(CommandError, match="--older-than"):
            call_command("requeue_deliveries", older_than=value)
