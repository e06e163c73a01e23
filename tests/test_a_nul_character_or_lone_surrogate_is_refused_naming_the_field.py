"""A NUL character or a lone surrogate in any query parameter, form field or JSON value
is refused before a view runs, with the field named: never a server error, on any route."""

import json

import pytest
from django.urls import reverse

from tests.test_permission_matrix import (  # noqa: F401  (fixtures: the shared world's units and users)
    MATRIX,
    shared_world,
    unit_a,
    unit_b,
    users,
    world,
)

PAGES_AND_API = sorted(
    name
    for name, route in MATRIX.items()
    if route.method == "get" and not route.placeholder and not route.public
)


@pytest.mark.parametrize("name", PAGES_AND_API)
def test_a_nul_in_a_query_parameter_is_refused_on_every_route(client, world, name):  # noqa: F811
    route = MATRIX[name]
    client.force_login(world["users"][("supervisor", "a")])

    response = client.get(reverse(name, kwargs=route.kwargs(world)), {"q": "a\x00b"})

    expected = 422 if name.startswith("api-") else 400
    assert response.status_code == expected
    assert "q: contains a character that cannot be stored" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/api/plans/tasks?q=%00", "/dashboard/?plan=%00", "/directory/lookup/?name=%00"]
)
def test_the_reported_urls_are_refused(client, supervisor, url):
    client.force_login(supervisor)

    response = client.get(url)

    assert response.status_code in (400, 422)


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\udfff"], ids=["nul", "high", "low"])
def test_a_json_body_with_a_bad_character_is_refused_naming_the_field(client, supervisor, bad):
    client.force_login(supervisor)
    body = json.dumps({"name_en": f"Bureau{bad}", "reason": "new"})

    response = client.post("/api/directory/organisations", body, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"].startswith("name_en: contains a character")


def test_a_nested_json_key_is_named_with_its_path(client, supervisor):
    client.force_login(supervisor)
    body = json.dumps({"title": "x", "kind": "plan", "addressee_ids": [1], "meta": {"a\x00": 1}})

    response = client.post("/api/plans/documents", body, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"].startswith("meta.a?: contains a character")


def test_a_page_form_with_a_nul_is_refused_and_nothing_saved(client, supervisor):
    client.force_login(supervisor)

    response = client.post("/directory/organisations/new/", {"name_en": "Bad\x00Bureau"})

    assert response.status_code == 400
    assert "name_en: contains a character" in response.content.decode()
    assert "Bad" not in response.content.decode().split("name_en:")[0][-200:]


def test_a_clean_request_passes(client, supervisor):
    client.force_login(supervisor)

    assert client.get("/directory/lookup/", {"name": "Unit A Bureau"}).status_code == 200
