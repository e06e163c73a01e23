"""The unfiltered dashboard reads a cached summary; a change of any figure makes it stale,
so the next dashboard counts afresh, and another day never reuses it."""

import datetime as dt

from planwatch.plans import actions
from planwatch.plans import queries_dashboard as q
from planwatch.plans.models import DashboardSummary, Task
from planwatch.plans.tests.dashboard_world import TODAY, build
from planwatch.plans.tests.loop import finish


def _closed(board: q.Dashboard) -> int:
    return sum(row.closed for row in board.plans)


def test_the_dashboard_summary_follows_every_change(users, unit_a, unit_b):
    build(users, unit_a, unit_b)
    supervisor = users[("supervisor", "a")]
    first = q.dashboard(supervisor, q.Filters(), TODAY)
    assert DashboardSummary.objects.filter(day=TODAY).exists()
    assert q.dashboard(supervisor, q.Filters(), TODAY).plans == first.plans

    task = Task.objects.get(reference="dash-b-2")
    finish(users[("unit_officer", "b")], supervisor, task)
    task.refresh_from_db()
    actions.do_close(
        supervisor, task, "Done.", task.version, incomplete_reason="Merged into another task."
    )
    after = q.dashboard(supervisor, q.Filters(), TODAY)
    assert _closed(after) == _closed(first) + 1
    filtered = q.dashboard(supervisor, q.Filters(plan="dash"), TODAY)
    assert [(r.total, r.closed, r.overdue) for r in after.plans] == [
        (r.total, r.closed, r.overdue) for r in filtered.plans
    ]
    assert after.waiting_count == filtered.waiting_count

    later = TODAY + dt.timedelta(days=200)
    assert q.dashboard(supervisor, q.Filters(), later).plans[0].overdue > after.plans[0].overdue
    assert set(DashboardSummary.objects.values_list("day", flat=True)) == {later}
