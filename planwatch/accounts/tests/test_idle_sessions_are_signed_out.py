import time

from planwatch.accounts.middleware import IdleSessionTimeoutMiddleware

KEY = IdleSessionTimeoutMiddleware.KEY


def set_last_seen(client, seconds_ago: int) -> None:
    session = client.session
    session[KEY] = int(time.time()) - seconds_ago
    session.save()


def test_a_request_within_the_idle_time_keeps_the_session(client, officer, settings):
    settings.SESSION_IDLE_SECONDS = 1800
    client.force_login(officer)
    assert client.get("/").status_code == 200
    set_last_seen(client, 1799)
    assert client.get("/").status_code == 200
    assert client.session[KEY] >= int(time.time()) - 5, "activity moves the idle clock"


def test_a_request_after_the_idle_time_signs_the_user_out(client, officer, settings):
    settings.SESSION_IDLE_SECONDS = 1800
    client.force_login(officer)
    client.get("/")
    set_last_seen(client, 1801)
    response = client.get("/plans/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/plans/")
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


def test_the_api_answers_401_after_the_idle_time(client, officer, settings):
    settings.SESSION_IDLE_SECONDS = 1800
    client.force_login(officer)
    client.get("/")
    set_last_seen(client, 4000)
    assert client.get("/api/directory/organisations").status_code == 401


def test_an_active_session_still_ends_a_working_day_after_sign_in(client, officer, settings):
    settings.SESSION_COOKIE_AGE = 10 * 3600
    client.force_login(officer)
    session = client.session
    session[IdleSessionTimeoutMiddleware.SIGNED_IN_KEY] = int(time.time()) - 10 * 3600 + 60
    session.save()
    assert client.get("/").status_code == 200, "active, and within the day"
    session = client.session
    session[IdleSessionTimeoutMiddleware.SIGNED_IN_KEY] = int(time.time()) - 10 * 3600 - 1
    session.save()
    response = client.get("/plans/", follow=True)
    assert response.redirect_chain[0][0].startswith("/login/?next=/plans/")
    assert "a session lasts a working day at most" in response.content.decode()
