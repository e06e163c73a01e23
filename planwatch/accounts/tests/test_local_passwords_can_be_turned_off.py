from django.contrib.auth import get_user
from django.urls import reverse

from planwatch.testing import PASSWORD


def _sign_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": PASSWORD})


def test_with_local_passwords_on_the_password_signs_in(client, officer):
    response = _sign_in(client, officer)
    assert response.status_code == 302
    assert get_user(client).is_authenticated


def test_with_local_passwords_off_the_right_password_signs_in_nobody(client, settings, officer):
    settings.LOCAL_PASSWORDS = False
    page = client.get(reverse("login")).content.decode()
    assert 'name="password"' not in page
    response = _sign_in(client, officer)
    assert response.status_code == 200
    assert not get_user(client).is_authenticated


def test_the_sign_in_page_offers_single_sign_on_only_when_configured(client, settings):
    assert "/oidc/authenticate/" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    settings.OIDC_RP_CLIENT_ID = "planwatch"
    assert "/oidc/authenticate/" in client.get(reverse("login")).content.decode()
