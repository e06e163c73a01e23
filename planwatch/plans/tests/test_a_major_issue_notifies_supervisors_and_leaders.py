import pytest
from django.core.exceptions import ValidationError

from planwatch.plans import actions
from planwatch.plans.models import Notification
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task


def test_a_major_issue_notifies_supervisors_and_leaders(
    unit_a, users, officer, django_capture_on_commit_callbacks
):
    task = make_task(make_plan(), unit_a, "T-1")
    with django_capture_on_commit_callbacks(execute=True):
        actions.do_raise_issue(officer, lead_assignment(task), "The contractor walked away.")

    told = set(Notification.objects.filter(kind="major_issue").values_list("user", flat=True))
    expected = {users[(role, unit)].pk for role in ("supervisor", "leader") for unit in "ab"}
    assert told == expected


def test_nothing_is_notified_when_the_action_fails(
    unit_a, officer, django_capture_on_commit_callbacks
):
    task = make_task(make_plan(), unit_a, "T-1")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        actions.do_submit_report(
            officer, lead_assignment(task), task.start_date, 20, "x", raise_issue=True
        )
    assert not Notification.objects.exists()
