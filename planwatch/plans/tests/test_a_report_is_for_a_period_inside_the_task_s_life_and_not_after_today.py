import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from planwatch.plans import actions
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task

START = dt.date(2025, 7, 1)
DEADLINE = dt.date(2026, 3, 31)


def report(officer, task, period: dt.date):
    return actions.do_submit_report(officer, lead_assignment(task), period, 30, "Work done.")


@pytest.fixture
def task(unit_a):
    return make_task(make_plan(), unit_a, "T-1", start_date=START, deadline=DEADLINE)


@pytest.mark.parametrize(
    "period",
    [dt.date(2018, 1, 1), dt.date(2025, 6, 1), dt.date(2026, 4, 1), dt.date(2030, 6, 1)],
)
def test_a_report_outside_the_task_s_life_is_refused(officer, task, period):
    with pytest.raises(ValidationError) as error:
        report(officer, task, period)
    assert "period_start" in error.value.message_dict
    assert not lead_assignment(task).reports.exists()


@pytest.mark.parametrize("period", [START, dt.date(2025, 11, 20), DEADLINE])
def test_a_report_inside_the_task_s_life_is_taken_for_its_month(officer, task, period):
    assert report(officer, task, period).period_start == period.replace(day=1)


def test_a_report_for_a_period_that_has_not_begun_is_refused(officer, unit_a):
    today = timezone.localdate()
    task = make_task(
        make_plan(), unit_a, "T-2", start_date=today.replace(day=1), deadline=dt.date(2040, 1, 1)
    )
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    with pytest.raises(ValidationError) as error:
        report(officer, task, next_month)
    assert "has not begun" in " ".join(error.value.message_dict["period_start"])
    assert report(officer, task, today).period_start == today.replace(day=1)


def test_a_quarterly_plan_takes_reports_for_its_quarters(officer, unit_a):
    plan = actions.do_create_plan(None, code="quarterly", title_en="Q", report_every_months=3)
    task = make_task(plan, unit_a, "T-3", start_date=START, deadline=DEADLINE)
    assert report(officer, task, dt.date(2025, 8, 15)).period_start == dt.date(2025, 7, 1)
    with pytest.raises(ValidationError):
        report(officer, task, dt.date(2025, 9, 1))  # the same quarter already waits
