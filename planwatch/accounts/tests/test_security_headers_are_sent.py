"""Every page carries a strict Content-Security-Policy and a Permissions-Policy; in
production HTTPS is enforced (redirect and HSTS)."""

import importlib

import pytest


@pytest.fixture
def page(client, officer):
    client.force_login(officer)
    response = client.get("/")
    assert response.status_code == 200
    return response


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_scripts_come_only_from_our_own_static_files(page):
    policy = directives(page)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    header = page["Content-Security-Policy"]
    assert "unsafe-eval" not in header
    assert "'unsafe-inline'" not in " ".join(policy["script-src"])


def test_powerful_browser_features_are_switched_off(page):
    policy = page["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_the_other_protective_headers(page):
    assert page["X-Frame-Options"] == "DENY"
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"


def test_production_redirects_to_https_and_sends_hsts(monkeypatch):
    from planwatch import settings as module

    monkeypatch.setenv("PLANWATCH_DEBUG", "0")
    monkeypatch.setenv("PLANWATCH_SECRET_KEY", "x" * 60)
    production = importlib.reload(module)
    try:
        assert production.SECURE_SSL_REDIRECT is True
        assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
        assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
        monkeypatch.setenv("PLANWATCH_SSL_REDIRECT", "0")
        monkeypatch.setenv("PLANWATCH_PROXY_SSL_HEADER", "X-Forwarded-Proto")
        behind_proxy = importlib.reload(module)
        assert behind_proxy.SECURE_SSL_REDIRECT is False
        assert behind_proxy.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")
    finally:
        monkeypatch.undo()
        importlib.reload(module)


def test_hsts_reaches_the_browser_over_https(client, officer, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = True
    client.force_login(officer)
    assert client.get("/").status_code == 301
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
