from planwatch.intake.link import link

GOVERNMENT = "Jilin Provincial People's Government"
PARTY = "Jilin Provincial Party Committee"


def _posts(text, gazetteer, name):
    person = next(p for p in link([text], gazetteer).people if p["name"] == name)
    return {(p["title"], p["organisation"], p["acting"]) for p in person["posts"]}


def test_two_posts_after_the_name_with_the_acting_flag(gazetteer):
    text = (
        "Jing Junhai, Deputy Secretary of the Provincial Party Committee and Acting Governor, "
        "inspected the parks."
    )
    assert _posts(text, gazetteer, "Jing Junhai") == {
        ("Deputy Secretary", PARTY, False),
        ("Governor", GOVERNMENT, True),
    }


def test_a_title_before_the_name(gazetteer):
    assert _posts("Governor Jing Junhai attended.", gazetteer, "Jing Junhai") == {
        ("Governor", GOVERNMENT, False)
    }


def test_chinese_posts_before_the_name(gazetteer):
    assert _posts("省委副书记、省长景俊海出席会议。", gazetteer, "Jing Junhai") == {
        ("Deputy Secretary", PARTY, False),
        ("Governor", GOVERNMENT, False),
    }


def test_a_chinese_acting_governor(gazetteer):
    assert _posts("代省长韩俊到示范区调研。", gazetteer, "Han Jun") == {
        ("Governor", GOVERNMENT, True)
    }


def test_posts_of_the_next_person_are_not_taken(gazetteer):
    text = "省委书记巴音朝鲁，省委副书记、省长景俊海共同揭牌。"
    assert _posts(text, gazetteer, "Bayin Chaolu") == {("Secretary", PARTY, False)}


def test_a_title_composed_with_an_organisation(gazetteer):
    text = "Mayor of Changchun Zhang Zhijun introduced the plan."
    assert _posts(text, gazetteer, "Zhang Zhijun") == {
        ("Mayor", "Changchun Municipal People's Government", False)
    }


def test_a_name_without_a_post_gets_none(gazetteer):
    assert _posts("Bayin Chaolu and Wang Kai attended.", gazetteer, "Wang Kai") == set()
