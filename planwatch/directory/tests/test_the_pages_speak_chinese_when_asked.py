from planwatch.directory import actions


def test_switching_to_chinese_shows_chinese_names(client, officer, supervisor):
    zone = actions.do_create_organisation(
        supervisor,
        name_en="China–South Korea (Changchun) International Cooperation Demonstration Zone",
        name_zh="中韩（长春）国际合作示范区",
        kind="development_zone",
    )
    client.force_login(officer)
    english = client.get(f"/directory/organisations/{zone.pk}/").content.decode()

    switched = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/directory/"})
    chinese = client.get(f"/directory/organisations/{zone.pk}/").content.decode()

    assert '<html lang="en">' in english
    assert "<h1>China–South Korea (Changchun)" in english
    assert switched.status_code == 302
    assert client.cookies["django_language"].value == "zh-hans"
    assert '<html lang="zh-hans">' in chinese
    assert "<h1>中韩（长春）国际合作示范区" in chinese
    assert '<option value="zh-hans" selected>' in chinese


def test_a_record_without_a_chinese_name_falls_back_to_english(client, officer, supervisor):
    park = actions.do_create_organisation(supervisor, name_en="Beihu Science and Technology Park")
    client.force_login(officer)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})

    assert (
        "<h1>Beihu Science and Technology Park"
        in client.get(f"/directory/organisations/{park.pk}/").content.decode()
    )
