"""A task's status is computed in one place (plans.queries.task_rows over status.py, and
its cache plans.figures for lists) and every page that shows it agrees: the task page,
its plan's page, the loop's task list, the dashboard's list, the API and the page of a
project that carries it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from planwatch.accounts.rules import sees_everything
from planwatch.plans import actions, queries_dashboard
from planwatch.plans import queries as plans_queries
from planwatch.plans.status import Status
from planwatch.plans.tests.loop import make_plan, make_task
from planwatch.projects import actions as project_actions
from planwatch.projects import queries as project_queries
from planwatch.projects.tests.factories import make_project
from planwatch.testing import make_user


def statuses(client, task, project) -> dict[str, str]:
    plan = task.plan
    found = {}
    found["task page"] = client.get(reverse("plans:task", args=[task.reference])).context["row"]
    found["plan page"] = next(
        row
        for row in client.get(reverse("plans:plan", args=[plan.code])).context["rows"]
        if row.task.pk == task.pk
    )
    listed = client.get(reverse("plans:tasks"), {"plan": plan.code}).context["page"].rows
    found["task list"] = next(row for row in listed if row.task.pk == task.pk)
    found = {place: row.status.value for place, row in found.items()}
    board = client.get(reverse("dashboard:tasks"), {"plan": plan.code}).context["page"]
    found["dashboard list"] = next(f.status for f in board if f.task_id == task.pk)
    found["api"] = client.get(f"/api/plans/tasks/{task.reference}").json()["status"]
    project_page = client.get(reverse("projects:detail", args=[project.pk])).context["tasks"]
    found["project page"] = next(s.value for t, s, _label in project_page if t.pk == task.pk)
    for status in Status:
        matching = client.get(reverse("plans:tasks"), {"plan": plan.code, "status": status.value})
        if any(row.task.pk == task.pk for row in matching.context["page"].rows):
            found["task list filter"] = status.value
    return found


def test_a_parent_whose_child_reported_shows_one_status_everywhere(
    client, unit_a, officer, supervisor
):
    today = timezone.localdate()
    plan = make_plan()
    parent = make_task(
        plan,
        unit_a,
        "P",
        start_date=today - dt.timedelta(days=100),
        deadline=today + dt.timedelta(days=200),
    )
    child = make_task(
        plan,
        unit_a,
        "P-1",
        parent=parent,
        start_date=today - dt.timedelta(days=100),
        deadline=today + dt.timedelta(days=200),
    )
    report = actions.do_submit_report(officer, child.assignments.get(), today, 90, "Nearly done.")
    actions.do_review_report(supervisor, report, report.version, True)
    project = make_project(unit_a)
    project_actions.do_link_task(supervisor, project, parent)
    client.force_login(supervisor)

    found = statuses(client, parent, project)
    assert set(found.values()) == {Status.ON_TRACK.value}, found


@pytest.mark.parametrize("role", ["unit_officer", "leader", "supervisor"])
def test_a_superuser_sees_every_task_whatever_their_role(unit_a, unit_b, role):
    plan = make_plan()
    make_task(plan, unit_b, "B-1")
    user = make_user(role, unit_a, f"super-{role}")
    user.is_superuser = True
    user.save()
    assert sees_everything(user) and user.reads_everything
    assert plans_queries.tasks_visible_to(user).filter(reference="B-1").exists()
    assert queries_dashboard.visible_task_ids(user) is None
    assert project_queries.sees_every_project(user)
    assert user.has_perm("plans.view_task", plan.tasks.get())


def test_an_archived_task_and_its_reports_are_seen_nowhere(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "GONE")
    report = actions.do_submit_report(
        officer, task.assignments.get(), dt.date(2025, 3, 1), 10, "Started."
    )
    task.archived_at = timezone.now()
    task.save()
    for user in (officer, supervisor):
        assert not plans_queries.tasks_visible_to(user).filter(pk=task.pk).exists()
        assert not plans_queries.reports_visible_to(user).filter(pk=report.pk).exists()
    assert task.pk not in queries_dashboard.visible_task_ids(officer)


def test_an_inactive_user_sees_nothing(unit_a, supervisor):
    make_task(make_plan(), unit_a, "T-1")
    supervisor.is_active = False
    assert not sees_everything(supervisor)
    assert not plans_queries.tasks_visible_to(supervisor).exists()
