"""The permission matrix for an officer of a co-unit: on the lead unit's task it may read,
and report, acknowledge and raise issues on its own assignment, but never ask for more
time or for closing, never act on the lead unit's assignment, and never manage."""

import pytest
from django.urls import reverse

from planwatch.testing import make_user
from tests.test_permission_matrix import APP_MODULES, MATRIX, _request

# What a co-unit officer may do on a task it shares with the lead unit.
READS = {
    "plans:task",
    "plans:evidence",
    "api-1:plans_get_task",
    "api-1:plans_task_reports",
}
LOOP_ROUTES = sorted(
    name
    for name, route in MATRIX.items()
    if route.unit_scoped and (name.startswith("plans:") or name.startswith("api-1:plans_"))
)


@pytest.fixture
def world(unit_a, unit_b, users):
    world = {"unit_a": unit_a, "unit_b": unit_b, "users": users, "unit": unit_a, "own": True}
    for module in APP_MODULES:
        if hasattr(module, "extend_world"):
            module.extend_world(world)
    co_unit = world["loop"][unit_a.pk]["co_unit"]
    world["co_officer"] = make_user("unit_officer", co_unit.unit, "co-unit-officer")
    return world


@pytest.mark.parametrize("name", LOOP_ROUTES)
def test_a_co_unit_officer_reads_the_shared_task_and_does_not_act_for_the_lead(client, world, name):
    client.force_login(world["co_officer"])
    response = _request(client, name, MATRIX[name], world)
    if name in READS:
        assert response.status_code == 200, (name, response.status_code)
    else:
        assert response.status_code in (403, 404), (name, response.status_code)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plans:acknowledge", {}),
        ("plans:issue_raise", {"description": "Our share is late."}),
    ],
)
def test_a_co_unit_officer_acts_on_its_own_assignment(client, world, name, data):
    client.force_login(world["co_officer"])
    co_unit = world["loop"][world["unit_a"].pk]["co_unit"]
    response = client.post(reverse(name, kwargs={"pk": co_unit.pk}), data)
    assert response.status_code == 302
    assert not response["Location"].startswith(reverse("login"))


def test_a_co_unit_officer_opens_the_report_form_of_its_own_assignment(client, world):
    client.force_login(world["co_officer"])
    co_unit = world["loop"][world["unit_a"].pk]["co_unit"]
    assert client.get(reverse("plans:report_new", kwargs={"pk": co_unit.pk})).status_code == 200
