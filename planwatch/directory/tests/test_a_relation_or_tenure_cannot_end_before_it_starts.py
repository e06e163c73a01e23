import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from planwatch.directory.models import Organisation, Person, Post, Relation, Tenure

EARLY, LATE = dt.date(2020, 6, 29), dt.date(2018, 1, 16)


@pytest.fixture
def world(db) -> dict:
    government = Organisation.objects.create(name_en="Jilin Provincial Government")
    zone = Organisation.objects.create(name_en="Zone Management Committee")
    post = Post.objects.create(organisation=government, title_en="Governor")
    return {
        "government": government,
        "zone": zone,
        "post": post,
        "person": Person.objects.create(name_en="Jing Junhai"),
    }


def test_a_relation_ending_before_it_starts_is_refused(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Relation.objects.create(
            source=world["zone"],
            kind="dispatched_agency_of",
            target=world["government"],
            start_date=EARLY,
            end_date=LATE,
        )


def test_a_tenure_ending_before_it_starts_is_refused(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Tenure.objects.create(
            person=world["person"],
            post=world["post"],
            start_date=EARLY,
            end_date=LATE,
            source="test",
        )


def test_a_tenure_without_any_date_is_refused(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Tenure.objects.create(person=world["person"], post=world["post"], source="test")


def test_a_tenure_ending_on_its_first_day_is_stored(world):
    Tenure.objects.create(
        person=world["person"], post=world["post"], start_date=LATE, end_date=LATE, source="t"
    )
    assert Tenure.objects.count() == 1
