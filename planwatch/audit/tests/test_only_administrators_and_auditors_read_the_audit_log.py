import pytest

from planwatch.testing import ROLES

READERS = {"administrator", "auditor"}


@pytest.mark.parametrize("role", ROLES)
def test_the_audit_log_page_and_api_answer_readers_only(client, users, role):
    client.force_login(users[(role, "a")])

    page = client.get("/audit/")
    api = client.get("/api/audit/events")

    expected = 200 if role in READERS else 403
    assert (page.status_code, api.status_code) == (expected, expected)


@pytest.mark.parametrize("role", ROLES)
def test_the_audit_log_link_is_shown_to_readers_only(client, users, role):
    client.force_login(users[(role, "a")])

    assert ('href="/audit/"' in client.get("/").content.decode()) == (role in READERS)
