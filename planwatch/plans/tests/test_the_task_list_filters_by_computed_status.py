import datetime as dt

from django.urls import reverse

from planwatch.plans import actions
from planwatch.plans.models import Task
from planwatch.plans.queries import TaskFilter, task_page, task_rows
from planwatch.plans.status import Status
from planwatch.plans.tests.loop import finish, make_plan, make_task, submit

TODAY = dt.date(2025, 7, 1)


def test_the_task_list_filters_by_computed_status(client, unit_a, officer, supervisor):
    plan = make_plan()
    overdue = make_task(plan, unit_a, "LATE", deadline=dt.date(2025, 6, 1))
    on_track = make_task(plan, unit_a, "GOOD")
    report = submit(officer, on_track, 55, month=dt.date(2025, 6, 1))
    actions.do_review_report(supervisor, report, report.version, True)
    make_task(plan, unit_a, "BEHIND")
    pending = make_task(plan, unit_a, "MORE", deadline=dt.date(2025, 6, 1))
    actions.do_request_extension(officer, pending, dt.date(2025, 9, 1), "Rain.")
    closed = make_task(plan, unit_a, "SHUT")
    finish(officer, supervisor, closed, month=dt.date(2025, 5, 1))
    actions.do_close(supervisor, closed, "Done.", Task.objects.get(pk=closed.pk).version)

    every = {row.task.reference: row.status for row in task_rows(plan.tasks.all(), TODAY)}
    for status in (
        Status.OVERDUE,
        Status.ON_TRACK,
        Status.AT_RISK,
        Status.EXTENSION_PENDING,
        Status.CLOSED,
    ):
        page = task_page(supervisor, TaskFilter(status=status), TODAY, 1)
        found = {row.task.reference for row in page.rows}
        assert found == {ref for ref, s in every.items() if s == status}, status
        assert found
    assert every[overdue.reference] == Status.OVERDUE

    client.force_login(officer)
    response = client.get(
        reverse("plans:tasks"), {"status": "closed"}, headers={"HX-Request": "true"}
    )
    assert "SHUT" in response.content.decode()
    assert "<html" not in response.content.decode()
