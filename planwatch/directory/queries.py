"""Read models of the directory: lists for a user, and who held which post when."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from planwatch.directory.models import Organisation, Person, Post, Relation, Tenure
from planwatch.directory.tenures import Basis, Evidence, Span, infer_spans


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Every signed-in user reads the directory; archived records drop out of lists."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.active()


def people_visible_to(user) -> QuerySet[Person]:
    if not user.is_authenticated:
        return Person.objects.none()
    return Person.objects.active()


def relations_of(organisation: Organisation) -> tuple[list[Relation], list[Relation]]:
    """(outgoing, incoming) active relations, with both ends loaded."""
    base = Relation.objects.active().select_related("source", "target")
    return (
        list(base.filter(source=organisation).order_by("kind", "target__name_en")),
        list(base.filter(target=organisation).order_by("kind", "source__name_en")),
    )


def _evidence(tenure: Tenure) -> Evidence:
    return Evidence(
        person_id=tenure.person_id,
        post_id=tenure.post_id,
        as_of=tenure.as_of,
        start_date=tenure.start_date,
        end_date=tenure.end_date,
        acting=tenure.acting,
        source=tenure.source,
        tenure_id=tenure.pk,
    )


def spans_of_posts(posts: list[Post]) -> dict[int, list[Span]]:
    """All inferred tenure spans of the given posts, keyed by post id, in one query."""
    by_post: dict[int, list[Evidence]] = {p.pk: [] for p in posts}
    for tenure in Tenure.objects.active().filter(post__in=posts):
        by_post[tenure.post_id].append(_evidence(tenure))
    single = {p.pk: p.single_holder for p in posts}
    return {pid: infer_spans(items, single[pid]) for pid, items in by_post.items()}


@dataclass
class Holding:
    """A person holding a post on a day, and how we know."""

    person: Person
    post: Post
    acting: bool
    basis: Basis
    span: Span


def holders_on(post: Post, day: dt.date) -> list[Holding]:
    """Who held `post` on `day`, as far as the evidence shows."""
    spans = spans_of_posts([post])[post.pk]
    people = Person.objects.in_bulk({s.person_id for s in spans})
    result = []
    for span in spans:
        basis = span.basis_on(day)
        if basis:
            person = people[span.person_id]
            result.append(Holding(person, post, span.acting_on(day), basis, span))
    return result


def posts_held_on(person: Person, day: dt.date) -> list[Holding]:
    """Which posts `person` held on `day`."""
    result = []
    for holding in timeline(person):
        basis = holding.span.basis_on(day)
        if basis:
            acting = holding.span.acting_on(day)
            result.append(Holding(person, holding.post, acting, basis, holding.span))
    return result


def timeline(person: Person) -> list[Holding]:
    """Every tenure span of `person`, oldest first; `acting` is as first reported."""
    posts = list(
        Post.objects.active()
        .filter(tenures__person=person, tenures__archived_at__isnull=True)
        .distinct()
        .select_related("organisation")
    )
    spans = spans_of_posts(posts)
    post_by_id = {p.pk: p for p in posts}
    holdings = [
        Holding(person, post_by_id[pid], span.evidence[0].acting, "reported", span)
        for pid, post_spans in spans.items()
        for span in post_spans
        if span.person_id == person.pk
    ]
    return sorted(holdings, key=lambda h: (h.span.first_seen, h.post.title_en))


def post_history(post: Post) -> list[Holding]:
    """All holders of a post over time, oldest first."""
    spans = spans_of_posts([post])[post.pk]
    people = Person.objects.in_bulk({s.person_id for s in spans})
    return [Holding(people[s.person_id], post, s.evidence[0].acting, "reported", s) for s in spans]


def posts_of(organisation: Organisation) -> list[tuple[Post, list[Holding]]]:
    """The organisation's posts, each with its holders over time."""
    posts = list(organisation.posts.active().prefetch_related(Prefetch("aliases")))
    spans = spans_of_posts(posts)
    people = Person.objects.in_bulk({s.person_id for ss in spans.values() for s in ss})
    return [
        (
            post,
            [
                Holding(people[s.person_id], post, s.evidence[0].acting, "reported", s)
                for s in spans[post.pk]
            ],
        )
        for post in posts
    ]
