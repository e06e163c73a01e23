"""Every URL of the application × every role × own-unit / other-unit object.

The matrix is generated from the URL configuration: a route that is not described
below makes `test_every_route_is_in_the_matrix` fail, so no page can escape it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from planwatch.directory.models import Person, Post, Tenure
from planwatch.testing import ROLES

ADMIN, SUPERVISOR, OFFICER, LEADER, AUDITOR = (
    "administrator", "supervisor", "unit_officer", "leader", "auditor"
)


def everyone(role: str, own: bool) -> bool:
    return True


def managers(role: str, own: bool) -> bool:
    return role in (ADMIN, SUPERVISOR)


def managers_or_own_officer(role: str, own: bool) -> bool:
    return managers(role, own) or (role == OFFICER and own)


def audit_readers(role: str, own: bool) -> bool:
    return role in (ADMIN, AUDITOR)


def administrators(role: str, own: bool) -> bool:
    return role == ADMIN


@dataclass
class Route:
    allowed: Callable[[str, bool], bool] = everyone
    kwargs: Callable[[dict], dict] = lambda world: {}
    method: str = "get"
    data: dict = field(default_factory=dict)
    public: bool = False
    unit_scoped: bool = False
    query: str = ""
    placeholder: bool = False  # a route that only answers "not found", like the API root


def org(world: dict) -> dict:
    return {"pk": world["organisation"].pk}


MATRIX: dict[str, Route] = {
    "home": Route(),
    "healthz": Route(public=True),
    "login": Route(public=True),
    "logout": Route(method="post", public=True),
    "set_language": Route(method="post", data={"language": "zh-hans", "next": "/"}, public=True),
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
    "directory:post": Route(kwargs=lambda w: {"pk": w["post"].pk}, query="?on=2020-01-01"),
    "directory:lookup": Route(query="?name=Unit+A+Bureau"),
    "audit:log": Route(allowed=audit_readers),
    "audit:history": Route(
        kwargs=lambda w: {"model": "directory.organisation", "pk": w["organisation"].pk},
        unit_scoped=True,
    ),
    "api-1:openapi-json": Route(),
    "api-1:openapi-view": Route(),
    "api-1:api-root": Route(placeholder=True),
    "api-1:list_organisations": Route(),
    "api-1:create_organisation": Route(
        allowed=managers, method="post", data={"name_en": "Made by the API"}
    ),
    "api-1:get_organisation": Route(kwargs=org, unit_scoped=True),
    "api-1:person_timeline": Route(kwargs=lambda w: {"pk": w["person"].pk}),
    "api-1:who": Route(query="?post=Chief+of+Unit+A+Bureau&on=2020-01-01"),
    "api-1:posts": Route(query="?person=Zhang+San&on=2020-01-01"),
    "api-1:list_events": Route(allowed=audit_readers),
}


def _walk(patterns, namespace: str = "", prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield name, prefix + str(pattern.pattern)


ROUTES = list(_walk(get_resolver().url_patterns))
ADMIN_PAGES = sorted(
    {name for name, route in ROUTES if name.startswith("admin:") and "<" not in route
     and "(" not in route and name != "admin:login" and name != "admin:logout"}
)


def test_every_route_is_in_the_matrix():
    missing = sorted(
        {name for name, _ in ROUTES if not name.startswith("admin:")} - set(MATRIX)
    )
    assert missing == [], f"Add these routes to the permission matrix: {missing}"


@pytest.fixture
def world(unit_a, unit_b, users):
    from planwatch.directory import actions

    person = actions.do_create_person(None, name_en="Zhang San")
    post = actions.do_create_post(None, organisation=unit_a, title_en="Chief")
    Tenure.objects.create(person=person, post=post, as_of="2019-06-01", source="test")
    return {"unit_a": unit_a, "unit_b": unit_b, "person": person, "post": post, "users": users}


def _request(client, name: str, route: Route, world: dict):
    url = reverse(name, kwargs=route.kwargs(world)) + route.query
    if route.method == "post":
        if name.startswith("api-"):
            return client.post(url, route.data, content_type="application/json")
        return client.post(url, route.data)
    return client.get(url)


CASES = [
    (name, role, own)
    for name, route in MATRIX.items()
    for role in ROLES
    for own in ((True, False) if route.unit_scoped else (True,))
]


@pytest.mark.parametrize(("name", "role", "own"), CASES)
def test_role_and_unit_decide_access(client, world, name, role, own):
    route = MATRIX[name]
    world["organisation"] = world["unit_a"] if own else world["unit_b"]
    client.force_login(world["users"][(role, "a")])
    response = _request(client, name, route, world)
    if route.placeholder:
        assert response.status_code == 404
    elif route.allowed(role, own) or route.public:
        assert response.status_code in (200, 201, 302), response.content[:300]
        if response.status_code == 302 and not route.public:
            assert not response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 403, (name, role, own, response.status_code)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_users_see_only_public_routes(client, world, name):
    route = MATRIX[name]
    world["organisation"] = world["unit_a"]
    response = _request(client, name, route, world)
    if route.placeholder:
        assert response.status_code == 404
    elif route.public:
        assert response.status_code in (200, 302)
    elif name.startswith("api-") and "openapi" not in name:
        assert response.status_code == 401
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ADMIN_PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_reach_the_admin_site(client, users, name, role):
    client.force_login(users[(role, "a")])
    response = client.get(reverse(name))
    if role == ADMIN:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 403


def test_the_matrix_world_has_a_post_holder(world):
    assert Post.objects.filter(pk=world["post"].pk).exists()
    assert Person.objects.filter(name_en="Zhang San").exists()
