import pytest

from planwatch.directory import actions
from planwatch.testing import ROLES


@pytest.fixture
def person(supervisor):
    return actions.do_create_person(supervisor, "from a news report", name_en="Wang Zhihou")


@pytest.mark.parametrize("role", ROLES)
def test_everyone_who_may_view_a_person_sees_its_history(client, users, person, role):
    client.force_login(users[(role, "b")])

    response = client.get(f"/audit/directory.person/{person.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "History of Wang Zhihou" in page
    assert "from a news report" in page


def test_the_history_of_an_unknown_or_foreign_record_is_not_found(client, auditor, person):
    client.force_login(auditor)

    assert client.get("/audit/directory.person/999999/").status_code == 404
    assert client.get("/audit/directory.nothing/1/").status_code == 404
    assert client.get(f"/audit/auth.group/{person.pk}/").status_code == 404


def test_an_anonymous_user_sees_no_history(client, person):
    response = client.get(f"/audit/directory.person/{person.pk}/")

    assert response.status_code == 302
