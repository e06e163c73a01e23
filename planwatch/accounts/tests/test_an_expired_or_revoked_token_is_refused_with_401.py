import datetime as dt

from django.urls import reverse
from django.utils import timezone

from planwatch.accounts.actions_tokens import do_revoke_token
from planwatch.accounts.tests.helpers_tokens import bearer, make_token


def _me(client, raw: str):
    return client.get(reverse("api-1:me"), headers=bearer(raw))


def test_a_live_token_answers_as_its_user(client, officer):
    token, raw = make_token(officer)
    response = _me(client, raw)
    assert response.status_code == 200
    assert response.json()["username"] == officer.username
    assert response.json()["token"]["prefix"] == token.prefix
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_expired_token_is_refused(client, officer):
    token, raw = make_token(officer)
    token.expires_at = timezone.now() - dt.timedelta(seconds=1)
    token.save()
    response = _me(client, raw)
    assert response.status_code == 401
    assert response.json() == {"detail": "This API token has expired."}


def test_a_revoked_token_is_refused(client, officer):
    token, raw = make_token(officer)
    do_revoke_token(officer, token, "leaked")
    response = _me(client, raw)
    assert response.status_code == 401
    assert response.json() == {"detail": "This API token has been revoked."}


def test_an_unknown_or_malformed_token_is_refused(client, officer):
    make_token(officer)
    for raw in ("pwt_00000000_nothing", "", "\x00", "x" * 200_000, "pwt_\ud800"):
        response = client.get(reverse("api-1:me"), headers={"Authorization": f"Bearer {raw}"})
        assert response.status_code == 401
        assert response.json()["detail"] in ("This API token is not valid.", "Unauthorized")


def test_a_token_of_a_disabled_user_is_refused(client, officer):
    _token, raw = make_token(officer)
    officer.is_active = False
    officer.save()
    assert _me(client, raw).status_code == 401


def test_a_bad_token_is_not_rescued_by_a_session(client, officer):
    client.force_login(officer)
    response = client.get(reverse("api-1:me"), headers=bearer("pwt_00000000_nothing"))
    assert response.status_code == 401


def test_the_refusal_is_in_the_readers_language(client, officer):
    token, raw = make_token(officer)
    do_revoke_token(officer, token)
    response = client.get(reverse("api-1:me"), headers=bearer(raw), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 401
    assert "撤销" in response.json()["detail"]


def test_a_token_opens_no_page_outside_the_api(client, officer):
    _token, raw = make_token(officer)
    response = client.get(reverse("plans:tasks"), headers=bearer(raw))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
