import datetime as dt

from planwatch.plans import actions
from planwatch.plans.queries import task_rows
from planwatch.plans.tests.loop import make_plan, make_task, submit


def approve(supervisor, report):
    return actions.do_review_report(supervisor, report, report.version, True)


def progress(task):
    return task_rows([task], dt.date(2025, 6, 15))[0].progress


def test_a_late_report_for_an_earlier_period_does_not_replace_the_latest(
    unit_a, officer, supervisor
):
    task = make_task(make_plan(), unit_a, "T-1")
    approve(supervisor, submit(officer, task, 60, month=dt.date(2025, 5, 1)))
    approve(supervisor, submit(officer, task, 30, month=dt.date(2025, 3, 1)))
    assert progress(task) == 60


def test_an_approved_revision_of_the_latest_period_gives_the_progress(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    first = approve(supervisor, submit(officer, task, 60, month=dt.date(2025, 5, 1)))
    revision = submit(officer, task, 50, month=dt.date(2025, 5, 1))
    assert progress(task) == 60  # the revision waits for review
    approve(supervisor, revision)
    assert progress(task) == 50
    assert first.assignment.reports.count() == 2
