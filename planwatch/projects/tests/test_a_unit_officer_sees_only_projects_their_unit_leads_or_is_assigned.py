import datetime as dt

from planwatch.plans.models import Assignment, Plan, Task
from planwatch.projects.queries import projects_visible_to
from planwatch.projects.tests.factories import make_project


def test_an_officer_sees_led_and_assigned_projects_and_a_leader_sees_all(users, unit_a, unit_b):
    led = make_project(unit_a, "led")
    other = make_project(unit_b, "other")
    assigned = make_project(unit_b, "assigned")
    plan = Plan.objects.create(code="p", title_en="Plan")
    task = Task.objects.create(
        plan=plan, reference="T-1", title_en="T", start_date=dt.date(2022, 1, 1)
    )
    Assignment.objects.create(task=task, unit=unit_a, role="co")
    assigned.tasks.add(task)

    officer = users[("unit_officer", "a")]
    assert set(projects_visible_to(officer)) == {led, assigned}
    assert set(projects_visible_to(users[("leader", "a")])) == {led, other, assigned}
    assert officer.has_perm("projects.view_project", assigned)
    assert not officer.has_perm("projects.view_project", other)
