from planwatch.directory.models import Person
from planwatch.directory.resolver import resolve_person


def test_jingjunhai_is_jing_junhai(demo_world):
    jing = Person.objects.get(code="jing-junhai")
    for name in ("Jingjunhai", "Jing Junhai", "jing junhai", "JING JUN-HAI", "景俊海"):
        assert resolve_person(name) == jing, name
