from django.conf import settings

from planwatch.testing import PASSWORD


def sign_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_lock_the_username_from_that_address(client, officer):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = sign_in(client, officer.username, "wrong")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    locked = sign_in(client, officer.username, "wrong")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()

    right_password = sign_in(client, officer.username, PASSWORD)
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lock_does_not_reach_another_user_at_another_address(client, officer, supervisor):
    for _ in range(5):
        sign_in(client, officer.username, "wrong")

    assert sign_in(client, supervisor.username, PASSWORD, address="198.51.100.2").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, officer):
    for _ in range(4):
        sign_in(client, officer.username, "wrong")
    assert sign_in(client, officer.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        assert sign_in(client, officer.username, "wrong").status_code == 200
