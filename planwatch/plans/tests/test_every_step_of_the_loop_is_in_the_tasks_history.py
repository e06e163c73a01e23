import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from planwatch.audit.models import AuditEvent
from planwatch.plans import actions
from planwatch.plans.models import Task
from planwatch.plans.tests.loop import finish, lead_assignment, make_plan, make_task, submit


def test_every_step_of_the_loop_is_in_the_tasks_history(client, unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    actions.do_acknowledge(officer, lead_assignment(task))
    report = submit(officer, task, 50, blockers="No land yet.", raise_issue=True)
    actions.do_review_report(supervisor, report, report.version, False, "Which plot?")
    extension = actions.do_request_extension(officer, task, dt.date(2026, 3, 31), "Land late.")
    actions.do_decide_extension(supervisor, extension, True, "Agreed.", extension.version)
    actions.do_resolve_issue(supervisor, task.major_issues.get(), "Plot 7 released.")
    finish(officer, supervisor, task, month=dt.date(2025, 4, 1))
    actions.do_request_close(officer, task, "Done.")
    actions.do_close(supervisor, task, "Verified.", Task.objects.get(pk=task.pk).version)

    steps = list(
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(Task), object_id=str(task.pk)
        )
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    for step in (
        "created",
        "assigned",
        "acknowledged",
        "report submitted",
        "major issue raised",
        "report returned",
        "extension requested",
        "extension approved",
        "major issue resolved",
        "close requested",
        "closed",
    ):
        assert step in steps

    client.force_login(officer)
    response = client.get(reverse("audit:history", args=["plans.task", task.pk]))
    assert response.status_code == 200
    assert "extension approved" in response.content.decode()
