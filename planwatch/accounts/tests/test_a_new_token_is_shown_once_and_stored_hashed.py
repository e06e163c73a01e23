import datetime as dt
import hashlib
import re

from django.urls import reverse
from django.utils import timezone

from planwatch.accounts.models_tokens import ApiToken
from planwatch.audit.models import AuditEvent


def _create(client, **fields):
    data = {
        "name": "reporting robot",
        "scope": "read",
        "expires_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
    }
    return client.post(reverse("tokens:list"), {**data, **fields})


def test_the_token_appears_in_the_answer_only(client, officer):
    client.force_login(officer)
    response = _create(client)
    assert response.status_code == 200
    raw = re.search(r'<code id="new-token">([^<]+)</code>', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.user == officer and token.scope == "read"
    assert token.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(AuditEvent.objects.values_list("changes", flat=True))
    again = client.get(reverse("tokens:list")).content.decode()
    assert token.prefix in again and raw not in again
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_expiry_in_the_past_or_too_far_is_refused_with_the_field_named(client, officer):
    client.force_login(officer)
    today = timezone.localdate()
    cases = [
        (today, "Choose a day after today."),
        (today + dt.timedelta(days=400), "At most 366 days from today."),
        ("31.02.2026", "Enter a valid date."),
    ]
    for day, message in cases:
        response = _create(client, expires_on=str(day))
        assert response.status_code == 200
        assert f"<li>Expires: {message}</li>" in response.content.decode(), day
    # A NUL byte is refused before the form sees it (lib.middleware), naming the field.
    nul = _create(client, expires_on="\x00")
    assert nul.status_code == 400
    assert "expires_on: contains a character that cannot be stored" in nul.content.decode()
    assert not ApiToken.objects.exists()


def test_a_name_with_a_nul_byte_or_too_long_is_refused(client, officer):
    client.force_login(officer)
    nul = _create(client, name="a\x00b")
    assert nul.status_code == 400
    assert "name: contains a character that cannot be stored" in nul.content.decode()
    assert "<li>Name: Ensure this value" in _create(client, name="x" * 200_000).content.decode()
    assert not ApiToken.objects.exists()


def test_the_owner_revokes_a_token_and_the_audit_trail_says_so(client, officer, users):
    client.force_login(officer)
    _create(client)
    token = ApiToken.objects.get()
    client.force_login(users[("unit_officer", "b")])
    assert client.post(reverse("tokens:revoke", args=[token.pk])).status_code == 404
    client.force_login(officer)
    response = client.post(reverse("tokens:revoke", args=[token.pk]), {"reason": "not needed"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_revoked and token.revoked_by == officer
    event = AuditEvent.objects.filter(object_id=str(token.pk)).first()
    assert event.action == "changed" and event.reason == "not needed"
