import pytest

from planwatch.directory import actions
from planwatch.directory.resolver import Ambiguous, NotFound, resolve_person


def test_two_people_of_the_same_name_make_the_name_ambiguous(db):
    first = actions.do_create_person(None, name_en="Wang Wei", code="wang-wei-1")
    actions.do_create_person(None, name_en="Wang Wei", code="wang-wei-2")

    with pytest.raises(Ambiguous) as raised:
        resolve_person("wang wei")
    assert str(raised.value).endswith("Wang Wei; Wang Wei.")

    actions.do_add_alias(None, first, "Wang Wei (Changchun)", "en", "short")
    assert resolve_person("Wang Wei (Changchun)") == first


def test_an_unknown_name_is_not_found(db):
    with pytest.raises(NotFound, match="Li Si"):
        resolve_person("Li Si")
