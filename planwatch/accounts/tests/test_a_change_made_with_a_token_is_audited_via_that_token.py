from django.urls import reverse

from planwatch.accounts.tests.helpers_tokens import bearer, make_token
from planwatch.audit.models import AuditEvent
from planwatch.audit.queries import filter_events
from planwatch.directory.models import Organisation


def test_the_event_names_the_user_and_the_token(client, supervisor):
    token, raw = make_token(supervisor, name="land registry")
    response = client.post(
        reverse("api-1:create_organisation"),
        {"name_en": "Made by a system"},
        content_type="application/json",
        headers=bearer(raw),
    )
    assert response.status_code == 201, response.content
    organisation = Organisation.objects.get(name_en="Made by a system")
    event = AuditEvent.objects.get(object_id=str(organisation.pk), action="created")
    assert event.actor == supervisor
    assert event.actor_name == f"{supervisor.username} via token {token.prefix} «land registry»"
    assert event in filter_events(AuditEvent.objects.all(), actor=supervisor.username)


def test_the_next_request_with_a_session_is_audited_without_a_token(client, supervisor):
    _token, raw = make_token(supervisor)
    client.post(
        reverse("api-1:create_organisation"),
        {"name_en": "By token"},
        content_type="application/json",
        headers=bearer(raw),
    )
    client.force_login(supervisor)
    response = client.post(
        reverse("api-1:create_organisation"),
        {"name_en": "By session"},
        content_type="application/json",
    )
    assert response.status_code == 201
    organisation = Organisation.objects.get(name_en="By session")
    event = AuditEvent.objects.get(object_id=str(organisation.pk), action="created")
    assert event.actor_name == supervisor.username
