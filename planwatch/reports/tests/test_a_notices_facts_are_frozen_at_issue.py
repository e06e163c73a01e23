import datetime as dt

from planwatch.plans import actions as plan_actions
from planwatch.reports import actions
from planwatch.reports.tests.world import (
    DEADLINE,
    days_after_deadline,
    make_plan,
    overdue_task,
    report_on,
)


def test_a_notices_facts_are_frozen_at_issue(users, unit_a, supervisor, officer):
    task = overdue_task(make_plan("frozen"), unit_a, "F-1")
    report = report_on(officer, task, 40)
    plan_actions.do_review_report(supervisor, report, report.version, True, "")
    notice = actions.do_issue_notice(
        supervisor, unit_a, "urging", [task], "Explain.", days_after_deadline(20)
    )

    # Later the deadline moves and a new report arrives: the notice still tells what was.
    plan_actions.do_update_task(supervisor, task, task.version, deadline=dt.date(2026, 6, 30))
    report_on(officer, task, 90, month=dt.date(2025, 7, 1))

    item = notice.items.get()
    item.refresh_from_db()
    assert item.deadline == DEADLINE
    assert item.days_overdue == 20
    assert item.last_percent == 40
    assert item.last_report_on == report.submitted_at.date()
    assert notice.issued_on == days_after_deadline(20)
    assert notice.signer_name == supervisor.username
