"""Offsets of -1 or twenty digits and ids of twenty digits gave server errors (on SQLite a
20-digit integer does not fit a column). Now: 422 naming the parameter, or not found."""

import json

import pytest
from django.urls import reverse

from tests.test_permission_matrix import MATRIX, ROUTES, shared_world, world  # noqa: F401  (fixtures)

TWENTY_DIGITS = 10**20


@pytest.mark.parametrize("offset", ["-1", str(TWENTY_DIGITS)])
def test_an_offset_out_of_range_is_refused(client, supervisor, offset):
    client.force_login(supervisor)

    response = client.get("/api/projects/", {"offset": offset})

    assert response.status_code == 422
    assert "offset" in json.dumps(response.json()["detail"])


@pytest.mark.parametrize("number", [TWENTY_DIGITS, -TWENTY_DIGITS])
def test_a_twenty_digit_number_in_a_body_is_refused_naming_it(client, supervisor, number):
    client.force_login(supervisor)
    body = json.dumps({"name_en": "Bureau", "parent_id": number})

    response = client.post("/api/directory/organisations", body, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["detail"] == "parent_id: the number is too large."


PK_ROUTES = sorted(
    {name for name, pattern in ROUTES if "<int:pk>" in pattern and name in MATRIX}
    & {name for name, route in MATRIX.items() if route.method == "get"}
)


@pytest.mark.parametrize("name", PK_ROUTES)
def test_a_twenty_digit_id_in_a_url_is_not_found(client, world, name):  # noqa: F811
    client.force_login(world["users"][("supervisor", "a")])
    kwargs = {**MATRIX[name].kwargs(world), "pk": TWENTY_DIGITS}

    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 404
