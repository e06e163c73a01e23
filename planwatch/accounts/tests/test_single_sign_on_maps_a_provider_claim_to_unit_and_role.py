"""Single sign-on end to end: a real OpenID Connect provider (django-oauth-toolkit in its
own process and database on 127.0.0.1), Planwatch on a live server, and a client that
follows every redirect and signs in at the provider, as a browser would."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from planwatch.accounts.models import User
from planwatch.accounts.models_oidc import SignInIdentity
from planwatch.audit.models import AuditEvent

SERVE = Path(__file__).resolve().parent / "oidc_provider" / "serve.py"
PEOPLE = {
    "li.wei": {
        "password": "provider-pass-1",
        "claims": {
            "email": "li.wei@example.org",
            "given_name": "Wei",
            "family_name": "Li",
            "planwatch_unit": "unit-a",
            "planwatch_role": "unit_officer",
        },
    },
    "visitor": {"password": "provider-pass-2", "claims": {"email": "visitor@example.org"}},
    "usurper": {
        "password": "provider-pass-3",
        "claims": {"planwatch_unit": "unit-a", "planwatch_role": "administrator"},
    },
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _private_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@pytest.fixture
def planwatch_url(live_server) -> str:
    return live_server.url.replace("localhost", "127.0.0.1")


@pytest.fixture
def provider(planwatch_url, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "PROVIDER_DB": str(tmp_path / "provider.sqlite3"),
        "PROVIDER_RSA_KEY": _private_key(),
        "PROVIDER_USERS": json.dumps(PEOPLE),
        "PROVIDER_CLIENT_ID": "planwatch",
        "PROVIDER_CLIENT_SECRET": "planwatch-client-secret",
        "PROVIDER_REDIRECT_URI": f"{planwatch_url}/oidc/callback/",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    url = f"http://127.0.0.1:{port}"
    with open(tmp_path / "provider.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, str(SERVE), str(port)], env=env, stdout=log, stderr=log
        )
        try:
            yield _discovery(url, process, tmp_path / "provider.log")
        finally:
            process.terminate()
            process.wait(10)


def _discovery(url: str, process: subprocess.Popen, log: Path) -> dict:
    """The provider's configuration, once it answers (a busy machine may take a minute)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            return requests.get(f"{url}/o/.well-known/openid-configuration", timeout=5).json()
        except requests.ConnectionError:
            time.sleep(0.2)
    raise RuntimeError("the OIDC provider did not start: " + log.read_text())


@pytest.fixture
def sso(settings, provider, unit_a):
    settings.OIDC_RP_CLIENT_ID = "planwatch"
    settings.OIDC_RP_CLIENT_SECRET = "planwatch-client-secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = provider["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = provider["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = provider["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = provider["jwks_uri"]
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    return provider


def _sign_in(planwatch_url: str, username: str) -> tuple[requests.Session, requests.Response]:
    """Start at Planwatch's sign-in page, follow the button to the provider, sign in there."""
    browser = requests.Session()
    login = browser.get(f"{planwatch_url}/login/", timeout=10)
    button = re.search(r'href="(/oidc/authenticate/[^"]*)"', login.text).group(1)
    at_provider = browser.get(planwatch_url + button, timeout=10)
    assert "/login/" in at_provider.url and "127.0.0.1" in at_provider.url
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', at_provider.text).group(1)
    answer = browser.post(
        at_provider.url,
        {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": PEOPLE[username]["password"],
            "next": re.search(r'name="next" value="([^"]*)"', at_provider.text)
            .group(1)
            .replace("&amp;", "&"),
        },
        timeout=30,
    )
    return browser, answer


def test_a_mapped_person_is_created_with_unit_and_role_then_found_again(sso, planwatch_url, unit_a):
    browser, answer = _sign_in(planwatch_url, "li.wei")
    assert answer.status_code == 200 and answer.url == f"{planwatch_url}/"
    user = User.objects.get(username="li.wei")
    assert (user.unit, user.role, user.email) == (unit_a, "unit_officer", "li.wei@example.org")
    assert not user.has_usable_password()
    assert SignInIdentity.objects.get(user=user).subject
    assert AuditEvent.objects.filter(object_id=str(user.pk), action="created").exists()
    assert "Wei Li" in browser.get(f"{planwatch_url}/", timeout=10).text

    user.role = "leader"
    user.save()
    _again, answer = _sign_in(planwatch_url, "li.wei")
    assert answer.url == f"{planwatch_url}/"
    assert User.objects.filter(username__startswith="li.wei").count() == 1
    assert User.objects.get(username="li.wei").role == "leader"


def test_a_person_without_a_mapping_is_refused_and_no_account_made(sso, planwatch_url):
    _browser, answer = _sign_in(planwatch_url, "visitor")
    assert answer.url.startswith(f"{planwatch_url}/login/")
    assert "gives no Planwatch unit and role" in answer.text
    assert not User.objects.filter(username="visitor").exists()


def test_a_provider_cannot_make_an_administrator(sso, planwatch_url):
    _browser, answer = _sign_in(planwatch_url, "usurper")
    assert answer.url.startswith(f"{planwatch_url}/login/")
    assert not User.objects.filter(username="usurper").exists()
