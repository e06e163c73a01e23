"""Korean names are aliases like any other: the Hangul and its romanisation find the
record, however the Hangul was typed (spacing, decomposed jamo)."""

import unicodedata

import pytest

from planwatch.directory import actions
from planwatch.directory.models import Alias
from planwatch.directory.resolver import NotFound, resolve_organisation, resolve_person


@pytest.fixture
def government(db):
    return actions.do_create_organisation(
        None,
        name_en="Government of the Republic of Korea",
        name_ko="대한민국 정부",
        name_ko_romanised="Daehanminguk Jeongbu",
        kind="government",
    )


@pytest.mark.parametrize(
    "spelling",
    [
        "대한민국 정부",
        "대한민국정부",
        unicodedata.normalize("NFD", "대한민국 정부"),
        "Daehanminguk Jeongbu",
        "daehanminguk jeongbu",
    ],
)
def test_any_spelling_of_the_korean_name_finds_the_organisation(government, spelling):
    assert resolve_organisation(spelling) == government


def test_the_korean_names_are_official_korean_aliases(government):
    aliases = government.aliases.filter(language="ko")

    assert sorted(aliases.values_list("name", "kind")) == [
        ("Daehanminguk Jeongbu", Alias.Kind.OFFICIAL),
        ("대한민국 정부", Alias.Kind.OFFICIAL),
    ]


def test_a_hangul_alias_added_later_finds_the_organisation(government):
    actions.do_add_alias(None, government, "한국 정부", "ko", "short")

    assert resolve_organisation("한국정부") == government


def test_a_new_korean_name_of_an_edited_organisation_finds_it(db):
    park = actions.do_create_organisation(None, name_en="China–South Korea Food Park")
    with pytest.raises(NotFound):
        resolve_organisation("중한국제식품산업단지")

    actions.do_update_organisation(None, park, park.version, name_ko="중한국제식품산업단지")

    assert resolve_organisation("중한국제식품산업단지") == park


def test_a_persons_hangul_name_finds_the_person(db):
    person = actions.do_create_person(None, name_en="Jing Junhai", name_ko="징쥔하이")

    assert resolve_person("징쥔하이") == person
