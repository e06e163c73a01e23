import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from planwatch.audit.models import AuditEvent
from planwatch.plans import actions
from planwatch.plans.models import Assignment, Milestone, Plan, Task


@pytest.fixture
def task(unit_a, unit_b):
    plan = Plan.objects.create(code="p", title_en="Plan")
    task = Task.objects.create(
        plan=plan,
        reference="P-1",
        title_en="Build the road",
        lead_unit=unit_a,
        start_date=dt.date(2024, 1, 1),
        deadline=dt.date(2030, 1, 1),
    )
    Assignment.objects.create(task=task, unit=unit_a, role="lead")
    Assignment.objects.create(task=task, unit=unit_b, role="co")
    return task


def test_a_supervisor_takes_a_co_unit_off_and_it_is_audited(client, supervisor, task, unit_b):
    co = task.assignments.get(unit=unit_b)
    client.force_login(supervisor)
    client.post(reverse("plans:assignment_remove", args=[co.pk]), {"reason": "not involved"})
    co.refresh_from_db()
    assert co.archived_at is not None
    assert list(task.assignments.active().values_list("role", flat=True)) == ["lead"]
    event = AuditEvent.objects.get(action="archived", object_id=str(co.pk))
    assert event.reason == "not involved"


def test_the_lead_unit_cannot_be_taken_off(supervisor, task, unit_a):
    lead = task.assignments.get(unit=unit_a)
    with pytest.raises(ValidationError) as error:
        actions.do_unassign(supervisor, lead)
    assert "role" in error.value.message_dict
    lead.refresh_from_db()
    assert lead.archived_at is None


def test_a_milestone_is_marked_done_but_never_in_the_future(client, supervisor, task):
    milestone = Milestone.objects.create(
        task=task, name="Land released", due_date=dt.date(2024, 6, 30), expected_percent=30
    )
    client.force_login(supervisor)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = client.post(
        reverse("plans:milestone_done", args=[milestone.pk]), {"done_on": tomorrow}, follow=True
    )
    milestone.refresh_from_db()
    assert milestone.done_on is None
    assert "future day" in page.content.decode()
    client.post(reverse("plans:milestone_done", args=[milestone.pk]), {"done_on": "2024-07-02"})
    milestone.refresh_from_db()
    assert milestone.done_on == dt.date(2024, 7, 2)
