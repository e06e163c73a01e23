"""Behind a reverse proxy every request comes from the proxy: the client's address is
the entry the trusted proxy added to its header, never one the client wrote itself."""

from django.test import RequestFactory

from planwatch.accounts.addresses import client_address
from planwatch.testing import PASSWORD

PROXY = "10.0.0.5"


def request(**headers):
    return RequestFactory().get("/login/", REMOTE_ADDR=PROXY, headers=headers)


def test_without_a_configured_header_the_connection_address_counts(settings):
    settings.CLIENT_IP_HEADER = ""
    assert client_address(request(x_forwarded_for="192.0.2.1")) == PROXY


def test_the_entry_added_by_the_trusted_proxy_counts(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request(x_forwarded_for="192.0.2.1")) == "192.0.2.1"
    forged = request(x_forwarded_for="203.0.113.66, 192.0.2.1")
    assert client_address(forged) == "192.0.2.1"


def test_an_entry_that_is_no_address_is_not_taken(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    for junk in ("unknown", "\x00", "999.1.1.1", "1.2.3.4<script>", "a" * 1000):
        assert client_address(request(x_forwarded_for=junk)) == PROXY
    assert client_address(request(x_forwarded_for="2001:db8::7")) == "2001:db8::7"


def test_with_two_proxies_the_second_entry_from_the_right_counts(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 2
    header = "203.0.113.66, 192.0.2.1, 10.0.0.4"
    assert client_address(request(x_forwarded_for=header)) == "192.0.2.1"
    assert client_address(request(x_forwarded_for="192.0.2.1")) == PROXY


def test_sign_in_throttling_tells_users_behind_the_proxy_apart(settings, client, users):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    names = [user.username for user in users.values()]
    for name in names[:5]:
        client.post(
            "/login/",
            {"username": name, "password": "wrong"},
            REMOTE_ADDR=PROXY,
            headers={"x-forwarded-for": "192.0.2.1"},
        )
    other_client = client.post(
        "/login/",
        {"username": names[5], "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        headers={"x-forwarded-for": "192.0.2.2"},
    )
    assert other_client.status_code == 302
    client.logout()
    same_client = client.post(
        "/login/",
        {"username": names[6], "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        headers={"x-forwarded-for": "192.0.2.1"},
    )
    assert same_client.status_code == 429
