from planwatch.reports import actions
from planwatch.reports.ladder import propose_notices
from planwatch.reports.models import Notice
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def test_an_unanswered_notice_escalates(supervisor, officer, unit_a):
    plan = make_plan("escalate")
    first = overdue_task(plan, unit_a, "E-1")
    second = overdue_task(plan, unit_a, "E-2")
    unanswered = actions.do_issue_notice(
        supervisor,
        unit_a,
        "urging",
        [first],
        "Explain.",
        days_after_deadline(16),
        answer_due=days_after_deadline(20),
    )
    answered = actions.do_issue_notice(
        supervisor,
        unit_a,
        "urging",
        [second],
        "Explain.",
        days_after_deadline(16),
        answer_due=days_after_deadline(20),
    )
    actions.do_answer_notice(officer, answered, "Done by March.", days_after_deadline(18))

    assert propose_notices(days_after_deadline(20)).escalations == 0  # due today, not past
    result = propose_notices(days_after_deadline(21))

    assert result.escalations == 1
    proposal = Notice.objects.get(escalated_from=unanswered)
    assert proposal.kind == "supervision" and proposal.state == Notice.State.PROPOSED
    assert [i.task for i in proposal.items.all()] == [first]
    assert propose_notices(days_after_deadline(22)).escalations == 0

    issued = actions.do_confirm_notice(supervisor, proposal, days_after_deadline(22))
    assert issued.state == Notice.State.ISSUED and issued.reference.startswith("督字")
