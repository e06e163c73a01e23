from planwatch.plans import queries_dashboard as q
from planwatch.plans.tests.dashboard_world import TODAY, build


def test_a_unit_officer_sees_only_their_units_figures(users, unit_a, unit_b):
    build(users, unit_a, unit_b)
    officer = users[("unit_officer", "b")]
    board = q.dashboard(officer, q.Filters(), TODAY)
    assert [row.unit for row in board.units] == [unit_b]
    # B leads three tasks and co-works on one of A's: four visible tasks in all.
    assert sum(row.total for row in board.plans) == 4
    assert {f.task.reference for f in board.overdue} <= {"dash-a-0", "dash-b-0"}
    assert all(
        r.assignment.task.reference in {"dash-a-0"} or r.assignment.unit == unit_b
        for r in board.waiting
    )
    supervisor = q.dashboard(users[("supervisor", "a")], q.Filters(), TODAY)
    assert {row.unit for row in supervisor.units} == {unit_a, unit_b}
    assert sum(row.total for row in supervisor.plans) == 6
