import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from planwatch.plans import actions
from planwatch.plans.models import ProgressReport
from planwatch.plans.tests.loop import make_plan, make_task, submit


def test_a_returned_report_can_be_resubmitted(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    first = submit(officer, task, 40)
    actions.do_review_report(supervisor, first, first.version, False, "Attach the site photos.")

    second = submit(officer, task, 45, narrative="Photos attached.")

    first.refresh_from_db()
    assert first.state == ProgressReport.State.RETURNED
    assert first.review_comment == "Attach the site photos."
    assert second.state == ProgressReport.State.SUBMITTED
    assert second.period_start == dt.date(2025, 3, 1)


def test_an_approved_period_is_revised_by_a_new_report_that_is_reviewed_again(
    unit_a, officer, supervisor
):
    task = make_task(make_plan(), unit_a, "T-1")
    report = submit(officer, task, 40)
    actions.do_review_report(supervisor, report, report.version, True)

    revision = submit(officer, task, 35, narrative="The earlier figure counted a cancelled site.")

    report.refresh_from_db()
    assert report.state == ProgressReport.State.APPROVED
    assert revision.state == ProgressReport.State.SUBMITTED
    assert revision.revises == report
    with pytest.raises(ValidationError) as error:
        submit(officer, task, 36)
    assert "period_start" in error.value.message_dict
