"""Helpers for the supervision loop's tests: a plan and tasks made through the actions."""

import datetime as dt

from planwatch.plans import actions
from planwatch.plans.files import as_upload
from planwatch.plans.models import Plan, Task

START = dt.date(2025, 1, 1)
DEADLINE = dt.date(2025, 12, 31)


def make_plan(code: str = "plan") -> Plan:
    return actions.do_create_plan(None, code=code, title_en=f"Plan {code}")


def make_task(plan: Plan, unit, reference: str, **fields) -> Task:
    """A task led by `unit`, made by the system (the lead assignment comes with it)."""
    values = {
        "title_en": f"Task {reference}",
        "start_date": START,
        "deadline": DEADLINE,
        "lead_unit": unit,
    }
    values.update(fields)
    return actions.do_create_task(None, plan=plan, reference=reference, **values)


def lead_assignment(task: Task):
    return task.assignments.get(role="lead")


def submit(officer, task: Task, percent: int = 30, month: dt.date = dt.date(2025, 3, 1), **kw):
    return actions.do_submit_report(
        officer, lead_assignment(task), month, percent, kw.pop("narrative", "Work done."), **kw
    )


def finish(officer, supervisor, task: Task, percent: int = 100, month: dt.date | None = None):
    """An approved report with an evidence file from the lead unit: what closing asks for
    under a plan's default rule."""
    report = submit(
        officer,
        task,
        percent,
        month=month or task.start_date,
        files=[as_upload("acceptance.txt", b"Accepted on site.\n")],
    )
    return actions.do_review_report(supervisor, report, report.version, True)
