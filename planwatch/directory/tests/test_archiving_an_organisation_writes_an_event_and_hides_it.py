import pytest

from planwatch.audit.models import AuditEvent
from planwatch.directory import actions
from planwatch.directory.models import Organisation
from planwatch.directory.queries import organisations_visible_to
from planwatch.directory.resolver import NotFound, resolve_organisation


@pytest.fixture
def park(supervisor) -> Organisation:
    return actions.do_create_organisation(
        supervisor, name_en="Beihu Science and Technology Park", kind="park"
    )


def test_archiving_writes_an_audit_event_with_the_reason(supervisor, park):
    actions.do_archive(supervisor, park, "merged into Changchun New Area")

    event = AuditEvent.objects.get(action="archived", object_id=str(park.pk))
    assert event.actor == supervisor
    assert event.reason == "merged into Changchun New Area"
    assert event.changes["archived_at"][0] is None
    assert event.changes["archived_at"][1]


def test_an_archived_organisation_leaves_lists_and_look_ups(supervisor, park):
    assert resolve_organisation("Beihu Science and Technology Park") == park

    actions.do_archive(supervisor, park, "merged")

    assert park not in organisations_visible_to(supervisor)
    with pytest.raises(NotFound):
        resolve_organisation("Beihu Science and Technology Park")
    assert Organisation.objects.get(pk=park.pk).is_archived


def test_an_archived_organisation_is_gone_from_its_pages(client, supervisor, park):
    client.force_login(supervisor)
    response = client.post(f"/directory/organisations/{park.pk}/archive/", {"reason": "merged"})
    assert response.status_code == 302
    assert park.name_en not in client.get("/directory/organisations/").content.decode()
    assert client.get(f"/directory/organisations/{park.pk}/").status_code == 404
    assert client.get(f"/api/directory/organisations/{park.pk}").status_code == 404
