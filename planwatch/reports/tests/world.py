"""Helpers for the reports tests: overdue tasks made through the plans' actions."""

import datetime as dt

from planwatch.plans import actions as plan_actions
from planwatch.plans.models import Plan, Task
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task

DEADLINE = dt.date(2025, 12, 31)


def days_after_deadline(days: int) -> dt.date:
    """The day on which a task due on DEADLINE is `days` days overdue."""
    return DEADLINE + dt.timedelta(days=days)


def overdue_task(plan: Plan, unit, reference: str, **fields) -> Task:
    """A task led by `unit`, due on DEADLINE (so overdue on any later day)."""
    return make_task(plan, unit, reference, **{"deadline": DEADLINE, **fields})


def report_on(officer, task: Task, percent: int, month: dt.date = dt.date(2025, 6, 1)):
    return plan_actions.do_submit_report(
        officer, lead_assignment(task), month, percent, "Work done."
    )


__all__ = ["DEADLINE", "days_after_deadline", "make_plan", "overdue_task", "report_on"]
