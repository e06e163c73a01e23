import json

import pytest

from planwatch.projects.tests.factories import make_project

# Session, user, the rows, the organisations they name, industries, countries.
MAP_QUERIES = 6


def _rows(client, url: str, django_assert_max_num_queries) -> list:
    with django_assert_max_num_queries(MAP_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)["p"]


@pytest.mark.parametrize("url", ["/projects/map/data.json", "/api/projects/map"])
@pytest.mark.parametrize("role", ["supervisor", "unit_officer"])
def test_the_map_data_takes_as_many_queries_for_twenty_projects_as_for_two(
    url, role, unit_a, unit_b, users, client, django_assert_max_num_queries
):
    client.force_login(users[(role, "a")])
    client.get(url)  # the session's first request records its activity: not the map's cost
    make_project(unit_a, "a-0")
    make_project(unit_b, "b-0")
    few = _rows(client, url, django_assert_max_num_queries)
    for i in range(1, 10):
        make_project(unit_a, f"a-{i}")
        make_project(unit_b, f"b-{i}")
    many = _rows(client, url, django_assert_max_num_queries)
    assert (len(few), len(many)) == ((2, 20) if role == "supervisor" else (1, 10))
