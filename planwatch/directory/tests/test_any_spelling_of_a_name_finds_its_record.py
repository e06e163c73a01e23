"""The resolver is blind to case, width, dashes and spaces."""

import pytest

from planwatch.directory import actions
from planwatch.directory.resolver import resolve_organisation
from planwatch.lib.text import normalise_name

SPELLINGS = [
    "China–ROK (Changchun) Zone",
    "china-rok (changchun) zone",
    "CHINA—ROK(CHANGCHUN)ZONE",
    "China − ROK  (Changchun)\u00a0Zone",
    "Ｃｈｉｎａ－ＲＯＫ（Ｃｈａｎｇｃｈｕｎ）Ｚｏｎｅ",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_has_the_same_key(spelling):
    assert normalise_name(spelling) == "china-rok(changchun)zone"


def test_a_different_name_has_a_different_key():
    assert normalise_name("China-ROK (Changchun) Zone") != normalise_name("China-ROK Zone")


def test_every_spelling_finds_the_organisation(db):
    zone = actions.do_create_organisation(None, name_en="China-ROK (Changchun) Zone")
    for spelling in SPELLINGS:
        assert resolve_organisation(spelling) == zone, spelling
