"""status.py at the edges of each rule, with plain values: the at-risk gap, the deadline
and the warning window."""

import datetime as dt

from planwatch.plans.status import Status, TaskFacts, Thresholds, task_status

START = dt.date(2026, 1, 1)
DEADLINE = dt.date(2026, 12, 31)  # 364 days after START
RULES = Thresholds(at_risk_gap=15, warn_days=14)
MID_YEAR = dt.date(2026, 7, 2)  # 182 days in: exactly 50 % of the time has passed


def status(progress, today, deadline=DEADLINE):
    return task_status(TaskFacts(START, deadline, progress), today, RULES)


def test_a_task_behind_by_exactly_the_gap_is_at_risk():
    assert status(35, MID_YEAR) == Status.AT_RISK


def test_a_task_behind_by_one_point_less_than_the_gap_is_on_track():
    assert status(36, MID_YEAR) == Status.ON_TRACK


def test_a_task_due_today_is_not_yet_overdue():
    assert status(99, DEADLINE) == Status.AT_RISK


def test_a_task_is_overdue_the_day_after_its_deadline():
    assert status(99, DEADLINE + dt.timedelta(days=1)) == Status.OVERDUE


def test_the_first_day_of_the_warning_window_is_at_risk():
    first = DEADLINE - dt.timedelta(days=RULES.warn_days)
    assert status(99, first) == Status.AT_RISK


def test_the_day_before_the_warning_window_is_on_track():
    before = DEADLINE - dt.timedelta(days=RULES.warn_days + 1)
    assert status(99, before) == Status.ON_TRACK


def test_the_last_day_of_the_warning_window_is_the_deadline():
    assert status(99, DEADLINE) == Status.AT_RISK
    assert status(99, DEADLINE + dt.timedelta(days=1)) != Status.AT_RISK


def test_a_task_at_100_percent_is_completed_even_when_overdue():
    assert status(100, DEADLINE + dt.timedelta(days=30)) == Status.COMPLETED
