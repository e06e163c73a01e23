import pytest

from planwatch.directory.models import Organisation
from planwatch.testing import ROLES

API = "/api/directory/organisations"


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_create_organisations_through_the_api(client, users, role):
    client.force_login(users[(role, "a")])

    response = client.post(API, {"name_en": "Food Park"}, content_type="application/json")

    may = role in ("administrator", "supervisor")
    assert response.status_code == (201 if may else 403)
    assert Organisation.objects.filter(name_en="Food Park").exists() == may


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_user_reads_the_directory(client, users, unit_b, role):
    client.force_login(users[(role, "a")])

    listed = client.get(API).json()
    one = client.get(f"{API}/{unit_b.pk}")

    assert {o["name_en"] for o in listed} == {"Unit A Bureau", "Unit B Bureau"}
    assert one.status_code == 200


def test_the_api_refuses_an_anonymous_caller(client, unit_a):
    assert client.get(API).status_code == 401
    assert client.post(API, {"name_en": "X"}, content_type="application/json").status_code == 401
    assert Organisation.objects.count() == 1
