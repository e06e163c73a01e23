from planwatch.testing import PASSWORD


def sign_in(client, username: str, password: str, address: str):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_from_five_addresses_lock_the_username_everywhere(client, officer):
    for n in range(4):
        assert sign_in(client, officer.username, "wrong", f"198.51.100.{n + 1}").status_code == 200

    assert sign_in(client, officer.username, "wrong", "198.51.100.5").status_code == 429
    assert sign_in(client, officer.username, PASSWORD, "203.0.113.99").status_code == 429
    assert "_auth_user_id" not in client.session


def test_four_failures_spread_over_addresses_lock_nothing(client, officer):
    for n in range(4):
        sign_in(client, officer.username, "wrong", f"198.51.100.{n + 1}")

    assert sign_in(client, officer.username, PASSWORD, "203.0.113.99").status_code == 302
