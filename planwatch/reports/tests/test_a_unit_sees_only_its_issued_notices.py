from planwatch.reports import actions
from planwatch.reports.ladder import propose_notices
from planwatch.reports.queries import notices_visible_to
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def test_a_unit_sees_only_its_issued_notices(users, supervisor, unit_a, unit_b):
    plan = make_plan("visible")
    own = overdue_task(plan, unit_a, "V-1")
    overdue_task(plan, unit_a, "V-2")
    other = overdue_task(plan, unit_b, "V-3")
    today = days_after_deadline(16)
    mine = actions.do_issue_notice(supervisor, unit_a, "urging", [own], "Explain.", today)
    theirs = actions.do_issue_notice(supervisor, unit_b, "urging", [other], "Explain.", today)
    propose_notices(today)  # a proposal to unit A about V-2: a draft

    officer_a = users[("unit_officer", "a")]
    assert list(notices_visible_to(officer_a)) == [mine]
    assert not officer_a.has_perm("reports.view_notice", theirs)
    leader = users[("leader", "a")]
    assert notices_visible_to(leader).count() == 3
