from django.urls import reverse

from planwatch.accounts.models_tokens import ApiToken
from planwatch.accounts.tests.helpers_tokens import bearer, make_token
from planwatch.directory.models import Organisation


def test_a_read_token_of_a_supervisor_reads_but_cannot_create(client, supervisor):
    _token, raw = make_token(supervisor, scope=ApiToken.Scope.READ)
    assert client.get(reverse("api-1:list_organisations"), headers=bearer(raw)).status_code == 200
    response = client.post(
        reverse("api-1:create_organisation"),
        {"name_en": "Not made"},
        content_type="application/json",
        headers=bearer(raw),
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "This API token may only read; it cannot change."}
    assert not Organisation.objects.filter(name_en="Not made").exists()


def test_a_write_token_of_an_officer_has_only_the_officers_permissions(client, officer):
    _token, raw = make_token(officer)
    response = client.post(
        reverse("api-1:create_organisation"),
        {"name_en": "Not made"},
        content_type="application/json",
        headers=bearer(raw),
    )
    assert response.status_code == 403
    assert not Organisation.objects.filter(name_en="Not made").exists()
