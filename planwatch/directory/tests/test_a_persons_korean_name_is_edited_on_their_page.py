"""A supervisor edits a person's names, Korean included, on the person's page; the change
is audited and the new Hangul name finds the person. Others see no edit button and are
refused; a stale edit is refused instead of overwriting."""

from planwatch.audit.models import AuditEvent
from planwatch.directory import actions
from planwatch.directory.resolver import resolve_person


def names(person, version: int, **changes) -> dict:
    return {
        "name_en": person.name_en,
        "name_zh": person.name_zh,
        "version": version,
        "reason": "Korean name",
        **changes,
    }


def test_a_supervisor_adds_the_korean_name(client, supervisor):
    person = actions.do_create_person(None, name_en="Han Jun", name_zh="韩俊")
    client.force_login(supervisor)

    page = client.get(f"/directory/people/{person.pk}/").content.decode()
    response = client.post(
        f"/directory/people/{person.pk}/edit/", names(person, person.version, name_ko="한쥔")
    )

    person.refresh_from_db()
    assert f'href="/directory/people/{person.pk}/edit/"' in page
    assert response.status_code == 302
    assert person.name_ko == "한쥔"
    assert resolve_person("한쥔") == person
    change = AuditEvent.objects.filter(action="changed", object_id=str(person.pk)).get()
    assert change.changes["name_ko"] == ["", "한쥔"] and change.reason == "Korean name"


def test_an_officer_neither_sees_nor_may_use_the_edit_page(client, officer):
    person = actions.do_create_person(None, name_en="Han Jun")
    client.force_login(officer)

    page = client.get(f"/directory/people/{person.pk}/").content.decode()
    response = client.post(
        f"/directory/people/{person.pk}/edit/", names(person, person.version, name_ko="한쥔")
    )

    person.refresh_from_db()
    assert "/edit/" not in page
    assert response.status_code == 403
    assert person.name_ko == ""


def test_a_stale_edit_is_refused_and_saves_nothing(client, supervisor):
    person = actions.do_create_person(None, name_en="Han Jun")
    seen = person.version
    actions.do_update_person(None, person, seen, name_zh="韩俊")
    client.force_login(supervisor)

    response = client.post(
        f"/directory/people/{person.pk}/edit/", names(person, seen, name_zh="", name_ko="한쥔")
    )

    person.refresh_from_db()
    assert response.status_code == 200
    assert "Someone else saved this person" in response.content.decode()
    assert (person.name_zh, person.name_ko) == ("韩俊", "")


def test_a_person_left_without_any_name_is_refused_at_the_name_field(client, supervisor):
    person = actions.do_create_person(None, name_en="Han Jun")
    client.force_login(supervisor)

    response = client.post(
        f"/directory/people/{person.pk}/edit/",
        names(person, person.version, name_en=" ", name_zh=""),
    )

    person.refresh_from_db()
    assert response.status_code == 200
    assert response.context["form"].errors["name_en"] == [
        "Give the person a name in English, Chinese or Korean."
    ]
    assert person.name_en == "Han Jun"
