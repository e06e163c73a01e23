import datetime as dt
from decimal import Decimal

from planwatch.plans import actions
from planwatch.plans.queries import task_rows
from planwatch.plans.tests.loop import make_plan, make_task, submit


def _approved(officer, supervisor, task, percent):
    report = submit(officer, task, percent)
    actions.do_review_report(supervisor, report, report.version, True)


def test_a_parent_progress_is_the_weighted_roll_up_of_its_children(unit_a, officer, supervisor):
    plan = make_plan()
    goal = make_task(plan, None, "G-1", kind="goal", lead_unit=None)
    big = make_task(plan, unit_a, "G-1.1", parent=goal, weight=Decimal("3"))
    middle = make_task(plan, None, "G-1.2", parent=goal, lead_unit=None)
    leaf = make_task(plan, unit_a, "G-1.2.1", parent=middle)
    _approved(officer, supervisor, big, 80)
    _approved(officer, supervisor, leaf, 40)

    rows = {row.task.reference: row for row in task_rows([goal, big, middle], dt.date(2025, 4, 1))}

    assert rows["G-1.2"].progress == 40
    assert rows["G-1"].progress == 70  # (3 × 80 + 1 × 40) / 4


def test_the_lead_units_report_sets_the_progress(unit_a, unit_b, users, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    actions.do_assign(supervisor, task, unit_b, "co", "land")
    co_report = actions.do_submit_report(
        users[("unit_officer", "b")],
        task.assignments.get(unit=unit_b),
        dt.date(2025, 3, 1),
        90,
        "x",
    )
    actions.do_review_report(supervisor, co_report, co_report.version, True)
    assert task_rows([task], dt.date(2025, 4, 1))[0].progress == 90
    _approved(users[("unit_officer", "a")], supervisor, task, 20)
    assert task_rows([task], dt.date(2025, 4, 1))[0].progress == 20
