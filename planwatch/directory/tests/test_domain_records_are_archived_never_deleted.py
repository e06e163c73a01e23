import pytest

from planwatch.directory.models import Organisation, Person
from planwatch.lib.models import ArchiveInstead


@pytest.fixture
def ndrc(db) -> Organisation:
    return Organisation.objects.create(name_en="NDRC", kind="department")


def test_deleting_one_record_raises_archive_instead(ndrc):
    with pytest.raises(ArchiveInstead):
        ndrc.delete()
    assert Organisation.objects.filter(pk=ndrc.pk).exists()


def test_deleting_a_queryset_raises_archive_instead(ndrc):
    Person.objects.create(name_en="Han Jun")
    with pytest.raises(ArchiveInstead):
        Organisation.objects.all().delete()
    with pytest.raises(ArchiveInstead):
        Person.objects.filter(name_en="Han Jun").delete()
    assert Organisation.objects.count() == 1
    assert Person.objects.count() == 1
