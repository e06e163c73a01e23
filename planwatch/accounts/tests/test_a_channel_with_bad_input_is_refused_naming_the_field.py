from django.urls import reverse

from planwatch.accounts.actions_channels import do_add_channel
from planwatch.accounts.models_channels import Channel
from planwatch.audit.models import AuditEvent


def _add(client, unit, **fields):
    data = {"unit": unit.pk, "kind": "webhook", "name": "System", "url": "https://example.org/hook"}
    return client.post(reverse("channels:list"), {**data, **fields})


def test_bad_values_are_refused_and_nothing_saved(client, officer, unit_a):
    client.force_login(officer)
    cases = [
        ({"secret": ""}, "Signing secret"),
        ({"secret": "k", "url": "not a url"}, "URL"),
        ({"secret": "k", "url": "ftp://example.org/x"}, "URL"),
        ({"secret": "k", "name": "x" * 200_000}, "Name"),
        ({"secret": "k", "kind": "telegram"}, "Kind"),
    ]
    for fields, label in cases:
        response = _add(client, unit_a, **fields)
        assert response.status_code == 200, fields
        assert f"<li>{label}: " in response.content.decode(), fields
    # A NUL byte is refused before the form sees it (lib.middleware), naming the field.
    nul = _add(client, unit_a, secret="k", name="a\x00b")
    assert nul.status_code == 400
    assert "name: contains a character that cannot be stored" in nul.content.decode()
    assert not Channel.objects.exists()


def test_an_officer_adds_channels_to_their_own_unit_only(client, officer, unit_b):
    client.force_login(officer)
    response = _add(client, unit_b, secret="k")
    assert response.status_code == 200
    assert "<li>Unit: Select a valid choice." in response.content.decode()
    assert not Channel.objects.exists()


def test_the_secret_is_neither_shown_nor_audited(client, officer, unit_a):
    channel = do_add_channel(
        officer,
        unit=unit_a,
        kind="webhook",
        name="S",
        url="https://example.org/h",
        secret="hush-42",
    )
    client.force_login(officer)
    page = client.get(reverse("channels:channel", args=[channel.pk])).content.decode()
    assert "hush-42" not in page
    event = AuditEvent.objects.get(object_id=str(channel.pk))
    assert event.changes["secret"] == [None, "***"] and "hush-42" not in str(event.changes)


def test_an_edit_keeps_the_secret_when_left_empty_and_checks_the_version(client, officer, unit_a):
    channel = do_add_channel(
        officer, unit=unit_a, kind="webhook", name="S", url="https://example.org/h", secret="k1"
    )
    client.force_login(officer)
    url = reverse("channels:channel", args=[channel.pk])
    data = {"version": channel.version, "name": "Renamed", "url": "https://example.org/h2"}
    assert client.post(url, {**data, "secret": ""}).status_code == 302
    channel.refresh_from_db()
    assert (channel.name, channel.secret, channel.version) == ("Renamed", "k1", 2)
    stale = client.post(url, {**data, "name": "Lost update"})
    assert "Someone else changed this channel" in stale.content.decode()
    channel.refresh_from_db()
    assert channel.name == "Renamed"
