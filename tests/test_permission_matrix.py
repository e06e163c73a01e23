"""Every URL of the application × every role × own-unit / other-unit object.

The matrix is generated from the URL configuration: each app describes its routes in
`planwatch/<app>/tests/matrix*.py`; a route that no module describes makes
`test_every_route_is_in_the_matrix` fail, so no page can escape it.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from planwatch.lib.models import DomainModel
from planwatch.testing import ADMIN, ROLES, History, Route, audit_readers, make_unit, make_user

FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"

CORE: dict[str, Route] = {
    "home": Route(),
    "healthz": Route(public=True),
    "login": Route(public=True),
    "logout": Route(method="post", public=True),
    "set_language": Route(method="post", data={"language": "zh-hans", "next": "/"}, public=True),
    "audit:log": Route(allowed=audit_readers),
    "audit:history": Route(
        kwargs=lambda w: {"model": "directory.organisation", "pk": w["unit"].pk},
        unit_scoped=True,
    ),
    "api-1:openapi-json": Route(),
    "api-1:openapi-view": Route(),
    "api-1:api-root": Route(placeholder=True),
    "api-1:list_events": Route(allowed=audit_readers),
}

APP_MODULES = [
    import_module(
        ".".join(path.relative_to(Path(__file__).resolve().parents[1]).with_suffix("").parts)
    )
    for path in sorted(Path(__file__).resolve().parents[1].glob("planwatch/*/tests/matrix*.py"))
]
MATRIX: dict[str, Route] = dict(CORE)
HISTORY: dict[str, History] = {}
for module in APP_MODULES:
    MATRIX.update(module.ROUTES)
    HISTORY.update(getattr(module, "HISTORY", {}))


def _walk(patterns, namespace: str = "", prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield name, prefix + str(pattern.pattern)


ROUTES = list(_walk(get_resolver().url_patterns))
# The admin site's index and every model's list: the middleware guards the whole prefix.
ADMIN_PAGES = sorted(
    name for name, _ in ROUTES if name == "admin:index" or name.endswith("_changelist")
)


def test_every_route_is_in_the_matrix():
    missing = sorted({name for name, _ in ROUTES if not name.startswith("admin:")} - set(MATRIX))
    assert missing == [], f"Add these routes to a tests/matrix*.py module: {missing}"


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Units, users and every app's objects, built once for this module's thousand cases.

    The world is made inside a transaction that stays open until the module ends; each
    test runs in a savepoint within it (pytest-django's `db`), so whatever a POST changes
    is undone before the next case. Files the world stores go to a folder of its own.
    """
    uploads = tmp_path_factory.mktemp("matrix-uploads")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=[FAST_HASHER], MEDIA_ROOT=uploads),
        transaction.atomic(),
    ):
        unit_a = make_unit("Unit A Bureau", "unit-a")
        unit_b = make_unit("Unit B Bureau", "unit-b")
        users = {
            (role, key): make_user(role, unit)
            for role in ROLES
            for key, unit in (("a", unit_a), ("b", unit_b))
        }
        world = {"unit_a": unit_a, "unit_b": unit_b, "users": users, "unit": unit_a, "own": True}
        world["uploads"] = uploads
        for module in APP_MODULES:
            if hasattr(module, "extend_world"):
                module.extend_world(world)
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def world(db, shared_world, settings):
    """A copy for one case, which may set "own" and "unit" without touching the next; the
    world's files stay found (instead of conftest's upload folder per test)."""
    settings.MEDIA_ROOT = shared_world["uploads"]
    return dict(shared_world, unit=shared_world["unit_a"], own=True)


@pytest.fixture
def unit_a(world):
    """conftest's units and users would clash with the shared world's: these are its own."""
    return world["unit_a"]


@pytest.fixture
def unit_b(world):
    return world["unit_b"]


@pytest.fixture
def users(world):
    return world["users"]


def _value(value, world):
    return value(world) if callable(value) else value


def _request(client, name: str, route: Route, world: dict):
    url = reverse(name, kwargs=route.kwargs(world)) + _value(route.query, world)
    data = _value(route.data, world)
    if route.method == "post":
        if name.startswith("api-") and not route.multipart:
            return client.post(url, data, content_type="application/json")
        return client.post(url, data)
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
    world["own"] = own
    world["unit"] = world["unit_a"] if own else world["unit_b"]
    client.force_login(world["users"][(role, "a")])
    response = _request(client, name, route, world)
    if route.placeholder:
        assert response.status_code == 404
    elif route.allowed(role, own) or route.public:
        assert response.status_code in (200, 201, 302), response.content[:300]
        if response.status_code == 302 and not route.public:
            assert not response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code in (403, 404), (name, role, own, response.status_code)


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_users_see_only_public_routes(client, world, name):
    route = MATRIX[name]
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


def _audited_models() -> set[str]:
    """Every domain record writes audit events, so each has a history page."""
    return {
        model._meta.label_lower
        for model in apps.get_models()
        if issubclass(model, DomainModel) and model.__module__.startswith("planwatch.")
    }


def test_every_audited_model_has_its_history_in_the_matrix():
    missing = sorted(_audited_models() - set(HISTORY))
    assert missing == [], f"Add these models to a tests/matrix*.py module's HISTORY: {missing}"


HISTORY_CASES = [
    (label, role, own) for label in sorted(HISTORY) for role in ROLES for own in (True, False)
]


@pytest.mark.parametrize(("label", "role", "own"), HISTORY_CASES)
def test_a_record_history_is_shown_exactly_to_those_who_see_the_record(
    client, world, label, role, own
):
    history = HISTORY[label]
    world["own"] = own
    world["unit"] = world["unit_a"] if own else world["unit_b"]
    record = history.record(world)
    assert record._meta.label_lower == label
    client.force_login(world["users"][(role, "a")])
    response = client.get(reverse("audit:history", kwargs={"model": label, "pk": record.pk}))
    expected = 200 if history.allowed(role, own) else 404
    assert response.status_code == expected, (label, role, own, response.status_code)
