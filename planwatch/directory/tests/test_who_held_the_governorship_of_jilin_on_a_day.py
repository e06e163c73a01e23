"""The same inference, through the database and the demo world's evidence."""

import datetime as dt

from planwatch.directory import actions
from planwatch.directory.models import Person, Post, Tenure
from planwatch.directory.queries import holders_on, posts_held_on, timeline

D = dt.date.fromisoformat


def holders(post: Post, day: str) -> list[tuple[str, bool, str]]:
    return [(h.person.name_en, h.acting, h.basis) for h in holders_on(post, D(day))]


def test_who_held_the_governorship_on_each_day(demo_world):
    governor = Post.objects.get(code="jilin-governor")

    assert holders(governor, "2017-01-01") == []
    assert holders(governor, "2018-06-01") == [("Jing Junhai", True, "reported")]
    assert holders(governor, "2019-06-01") == [("Jing Junhai", False, "reported")]
    assert holders(governor, "2020-12-31") == [("Jing Junhai", False, "presumed")]
    assert holders(governor, "2021-03-01") == [("Han Jun", True, "presumed")]


def test_jing_junhais_timeline_has_two_posts_and_one_governorship(demo_world):
    jing = Person.objects.get(code="jing-junhai")

    rows = [(h.post.code, h.span.phases) for h in timeline(jing)]

    assert rows == [
        ("jilin-party-deputy-secretary", [(D("2018-01-16"), False)]),
        ("jilin-governor", [(D("2018-01-16"), True), (D("2018-12-05"), False)]),
    ]


def test_posts_held_by_jing_junhai_after_his_successor_took_over(demo_world):
    jing = Person.objects.get(code="jing-junhai")

    held = {h.post.code: h.basis for h in posts_held_on(jing, D("2021-03-01"))}

    assert held == {"jilin-party-deputy-secretary": "presumed"}


def test_archived_evidence_is_not_used(demo_world):
    han_jun = Tenure.objects.get(person__code="han-jun")
    governor = han_jun.post

    actions.do_archive(None, han_jun, "wrong report")

    assert holders(governor, "2021-03-01") == [("Jing Junhai", False, "presumed")]
