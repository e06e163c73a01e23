import datetime as dt

from planwatch.plans import actions
from planwatch.plans.queries import task_rows
from planwatch.plans.status import Status
from planwatch.plans.tests.loop import DEADLINE, make_plan, make_task


def test_an_approved_extension_keeps_the_original_deadline(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    extension = actions.do_request_extension(officer, task, dt.date(2026, 6, 30), "Land late.")
    task.refresh_from_db()
    assert task_rows([task], dt.date(2025, 6, 1))[0].status == Status.EXTENSION_PENDING

    actions.do_decide_extension(
        supervisor, extension, True, "Land released late.", extension.version
    )

    task.refresh_from_db()
    assert task.deadline == dt.date(2026, 6, 30)
    assert task.original_deadline == DEADLINE
    assert task_rows([task], dt.date(2026, 1, 15))[0].status != Status.OVERDUE


def test_a_refused_extension_leaves_the_deadline(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    extension = actions.do_request_extension(officer, task, dt.date(2026, 6, 30), "Land late.")
    actions.do_decide_extension(
        supervisor, extension, False, "Use the winter to design.", extension.version
    )
    task.refresh_from_db()
    assert task.deadline == DEADLINE
    assert task_rows([task], dt.date(2026, 1, 15))[0].status == Status.OVERDUE
