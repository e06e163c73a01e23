import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planwatch.plans import actions
from planwatch.plans.queries import task_rows
from planwatch.plans.status import Status
from planwatch.plans.tests.loop import START, finish, make_plan, make_task


def test_closing_takes_the_lead_units_request_and_a_supervisors_check(
    unit_a, unit_b, users, supervisor
):
    task = make_task(make_plan(), unit_a, "T-1")
    actions.do_assign(supervisor, task, unit_b, "co", "permits")
    with pytest.raises(PermissionDenied):
        actions.do_request_close(users[("unit_officer", "b")], task, "Our part is done.")
    with pytest.raises(PermissionDenied):
        actions.do_close(users[("unit_officer", "a")], task, "Done.", task.version)

    finish(users[("unit_officer", "a")], supervisor, task, percent=90)
    co_report = actions.do_submit_report(
        users[("unit_officer", "b")], task.assignments.get(unit=unit_b), START, 90, "Permits."
    )
    actions.do_review_report(supervisor, co_report, co_report.version, True)
    actions.do_request_close(users[("unit_officer", "a")], task, "Acceptance report attached.")
    task.refresh_from_db()
    actions.do_close(
        supervisor, task, "Checked on site.", task.version, incomplete_reason="Paving next year."
    )
    task.refresh_from_db()
    assert task_rows([task], dt.date(2026, 6, 1))[0].status == Status.CLOSED
    with pytest.raises(ValidationError):
        actions.do_submit_report(
            users[("unit_officer", "a")],
            task.assignments.get(unit=unit_a),
            task.start_date,
            100,
            "x",
        )

    with pytest.raises(ValidationError):
        actions.do_reopen(supervisor, task, "  ")
    actions.do_reopen(supervisor, task, "The acceptance found defects.")
    task.refresh_from_db()
    assert task.closed_at is None and task.close_requested_at is None
    assert task_rows([task], dt.date(2026, 6, 1))[0].status == Status.OVERDUE
