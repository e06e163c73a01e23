from django.core.management import call_command
from django.urls import reverse

from planwatch.accounts.actions_channels import do_add_channel, send_to_channels
from planwatch.accounts.models_channels import Delivery
from planwatch.accounts.tests.receiver import receiver


def test_three_attempts_then_a_visible_failure_that_can_be_sent_again(
    client, settings, unit_a, officer, users, transactional_db
):
    settings.CHANNEL_TIMEOUT = 0.3
    settings.CHANNEL_RETRY_DELAYS = [0, 0]
    with receiver(slow_seconds=1.0) as robot:
        channel = do_add_channel(
            officer,
            unit=unit_a,
            kind="webhook",
            name="slow system",
            url=f"{robot.url}/slow",
            secret="k",
        )
        send_to_channels([officer.pk], kind="task_overdue", key="overdue", text="T-1 is overdue")
        call_command("db_worker", batch=True, interval=0, verbosity=0)
        delivery = Delivery.objects.get()
        assert delivery.state == "failed" and delivery.attempts == 3
        assert [entry["error"] for entry in delivery.log] == ["no answer within 0.3 s"] * 3
        assert len(robot.received) == 3

        client.force_login(officer)
        page = client.get(reverse("channels:channel", args=[channel.pk])).content.decode()
        assert "T-1 is overdue" in page and "no answer within 0.3 s" in page
        client.force_login(users[("unit_officer", "b")])
        assert client.get(reverse("channels:channel", args=[channel.pk])).status_code == 404

        channel.url = f"{robot.url}/ok"
        channel.save()
        client.force_login(officer)
        response = client.post(reverse("channels:send_again", args=[delivery.pk]))
        assert response.status_code == 302
        call_command("db_worker", batch=True, interval=0, verbosity=0)
    delivery.refresh_from_db()
    assert delivery.state == "sent" and delivery.attempts == 4
    assert robot.received[-1].path == "/ok"
