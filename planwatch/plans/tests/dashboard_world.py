"""A small supervised world for the dashboard's tests, made through the loop's actions:
one plan; units A and B each lead `per_unit` tasks (B co-works on A's first task); a few
reports in each state, an overdue task and an open major issue."""

import datetime as dt

from planwatch.plans import actions
from planwatch.plans.models import Assignment, Plan
from planwatch.plans.tests.loop import make_plan, make_task

TODAY = dt.date(2025, 7, 10)


def build(users: dict, unit_a, unit_b, per_unit: int = 3, code: str = "dash") -> Plan:
    plan = make_plan(code)
    supervisor = users[("supervisor", "a")]
    for key, unit in (("a", unit_a), ("b", unit_b)):
        officer = users[("unit_officer", key)]
        for n in range(per_unit):
            deadline = dt.date(2025, 6, 30) if n == 0 else dt.date(2025, 12, 31)
            task = make_task(plan, unit, f"{code}-{key}-{n}", deadline=deadline)
            lead = task.assignments.get(role=Assignment.Role.LEAD)
            report = actions.do_submit_report(
                officer, lead, dt.date(2025, 5, 1), 20 + 10 * n, "Work done."
            )
            if n % 2 == 0:
                actions.do_review_report(supervisor, report, report.version, approve=True)
            if n == 1:
                actions.do_raise_issue(officer, lead, "Land is not available.")
    first_a = plan.tasks.get(reference=f"{code}-a-0")
    actions.do_assign(supervisor, first_a, unit_b, Assignment.Role.CO)
    return plan
