"""The directory's routes in the permission matrix (see planwatch/testing.py)."""

from planwatch.directory import actions
from planwatch.directory.models import Alias, Relation, Tenure
from planwatch.testing import History, Route, managers, managers_or_own_officer


def extend_world(world: dict) -> None:
    person = actions.do_create_person(None, name_en="Zhang San")
    post = actions.do_create_post(None, organisation=world["unit_a"], title_en="Chief")
    tenure = Tenure.objects.create(person=person, post=post, as_of="2019-06-01", source="test")
    relation = Relation.objects.create(
        source=world["unit_a"], kind=Relation.Kind.SUPERVISES, target=world["unit_b"]
    )
    alias = Alias.objects.create(name="UAB", language="en", organisation=world["unit_a"])
    world.update(person=person, post=post, tenure=tenure, relation=relation, alias=alias)


def org(world: dict) -> dict:
    return {"pk": world["unit"].pk}


ROUTES: dict[str, Route] = {
    "directory:organisations": Route(query="?q=unit"),
    "directory:organisation_new": Route(allowed=managers),
    "directory:organisation": Route(kwargs=org, unit_scoped=True),
    "directory:organisation_edit": Route(
        allowed=managers_or_own_officer, kwargs=org, unit_scoped=True
    ),
    "directory:organisation_alias": Route(
        allowed=managers_or_own_officer,
        kwargs=org,
        method="post",
        data={"name": "Another Name", "language": "en", "kind": "short"},
        unit_scoped=True,
    ),
    "directory:organisation_archive": Route(
        allowed=managers, kwargs=org, method="post", data={"reason": "merged"}, unit_scoped=True
    ),
    "directory:graph": Route(),
    "directory:graph_svg": Route(),
    "directory:people": Route(),
    "directory:person": Route(kwargs=lambda w: {"pk": w["person"].pk}),
    "directory:person_edit": Route(allowed=managers, kwargs=lambda w: {"pk": w["person"].pk}),
    "directory:post": Route(kwargs=lambda w: {"pk": w["post"].pk}, query="?on=2020-01-01"),
    "directory:lookup": Route(query="?name=Unit+A+Bureau"),
    "api-1:list_organisations": Route(),
    "api-1:create_organisation": Route(
        allowed=managers, method="post", data={"name_en": "Made by the API"}
    ),
    "api-1:get_organisation": Route(kwargs=org, unit_scoped=True),
    "api-1:update_organisation": Route(
        allowed=managers_or_own_officer,
        kwargs=org,
        method="post",
        data=lambda w: {"version": w["unit"].version, "name_ko": "갑 기관"},
        unit_scoped=True,
    ),
    "api-1:get_person": Route(kwargs=lambda w: {"pk": w["person"].pk}),
    "api-1:update_person": Route(
        allowed=managers,
        kwargs=lambda w: {"pk": w["person"].pk},
        method="post",
        data=lambda w: {"version": w["person"].version, "name_ko": "장산"},
    ),
    "api-1:person_timeline": Route(kwargs=lambda w: {"pk": w["person"].pk}),
    "api-1:who": Route(query="?post=Chief+of+Unit+A+Bureau&on=2020-01-01"),
    "api-1:posts": Route(query="?person=Zhang+San&on=2020-01-01"),
}

# The directory is reference data: every signed-in user sees every record and its history.
HISTORY: dict[str, History] = {
    "directory.organisation": History(lambda w: w["unit"]),
    "directory.person": History(lambda w: w["person"]),
    "directory.post": History(lambda w: w["post"]),
    "directory.tenure": History(lambda w: w["tenure"]),
    "directory.relation": History(lambda w: w["relation"]),
    "directory.alias": History(lambda w: w["alias"]),
}
