import datetime as dt

from planwatch.plans import actions as plan_actions
from planwatch.reports import actions
from planwatch.reports.tests.world import make_plan, overdue_task, report_on

JANUARY = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))
FEBRUARY = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def _ranks(bulletin) -> dict[str, int]:
    return {u["name"]["en"]: u["rank"] for u in bulletin.content["units"]}


def test_a_bulletin_says_what_changed_since_the_previous_one(supervisor, users, unit_a, unit_b):
    plan = make_plan("monthly")
    late = overdue_task(plan, unit_a, "M-1", deadline=dt.date(2026, 1, 15))
    due = overdue_task(plan, unit_b, "M-2", deadline=dt.date(2026, 2, 10))
    # Only units that have reported are ranked: each unit reports once.
    report_on(users[("unit_officer", "a")], late, 50)
    report_on(users[("unit_officer", "b")], due, 50)
    late.refresh_from_db()

    january = actions.do_generate_bulletin(supervisor, "month", *JANUARY, today=dt.date(2026, 2, 2))
    assert january.content["overdue"]["refs"] == ["M-1"]
    assert january.content["changes"] == {"previous": None}
    assert _ranks(january) == {"Unit B Bureau": 1, "Unit A Bureau": 2}

    # Unit A's deadline is corrected; unit B's task falls overdue.
    plan_actions.do_update_task(supervisor, late, late.version, deadline=dt.date(2026, 6, 30))
    february = actions.do_generate_bulletin(
        supervisor, "month", *FEBRUARY, today=dt.date(2026, 3, 2)
    )

    changes = february.content["changes"]
    assert february.previous == january and changes["previous"] == january.reference
    assert changes["new_overdue"] == ["M-2"] and changes["new_overdue_count"] == 1
    assert changes["no_longer_overdue"] == ["M-1"]
    assert [(m["name"]["en"], m["from"], m["to"]) for m in changes["moved_up"]] == [
        ("Unit A Bureau", 2, 1)
    ]
    assert [(m["name"]["en"], m["from"], m["to"]) for m in changes["moved_down"]] == [
        ("Unit B Bureau", 1, 2)
    ]
    assert (january.number, february.number) == (1, 2)
    assert february.reference == "督查通报〔2026〕第2期"
