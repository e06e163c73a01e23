import datetime as dt

import pytest
from django.utils import timezone

from planwatch.audit.models import AuditEvent
from planwatch.directory import actions


@pytest.fixture
def events(supervisor, users):
    other = users[("administrator", "a")]
    ndrc = actions.do_create_organisation(supervisor, name_en="NDRC Alpha")
    actions.do_create_person(other, name_en="Person Beta")
    actions.do_archive(other, ndrc, "gone")
    old = AuditEvent.objects.get(action="archived")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.make_aware(dt.datetime(2019, 5, 1)))


def shown(client, query: str) -> set[str]:
    response = client.get(f"/audit/{query}")
    assert response.status_code == 200
    return {(e.actor_name, e.action, e.object_repr) for e in response.context["page"]}


def test_the_log_filters_by_actor_model_action_and_date(client, auditor, supervisor, events):
    client.force_login(auditor)
    admin_name = "administrator-unit-a"

    assert {a for a, _, _ in shown(client, f"?actor={supervisor.username}")} == {
        supervisor.username
    }
    assert {r for _, _, r in shown(client, "?model=directory.person")} == {"Person Beta"}
    assert shown(client, "?action=archived") == {(admin_name, "archived", "NDRC Alpha")}
    assert shown(client, "?until=2019-12-31") == {(admin_name, "archived", "NDRC Alpha")}
    since = shown(client, f"?since={timezone.localdate().isoformat()}")
    assert (admin_name, "archived", "NDRC Alpha") not in since
    assert ("administrator-unit-a", "created", "Person Beta") in since


def test_malformed_dates_are_refused_with_a_clear_message(client, auditor, events):
    client.force_login(auditor)

    response = client.get("/audit/?since=2020-13-01&until=yesterday")

    assert response.status_code == 200
    page = response.content.decode()
    assert "From: &#x27;2020-13-01&#x27; is not a date; use YYYY-MM-DD" in page
    assert "Until: &#x27;yesterday&#x27; is not a date; use YYYY-MM-DD" in page
