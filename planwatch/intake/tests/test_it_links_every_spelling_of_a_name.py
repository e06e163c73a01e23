from planwatch.intake.gazetteer import Gazetteer, Person
from planwatch.intake.link import link


def test_run_together_hyphenated_and_chinese_spellings_are_one_person(gazetteer):
    result = link(["Jingjunhai met Jing Jun-hai's team; 景俊海 attended."], gazetteer)
    assert [(p["name"], p["mentions"]) for p in result.people] == [
        ("Jing Junhai", ["Jingjunhai", "Jing Jun-hai", "景俊海"])
    ]


def test_a_misspelling_is_linked_and_proposed_as_an_alias(gazetteer):
    result = link(["Governor Jing Junhia visited the zone."], gazetteer)
    assert result.people[0]["name"] == "Jing Junhai"
    assert any("new alias 'Jing Junhia'" in w for w in result.warnings)


def test_a_chinese_name_is_found_through_pinyin_when_the_directory_lacks_it(gazetteer):
    people = dict(gazetteer.people)
    people["han-jun"] = Person("han-jun", "Han Jun", "")
    bare = Gazetteer(gazetteer.organisations, people, gazetteer.posts, gazetteer.tenures)
    result = link(["代省长韩俊到示范区调研。"], bare)
    assert [p["name"] for p in result.people] == ["Han Jun"]
    assert any("same pinyin" in w for w in result.warnings)


def test_organisations_are_found_by_alias_whatever_the_case_and_spacing(gazetteer):
    result = link(["The NDRC and the national development and reform  commission met."], gazetteer)
    assert result.organisations == [
        {
            "name": "National Development and Reform Commission",
            "mentions": ["The NDRC", "national development and reform  commission"],
        }
    ]


def test_an_unknown_person_after_a_post_is_proposed(gazetteer):
    result = link(["Vice Governor Li Wei attended the meeting."], gazetteer)
    assert result.people == []
    assert any("new person 'Li Wei'" in w for w in result.warnings)
