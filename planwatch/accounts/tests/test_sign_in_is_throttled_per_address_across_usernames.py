from planwatch.testing import PASSWORD


def sign_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_failures_for_five_usernames_lock_the_address(client, users):
    names = [user.username for user in users.values()]
    for name in names[:4]:
        assert sign_in(client, name, "wrong").status_code == 200

    assert sign_in(client, names[4], "wrong").status_code == 429
    locked_out = sign_in(client, names[5], PASSWORD)
    assert locked_out.status_code == 429
    assert "_auth_user_id" not in client.session

    assert sign_in(client, names[5], PASSWORD, address="198.51.100.2").status_code == 302
