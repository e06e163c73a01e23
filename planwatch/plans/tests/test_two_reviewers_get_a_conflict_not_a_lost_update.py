import pytest
from django.urls import reverse

from planwatch.accounts.models import Role
from planwatch.lib.models import StaleRecord
from planwatch.plans import actions
from planwatch.plans.models import ProgressReport
from planwatch.plans.tests.loop import make_plan, make_task, submit
from planwatch.testing import make_user


def test_two_reviewers_get_a_conflict_not_a_lost_update(unit_a, officer, supervisor):
    other = make_user(Role.SUPERVISOR, unit_a, "second-supervisor")
    report = submit(officer, make_task(make_plan(), unit_a, "T-1"))
    seen_by_both = report.version

    actions.do_review_report(supervisor, report, seen_by_both, True)
    with pytest.raises(StaleRecord):
        actions.do_review_report(other, report, seen_by_both, False, "Redo it.")

    report.refresh_from_db()
    assert report.state == ProgressReport.State.APPROVED
    assert report.reviewed_by == supervisor


def test_the_second_reviewer_is_told_on_the_page(client, unit_a, officer, supervisor):
    other = make_user(Role.SUPERVISOR, unit_a, "second-supervisor")
    report = submit(officer, make_task(make_plan(), unit_a, "T-1"))
    url = reverse("plans:report_review", args=[report.pk])
    data = {"version": report.version, "decision": "approve"}
    client.force_login(supervisor)
    client.post(url, data)

    client.force_login(other)
    response = client.post(url, {**data, "decision": "return", "comment": "No"}, follow=True)

    assert "Someone else reviewed this report first" in response.content.decode()
    report.refresh_from_db()
    assert report.state == ProgressReport.State.APPROVED
