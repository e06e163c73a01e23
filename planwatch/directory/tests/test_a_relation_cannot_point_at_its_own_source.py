import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from planwatch.directory import actions
from planwatch.directory.models import Organisation, Relation


@pytest.fixture
def ndrc(db) -> Organisation:
    return Organisation.objects.create(name_en="NDRC", kind="department")


def test_the_database_refuses_a_relation_to_itself(ndrc):
    with pytest.raises(IntegrityError), transaction.atomic():
        Relation.objects.create(source=ndrc, kind="supervises", target=ndrc)


def test_the_action_refuses_a_relation_to_itself_before_saving(ndrc):
    with pytest.raises(ValidationError):
        actions.do_add_relation(None, source=ndrc, kind="supervises", target=ndrc)
    assert Relation.objects.count() == 0
