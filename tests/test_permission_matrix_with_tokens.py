"""The permission matrix's API routes again, called with bearer tokens instead of a session.

A write token must reach exactly what its user's session reaches; a read token the same
for GET routes, and nothing that changes (403) whatever its user may do.
"""

import pytest
from django.urls import reverse

from planwatch.accounts.models_tokens import ApiToken
from planwatch.accounts.tests.helpers_tokens import bearer, make_token
from planwatch.testing import ROLES
from tests.test_permission_matrix import MATRIX, _value, shared_world, world  # noqa: F401

API_ROUTES = {
    name: route
    for name, route in MATRIX.items()
    if name.startswith("api-") and "openapi" not in name and not route.placeholder
}


def _call(client, name, route, world, raw):  # noqa: F811
    url = reverse(name, kwargs=route.kwargs(world)) + _value(route.query, world)
    data = _value(route.data, world)
    if route.method == "post":
        if route.multipart:
            return client.post(url, data, headers=bearer(raw))
        return client.post(url, data, content_type="application/json", headers=bearer(raw))
    return client.get(url, headers=bearer(raw))


WRITE_CASES = [
    (name, role, own)
    for name, route in API_ROUTES.items()
    for role in ROLES
    for own in ((True, False) if route.unit_scoped else (True,))
]


@pytest.mark.parametrize(("name", "role", "own"), WRITE_CASES)
def test_a_write_token_reaches_what_its_user_may(client, world, name, role, own):  # noqa: F811
    route = API_ROUTES[name]
    world["own"] = own
    world["unit"] = world["unit_a"] if own else world["unit_b"]
    _token, raw = make_token(world["users"][(role, "a")])
    response = _call(client, name, route, world, raw)
    if route.allowed(role, own):
        assert response.status_code in (200, 201), response.content[:300]
    else:
        assert response.status_code in (403, 404), (name, role, own, response.status_code)


CHANGES = sorted(name for name, route in API_ROUTES.items() if route.method != "get")


@pytest.mark.parametrize("name", CHANGES)
def test_a_read_token_changes_nothing(client, world, name):  # noqa: F811
    route = API_ROUTES[name]
    _token, raw = make_token(world["users"][("administrator", "a")], scope=ApiToken.Scope.READ)
    response = _call(client, name, route, world, raw)
    assert response.status_code == 403
    assert "only read" in response.json()["detail"]
