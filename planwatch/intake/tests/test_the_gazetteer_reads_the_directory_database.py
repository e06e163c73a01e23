import pytest

from planwatch.directory.demo import load_directory
from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.link import link


@pytest.mark.django_db
def test_the_database_gives_the_same_names_as_the_demo_world():
    load_directory()
    world = Gazetteer.from_world()
    database = Gazetteer.from_database()
    assert {o.canonical for o in database.organisations.values()} == {
        o.canonical for o in world.organisations.values()
    }
    assert {p.canonical for p in database.people.values()} == {
        p.canonical for p in world.people.values()
    }
    assert {(p.title_en, database.org_name(p.organisation)) for p in database.posts.values()} == {
        (p.title_en, world.org_name(p.organisation)) for p in world.posts.values()
    }


@pytest.mark.django_db
def test_a_text_is_linked_with_the_database_gazetteer():
    load_directory()
    result = link(["省委副书记、代省长景俊海到长春新区调研。"], Gazetteer.from_database())
    assert result.people[0]["name"] == "Jing Junhai"
    assert {(p["title"], p["acting"]) for p in result.people[0]["posts"]} == {
        ("Deputy Secretary", False),
        ("Governor", True),
    }
