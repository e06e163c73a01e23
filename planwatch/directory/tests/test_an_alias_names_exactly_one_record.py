import pytest
from django.db import IntegrityError, transaction

from planwatch.directory.models import Alias, Organisation, Person


@pytest.fixture
def zone(db) -> Organisation:
    return Organisation.objects.create(name_en="Demonstration Zone", kind="development_zone")


@pytest.fixture
def person(db) -> Person:
    return Person.objects.create(name_en="Jing Junhai")


def test_an_alias_of_one_organisation_is_stored(zone):
    alias = Alias.objects.create(name="示范区", language="zh-hans", organisation=zone)
    assert alias.owner == zone


def test_an_alias_of_no_record_is_refused(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(name="Nobody's name", language="en")


def test_an_alias_of_two_records_is_refused(zone, person):
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(name="Both", language="en", organisation=zone, person=person)
    assert not Alias.objects.filter(name="Both").exists()
