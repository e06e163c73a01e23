import pytest

from planwatch.audit.models import AuditEvent
from planwatch.directory.models import Organisation

API = "/api/directory/organisations"


def saved() -> tuple[int, int]:
    return Organisation.objects.count(), AuditEvent.objects.count()


def test_the_form_without_any_name_says_so_at_the_name_field(client, supervisor):
    client.force_login(supervisor)
    before = saved()

    response = client.post(
        "/directory/organisations/new/", {"name_en": " ", "name_zh": "", "kind": "park"}
    )

    assert response.status_code == 200
    form = response.context["form"]
    message = "Give the organisation a name in English, Chinese or Korean."
    assert form.errors["name_en"] == [message]
    assert message in response.content.decode()
    assert saved() == before


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "park"}, "name_en"),
        ({"name_en": "", "name_zh": ""}, "name_en"),
        ({"name_en": "Food Park", "kind": "bazaar"}, "kind"),
        ({"name_en": "Food Park", "code": "not a slug!"}, "code"),
    ],
)
def test_the_api_refuses_bad_input_with_422_naming_the_field(client, supervisor, payload, field):
    client.force_login(supervisor)
    before = saved()

    response = client.post(API, payload, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"{field}: ")
    assert saved() == before


def test_the_api_refuses_a_name_of_the_wrong_type(client, supervisor):
    client.force_login(supervisor)
    before = saved()

    response = client.post(API, {"name_en": ["a", "list"]}, content_type="application/json")

    assert response.status_code == 422
    assert "name_en" in str(response.json()["detail"])
    assert saved() == before
