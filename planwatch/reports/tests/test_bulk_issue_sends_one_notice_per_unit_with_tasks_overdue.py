from planwatch.reports import actions
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def test_bulk_issue_sends_one_notice_per_unit_with_tasks_overdue(supervisor, unit_a, unit_b):
    plan = make_plan("bulk")
    overdue_task(plan, unit_a, "B-1")
    overdue_task(plan, unit_a, "B-2")
    overdue_task(plan, unit_b, "B-3", deadline=days_after_deadline(10))

    notices = actions.do_issue_in_bulk(
        supervisor, "urging", 15, "Explain the delay.", days_after_deadline(20)
    )

    assert [(n.unit, n.items.count()) for n in notices] == [(unit_a, 2)]
    assert notices[0].reference == "催字〔2026〕第1号"
