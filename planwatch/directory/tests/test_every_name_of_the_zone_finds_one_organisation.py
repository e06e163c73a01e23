from planwatch.directory.models import Organisation
from planwatch.directory.resolver import resolve_organisation

NAMES = [
    "China–South Korea (Changchun) International Cooperation Demonstration Zone",
    "China-ROK (Changchun) International Cooperation Demonstration Zone",
    "China-Korea (Changchun) International Cooperation Demonstration Zone",
    "中韩（长春）国际合作示范区",
    "中韩(长春)国际合作示范区",
    "the Demonstration Zone",
    "中韩示范区",
]


def test_every_name_of_the_zone_finds_the_zone(demo_world):
    zone = Organisation.objects.get(code="zone")
    assert {name: resolve_organisation(name) for name in NAMES} == dict.fromkeys(NAMES, zone)


def test_the_zone_is_one_record_however_many_names_it_has(demo_world):
    zones = Organisation.objects.filter(aliases__name__icontains="Demonstration Zone").distinct()
    assert zones.filter(kind="development_zone").count() == 1
