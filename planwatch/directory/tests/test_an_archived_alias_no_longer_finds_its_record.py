import pytest

from planwatch.directory.actions import do_add_alias, do_archive
from planwatch.directory.models import Organisation, Person
from planwatch.directory.resolver import NotFound, resolve_organisation, resolve_person


@pytest.fixture
def zone(db) -> Organisation:
    return Organisation.objects.create(name_en="Demonstration Zone", kind="development_zone")


def test_an_archived_alias_no_longer_finds_its_organisation(zone):
    alias = do_add_alias(None, zone, "Old Zone Office", "en", "official")
    assert resolve_organisation("old zone office") == zone

    do_archive(None, alias, "The name was wrong.")

    with pytest.raises(NotFound):
        resolve_organisation("Old Zone Office")


def test_an_archived_misspelling_no_longer_finds_its_person(db):
    person = Person.objects.create(name_en="Jing Junhai")
    alias = do_add_alias(None, person, "Jing Junhay", "en", "misspelling")
    assert resolve_person("Jing Junhay") == person

    do_archive(None, alias)

    with pytest.raises(NotFound):
        resolve_person("Jing Junhay")
