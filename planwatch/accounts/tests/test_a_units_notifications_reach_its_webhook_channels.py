import base64
import hashlib
import hmac
import json
import urllib.parse

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from planwatch.accounts.actions_channels import do_add_channel, send_to_channels
from planwatch.accounts.channels import webhook_signature
from planwatch.accounts.models_channels import Delivery
from planwatch.accounts.tests.receiver import receiver
from planwatch.plans import actions
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task


def run_worker() -> None:
    call_command("db_worker", batch=True, interval=0, verbosity=0)


@pytest.fixture
def fast_retries(settings, transactional_db):
    """Retries at once, and real commits: the queueing waits for them, as in production."""
    settings.CHANNEL_TIMEOUT = 0.5
    settings.CHANNEL_RETRY_DELAYS = [0, 0]


def test_a_major_issue_is_posted_to_unit_bs_signed_webhook(
    unit_a, unit_b, users, officer, fast_retries
):
    task = make_task(make_plan(), unit_a, "T-1")
    with receiver() as robot:
        channel = do_add_channel(
            users[("administrator", "a")],
            unit=unit_b,
            kind="webhook",
            name="B's system",
            url=f"{robot.url}/ok",
            secret="s3cret",
        )
        actions.do_raise_issue(officer, lead_assignment(task), "The contractor walked away.")
        delivery = Delivery.objects.get()
        assert delivery.channel == channel and delivery.state == "pending"
        assert DBTaskResult.objects.count() == 1
        run_worker()
    delivery.refresh_from_db()
    assert delivery.state == "sent" and delivery.attempts == 1
    (request,) = robot.received
    body = json.loads(request.body)
    assert body["kind"] == "major_issue" and "contractor walked away" in body["text"]
    expected = webhook_signature(
        "s3cret", int(request.headers["X-Planwatch-Timestamp"]), request.body
    )
    assert request.headers["X-Planwatch-Signature"] == expected
    assert expected.startswith("sha256=") and len(expected) == 71


def test_a_dingtalk_robot_gets_text_signed_with_its_secret(unit_a, officer, fast_retries):
    with receiver() as robot:
        do_add_channel(
            officer,
            unit=unit_a,
            kind="dingtalk",
            name="群",
            url=f"{robot.url}/robot?access_token=abc",
            secret="SECabc",
        )
        send_to_channels([officer.pk], kind="task_overdue", key="k", text="3 项任务已超期")
        run_worker()
    (request,) = robot.received
    assert json.loads(request.body) == {"msgtype": "text", "text": {"content": "3 项任务已超期"}}
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(request.path).query))
    assert query["access_token"] == "abc"
    string = f"{query['timestamp']}\nSECabc".encode()
    sign = base64.b64encode(hmac.new(b"SECabc", string, hashlib.sha256).digest()).decode()
    assert query["sign"] == sign
    assert Delivery.objects.get().state == "sent"


def test_a_wecom_robot_gets_one_message_for_a_unit_of_several_recipients(
    unit_a, users, officer, fast_retries
):
    with receiver() as robot:
        do_add_channel(officer, unit=unit_a, kind="wecom", name="WeCom", url=f"{robot.url}/robot")
        recipients = [users[(role, "a")].pk for role in ("unit_officer", "leader", "supervisor")]
        send_to_channels(recipients, kind="k", key="report:1", text="Report 1 returned")
        send_to_channels(recipients, kind="k", key="report:1", text="Report 1 returned")
        run_worker()
    assert len(robot.received) == 1
    assert json.loads(robot.received[0].body)["text"]["content"] == "Report 1 returned"


def test_a_robot_refusing_with_an_error_code_is_a_failed_attempt(unit_a, officer, fast_retries):
    with receiver() as robot:
        do_add_channel(officer, unit=unit_a, kind="dingtalk", name="群", url=f"{robot.url}/refuse")
        send_to_channels([officer.pk], kind="k", key="x", text="hello")
        run_worker()
    delivery = Delivery.objects.get()
    assert delivery.state == "failed" and delivery.attempts == 3
    assert "sign not match" in delivery.last_error
    assert len(robot.received) == 3


def test_an_archived_channel_gets_nothing(unit_a, officer, fast_retries):
    from planwatch.accounts.actions_channels import do_archive_channel

    channel = do_add_channel(
        officer, unit=unit_a, kind="wecom", name="old", url="http://127.0.0.1:9/"
    )
    do_archive_channel(officer, channel, "group dissolved")
    assert send_to_channels([officer.pk], kind="k", key="x", text="hello") == []
