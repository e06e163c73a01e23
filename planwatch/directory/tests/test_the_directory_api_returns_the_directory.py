import pytest

from planwatch.directory.models import Organisation, Person

WHO = "/api/directory/who"


@pytest.fixture
def reader(client, demo_world):
    from planwatch.accounts.models import User

    client.force_login(User.objects.get(username="officer"))
    return client


def test_the_directory_api_answers_who_held_what(reader):
    zone = Organisation.objects.get(code="zone")
    jing = Person.objects.get(code="jing-junhai")

    found = reader.get("/api/directory/organisations", {"q": "China-Korea (Changchun)"}).json()
    detail = reader.get(f"/api/directory/organisations/{zone.pk}").json()
    timeline = reader.get(f"/api/directory/people/{jing.pk}/timeline").json()
    who = reader.get(WHO, {"post": "Governor of Jilin", "on": "2018-06-01"}).json()
    posts = reader.get("/api/directory/posts", {"person": "Jingjunhai", "on": "2021-03-01"}).json()

    assert [o["id"] for o in found] == [zone.pk]
    assert detail["name_zh"] == "中韩（长春）国际合作示范区"
    assert "中韩示范区" in {a["name"] for a in detail["aliases"]}
    assert {r["kind"] for r in detail["relations_in"]} >= {"supervises", "guides", "located_in"}
    assert [(h["post"], h["acting"]) for h in timeline] == [
        ("Deputy Secretary", False),
        ("Governor", True),
    ]
    assert [(h["person"], h["acting"], h["basis"]) for h in who] == [
        ("Jing Junhai", True, "reported")
    ]
    assert [(h["post"], h["basis"]) for h in posts] == [("Deputy Secretary", "presumed")]


def test_the_api_says_what_was_wrong_with_a_question(reader):
    unknown = reader.get(WHO, {"post": "Emperor of Jilin", "on": "2018-06-01"})
    bad_day = reader.get(WHO, {"post": "Governor of Jilin", "on": "June 2018"})

    assert unknown.status_code == 404
    assert "No post is known as 'Emperor of Jilin'" in unknown.json()["detail"]
    assert bad_day.status_code == 422
    assert "use YYYY-MM-DD" in bad_day.json()["detail"]
