import datetime as dt

from planwatch.plans.models import Plan, Task
from planwatch.projects import actions
from planwatch.projects.tests.factories import make_project


def test_a_linked_task_appears_on_the_project_with_its_status(unit_a, supervisor, client):
    project = make_project(unit_a)
    plan = Plan.objects.create(code="p", title_en="Plan")
    task = Task.objects.create(
        plan=plan,
        reference="ZONE-7",
        title_en="Finish the access road",
        start_date=dt.date(2020, 1, 1),
        deadline=dt.date(2021, 1, 1),
    )
    actions.do_link_task(supervisor, project, task)
    client.force_login(supervisor)
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert "ZONE-7" in page and "overdue" in page
