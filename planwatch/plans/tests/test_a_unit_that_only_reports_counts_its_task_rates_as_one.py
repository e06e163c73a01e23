"""A co-unit that leads no task but reports: the two task rates have nothing to count, so
by the stated rule each counts as 1 (found by bench/mutate.py: no test said so)."""

from planwatch.plans.scoring import UnitCounts, unit_score


def test_a_unit_that_only_reports_counts_its_task_rates_as_one():
    only_reports = UnitCounts(tasks_led=0, finished=0, overdue=0, reports=4, reports_on_time=2)

    assert unit_score(only_reports) == 50 * 0.5 + 30 * 1 + 20 * 1
