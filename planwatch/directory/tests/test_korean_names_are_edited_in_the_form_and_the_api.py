"""The organisation form and the API take the Korean name and its romanisation, audit
them, and refuse a romanisation without the Hangul it spells, naming the field."""

from planwatch.audit.models import AuditEvent
from planwatch.directory import actions
from planwatch.directory.models import Organisation

API = "/api/directory/organisations"


def saved() -> tuple[int, int]:
    return Organisation.objects.count(), AuditEvent.objects.count()


def test_the_form_saves_and_audits_the_korean_names(client, supervisor):
    park = actions.do_create_organisation(supervisor, name_en="Food Park", kind="park")
    client.force_login(supervisor)

    response = client.post(
        f"/directory/organisations/{park.pk}/edit/",
        {
            "name_en": "Food Park",
            "name_ko": "식품산업단지",
            "name_ko_romanised": "Sikpum Saneop Danji",
            "kind": "park",
            "version": park.version,
            "reason": "Korean name",
        },
    )

    park.refresh_from_db()
    assert response.status_code == 302
    assert (park.name_ko, park.name_ko_romanised) == ("식품산업단지", "Sikpum Saneop Danji")
    change = AuditEvent.objects.filter(action="changed", object_id=str(park.pk)).last()
    assert change.changes["name_ko"] == ["", "식품산업단지"]


def test_the_form_refuses_a_romanisation_alone(client, supervisor):
    client.force_login(supervisor)
    client.cookies["django_language"] = "ko"
    before = saved()

    response = client.post(
        "/directory/organisations/new/",
        {"name_en": "Food Park", "name_ko_romanised": "Sikpum Danji", "kind": "park"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["name_ko_romanised"] == [
        "로마자 표기에는 그것이 나타내는 한국어 이름이 있어야 합니다."
    ]
    assert saved() == before


def test_the_form_accepts_an_organisation_named_only_in_korean(client, supervisor):
    client.force_login(supervisor)

    response = client.post("/directory/organisations/new/", {"name_ko": "코트라", "kind": "agency"})

    assert response.status_code == 302
    assert Organisation.objects.get(name_ko="코트라").name_en == ""


def test_the_api_creates_and_returns_the_korean_names(client, supervisor):
    client.force_login(supervisor)

    response = client.post(
        API,
        {
            "name_en": "Government of the Republic of Korea",
            "name_ko": "대한민국 정부",
            "name_ko_romanised": "Daehanminguk Jeongbu",
            "kind": "government",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["name_ko"], body["name_ko_romanised"]) == ("대한민국 정부", "Daehanminguk Jeongbu")
    listed = client.get(API, {"q": "대한민국 정부"}).json()
    assert [o["id"] for o in listed] == [body["id"]]


def test_the_api_refuses_a_romanisation_alone_naming_the_field(client, supervisor):
    client.force_login(supervisor)
    before = saved()

    response = client.post(
        API,
        {"name_en": "Food Park", "name_ko_romanised": "Sikpum Danji"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"].startswith("name_ko_romanised: ")
    assert saved() == before


def test_the_api_refuses_a_korean_name_over_the_length_limit(client, supervisor):
    client.force_login(supervisor)
    before = saved()

    response = client.post(
        API, {"name_en": "Food Park", "name_ko": "가" * 301}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["detail"].startswith("name_ko: ")
    assert saved() == before


def test_the_api_changes_the_korean_names_of_an_organisation_and_a_person(client, supervisor):
    park = actions.do_create_organisation(None, name_en="Food Park", kind="park")
    person = actions.do_create_person(None, name_en="Han Jun")
    client.force_login(supervisor)

    organisation = client.post(
        f"{API}/{park.pk}",
        {"version": park.version, "name_ko": "식품산업단지", "reason": "Korean name"},
        content_type="application/json",
    )
    changed = client.post(
        f"/api/directory/people/{person.pk}",
        {"version": person.version, "name_ko": "한쥔"},
        content_type="application/json",
    )
    read = client.get(f"/api/directory/people/{person.pk}").json()

    assert organisation.status_code == 200
    assert organisation.json()["name_ko"] == "식품산업단지"
    assert organisation.json()["name_en"] == "Food Park"
    assert changed.status_code == 200
    assert (read["name_en"], read["name_ko"]) == ("Han Jun", "한쥔")
    assert AuditEvent.objects.filter(action="changed", object_id=str(person.pk)).count() == 1


def test_the_api_refuses_a_stale_version_and_saves_nothing(client, supervisor):
    person = actions.do_create_person(None, name_en="Han Jun")
    seen = person.version
    actions.do_update_person(None, person, seen, name_zh="韩俊")
    client.force_login(supervisor)

    response = client.post(
        f"/api/directory/people/{person.pk}",
        {"version": seen, "name_ko": "한쥔"},
        content_type="application/json",
    )

    person.refresh_from_db()
    assert response.status_code == 409
    assert person.name_ko == ""


def test_an_officer_may_not_change_a_person_through_the_api(client, officer):
    person = actions.do_create_person(None, name_en="Han Jun")
    client.force_login(officer)

    response = client.post(
        f"/api/directory/people/{person.pk}",
        {"version": person.version, "name_ko": "한쥔"},
        content_type="application/json",
    )

    person.refresh_from_db()
    assert response.status_code == 403
    assert person.name_ko == ""


def test_the_api_refuses_a_nul_character_in_a_name_naming_the_field(client, supervisor):
    client.force_login(supervisor)
    before = saved()

    response = client.post(
        API, {"name_en": "Food Park", "name_ko": "식품\x00단지"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["detail"].startswith("name_ko: ")
    assert saved() == before
