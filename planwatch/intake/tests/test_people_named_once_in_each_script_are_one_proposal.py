from planwatch.intake.pipeline import intake_text

TEXT = """示范区与韩国企业座谈 Zone meets Korean companies
发布日期：2026-10-12
10月11日，示范区管委会主任刘景波与韩资企业代表座谈。
On October 11, Liu Jingbo, Director of the Zone Management Committee, met Korean companies.
The project follows the instructions of General Secretary Xi Jinping on Northeast China.
Deputy Mayor Sun Yanbo and Park Ji-hoon, Director of KOTRA Dalian, attended.
"""


def _people(gazetteer):
    return {p["name"]: p for p in intake_text(TEXT, gazetteer)["people"]}


def test_a_name_in_two_scripts_is_one_person(gazetteer):
    liu = _people(gazetteer)["Liu Jingbo"]
    assert liu["mentions"] == ["刘景波", "Liu Jingbo"]
    assert {p["title"] for p in liu["posts"]} == {"Director", "主任"}


def test_unknown_people_keep_the_post_they_are_named_with(gazetteer):
    people = _people(gazetteer)
    assert people["Sun Yanbo"]["posts"][0]["title"] == "Deputy Mayor"
    assert people["Park Ji-hoon"]["posts"][0]["organisation"] == "KOTRA Dalian"


def test_a_national_leader_named_by_honorific_has_no_post(gazetteer):
    people = _people(gazetteer)
    assert people["Xi Jinping"]["posts"] == []
    assert not any("Xi Jinping" in w for w in intake_text(TEXT, gazetteer)["warnings"])
