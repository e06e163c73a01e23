from collections import Counter

from planwatch.plans import queries_dashboard as q
from planwatch.plans.models import Task
from planwatch.plans.queries import task_rows
from planwatch.plans.tests.dashboard_world import TODAY, build


def test_the_dashboard_counts_match_the_task_pages_status(users, unit_a, unit_b):
    """The cache is refreshed by every action, so its statuses equal the task page's."""
    build(users, unit_a, unit_b, per_unit=4)
    rows = task_rows(Task.objects.select_related("plan"), TODAY)
    expected = Counter(row.status.value for row in rows)
    figures = q.figures_in_scope(users[("supervisor", "a")], q.Filters(), TODAY)
    assert Counter(figures.values_list("status", flat=True)) == expected
    by_reference = {row.task.reference: row.status.value for row in rows}
    for f in figures.select_related("task"):
        assert f.status == by_reference[f.task.reference], f.task.reference
