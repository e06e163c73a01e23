"""The demo world holds the Korean side of the zone: the Government of the Republic of
Korea with its Hangul name and romanisation, an international partner of the zone, and
Korean names of the Chinese bodies and people a Korean reader meets."""

import datetime as dt

from planwatch.directory.models import Organisation, Person, Relation
from planwatch.directory.resolver import resolve_organisation, resolve_person, resolve_post


def test_the_korean_government_is_an_international_partner_of_the_zone(demo_world):
    government = Organisation.objects.get(code="rok-gov")

    partnership = Relation.objects.get(source=government, kind="international_partner_of")

    assert (government.name_ko, government.name_ko_romanised) == (
        "대한민국 정부",
        "Daehanminguk Jeongbu",
    )
    assert government.kind == Organisation.Kind.GOVERNMENT
    assert partnership.target.code == "zone"
    assert partnership.start_date == dt.date(2020, 4, 21)


def test_korean_names_of_the_partner_and_the_zone_resolve(demo_world):
    assert resolve_organisation("대한민국 정부").code == "rok-gov"
    assert resolve_organisation("한국 정부").code == "rok-gov"
    assert resolve_organisation("Daehanminguk Jeongbu").code == "rok-gov"
    assert resolve_organisation("중한(창춘)국제협력시범구").code == "zone"
    assert resolve_person("징쥔하이") == Person.objects.get(code="jing-junhai")


def test_a_post_is_found_by_its_korean_name(demo_world):
    assert resolve_post("지린성 인민정부 성장").code == "jilin-governor"


def test_loading_again_adds_korean_names_to_an_older_directory(demo_world):
    from planwatch.directory.demo import load_directory

    zone = Organisation.objects.get(code="zone")
    Organisation.objects.filter(pk=zone.pk).update(name_ko="")

    created = load_directory()

    zone.refresh_from_db()
    assert zone.name_ko == "중한(창춘)국제협력시범구"
    assert set(created.values()) == {0}
