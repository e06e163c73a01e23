"""A Korean reader sees organisations and people by their Hangul names, with the others
beside them; a record without one falls back to English."""

from planwatch.directory import actions


def test_the_organisation_pages_show_the_hangul_name(client, officer, supervisor):
    government = actions.do_create_organisation(
        supervisor,
        name_en="Government of the Republic of Korea",
        name_zh="大韩民国政府",
        name_ko="대한민국 정부",
        name_ko_romanised="Daehanminguk Jeongbu",
        kind="government",
    )
    park = actions.do_create_organisation(supervisor, name_en="Beihu Science and Technology Park")
    client.force_login(officer)
    client.cookies["django_language"] = "ko"

    detail = client.get(f"/directory/organisations/{government.pk}/").content.decode()
    listed = client.get("/directory/organisations/").content.decode()
    fallback = client.get(f"/directory/organisations/{park.pk}/").content.decode()

    assert '<html lang="ko">' in detail
    assert "<h1>대한민국 정부" in detail
    assert "대한민국 정부 (Daehanminguk Jeongbu)" in detail
    assert ">대한민국 정부</a>" in listed
    assert "Government of the Republic of Korea · 大韩民国政府" in listed
    assert "<h1>Beihu Science and Technology Park" in fallback


def test_the_people_pages_show_the_hangul_name(client, officer, supervisor):
    person = actions.do_create_person(
        supervisor, name_en="Jing Junhai", name_zh="景俊海", name_ko="징쥔하이"
    )
    client.force_login(officer)
    client.cookies["django_language"] = "ko"

    detail = client.get(f"/directory/people/{person.pk}/").content.decode()
    listed = client.get("/directory/people/?q=징쥔하이").content.decode()

    assert "<h1>징쥔하이" in detail
    assert ">징쥔하이</a>" in listed and "Jing Junhai · 景俊海" in listed
