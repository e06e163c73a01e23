"""A unit officer opens a sub-task of their unit under another unit's task: the page's
breadcrumbs and the API's "parent" do not name the task they cannot open."""

import pytest

from planwatch.plans.tests.loop import make_plan, make_task


@pytest.fixture
def tree(unit_a, unit_b):
    plan = make_plan("tree")
    parent = make_task(plan, unit_b, "TREE-1", title_en="Secret parent of unit B")
    child = make_task(plan, unit_a, "TREE-1.1", title_en="Child of unit A", parent=parent)
    return parent, child


def test_the_breadcrumbs_leave_out_an_ancestor_the_officer_cannot_open(client, officer, tree):
    client.force_login(officer)

    page = client.get("/plans/tasks/TREE-1.1/").content.decode()

    assert "Child of unit A" in page
    assert "Secret parent of unit B" not in page
    assert "TREE-1/" not in page


def test_the_api_gives_no_parent_the_officer_cannot_open(client, officer, tree):
    client.force_login(officer)

    detail = client.get("/api/plans/tasks/TREE-1.1").json()
    listed = client.get("/api/plans/tasks?q=TREE").json()["results"]

    assert detail["parent"] is None
    assert [(t["reference"], t["parent"]) for t in listed] == [("TREE-1.1", None)]


def test_a_supervisor_sees_the_parent(client, supervisor, tree):
    client.force_login(supervisor)

    page = client.get("/plans/tasks/TREE-1.1/").content.decode()
    detail = client.get("/api/plans/tasks/TREE-1.1").json()

    assert "Secret parent of unit B" in page
    assert detail["parent"] == "TREE-1"
