from django.test import Client

from planwatch.audit.models import AuditEvent
from planwatch.testing import PASSWORD

NEW = "a-brand-new-passphrase-91"


def change(client, old: str, new: str, again: str | None = None):
    return client.post(
        "/account/password/",
        {"old_password": old, "new_password1": new, "new_password2": again or new},
    )


def test_an_officer_changes_their_password_and_it_is_audited(client, officer):
    client.force_login(officer)
    response = change(client, PASSWORD, NEW)
    assert response.status_code == 302
    assert response["Location"] == "/account/password/done/"
    officer.refresh_from_db()
    assert officer.check_password(NEW)
    assert client.get("/").status_code == 200, "this session stays signed in"
    event = AuditEvent.objects.get(action="password changed", object_id=str(officer.pk))
    assert event.actor == officer
    assert NEW not in str(event.changes)


def test_the_old_password_must_be_right(client, officer):
    client.force_login(officer)
    response = change(client, "not-the-password", NEW)
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_an_all_digit_password_is_refused(client, officer):
    client.force_login(officer)
    response = change(client, PASSWORD, "4830291756")
    assert response.status_code == 200
    assert "This password is entirely numeric." in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="password changed").exists()


def test_a_digit_and_a_letter_are_enough_to_pass_that_rule(client, officer):
    client.force_login(officer)
    assert change(client, PASSWORD, "4830291756x").status_code == 302


def test_other_sessions_of_the_user_are_signed_out(client, officer):
    other = Client()
    other.force_login(officer)
    client.force_login(officer)
    change(client, PASSWORD, NEW)
    assert other.get("/").status_code == 302
