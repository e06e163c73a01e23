import datetime as dt

from planwatch.audit.models import AuditEvent
from planwatch.audit.queries import history_of
from planwatch.directory import actions
from planwatch.directory.models import Organisation


def test_create_change_and_archive_each_write_an_event(supervisor):
    ndrc = actions.do_create_organisation(
        supervisor, "set up by the State Council", name_en="NDRC", kind="department"
    )
    actions.do_update_organisation(
        supervisor,
        ndrc,
        ndrc.version,
        "full name",
        name_en="National Development and Reform Commission",
        name_zh="国家发展和改革委员会",
    )
    actions.do_archive(supervisor, ndrc, "test record")

    created, changed, archived = history_of(ndrc).order_by("at", "id")
    assert [e.action for e in (created, changed, archived)] == ["created", "changed", "archived"]
    assert {e.actor_name for e in (created, changed, archived)} == {supervisor.username}
    assert created.reason == "set up by the State Council"
    assert created.changes["name_en"] == [None, "NDRC"]
    assert changed.reason == "full name"
    assert changed.changes == {
        "name_en": ["NDRC", "National Development and Reform Commission"],
        "name_zh": ["", "国家发展和改革委员会"],
    }
    assert archived.reason == "test record"
    assert Organisation.objects.get(pk=ndrc.pk).version == 3


def test_a_save_that_changes_nothing_writes_no_change_event(supervisor):
    ndrc = actions.do_create_organisation(supervisor, name_en="NDRC")
    actions.do_update_organisation(supervisor, ndrc, ndrc.version, "no-op", name_en="NDRC")

    assert list(history_of(ndrc).values_list("action", flat=True)) == ["created"]


def test_aliases_people_posts_relations_and_tenures_are_audited(supervisor, unit_a):
    person = actions.do_create_person(supervisor, name_en="Han Jun", name_zh="韩俊")
    post = actions.do_create_post(supervisor, organisation=unit_a, title_en="Director")
    relation = actions.do_add_relation(
        supervisor,
        source=unit_a,
        kind="reports_to",
        target=actions.do_create_organisation(supervisor, name_en="Jilin Provincial Government"),
    )
    tenure = actions.do_add_tenure(
        supervisor,
        "news report",
        person=person,
        post=post,
        as_of=dt.date(2021, 1, 25),
        acting=True,
        source="Provincial news report",
    )
    alias = actions.do_add_alias(supervisor, person, "Hanjun", "en", "misspelling")

    for record in (person, post, relation, tenure, alias):
        assert history_of(record).filter(action="created").count() == 1, record
    assert history_of(tenure).get().changes["as_of"] == [None, "2021-01-25"]
    official = AuditEvent.objects.filter(content_type__model="alias", object_repr="韩俊")
    assert official.count() == 1
