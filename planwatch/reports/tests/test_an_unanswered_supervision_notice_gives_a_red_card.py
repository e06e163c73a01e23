from planwatch.reports import actions
from planwatch.reports.cards import apply_card_rules
from planwatch.reports.models import Card, Ladder
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def test_an_unanswered_supervision_notice_gives_a_red_card(supervisor, officer, unit_a):
    plan = make_plan("unanswered")
    # Overdue cards out of the way: this test is about the notice.
    Ladder.objects.create(plan=plan, yellow_after=900, red_after=1000)
    task = overdue_task(plan, unit_a, "U-1")
    notice = actions.do_issue_notice(
        supervisor,
        unit_a,
        "supervision",
        [task],
        "Explain.",
        days_after_deadline(31),
        answer_due=days_after_deadline(38),
    )
    assert apply_card_rules(days_after_deadline(38)).issued == 0
    assert apply_card_rules(days_after_deadline(39)).issued == 1
    card = Card.objects.get()
    assert (card.colour, card.cause, card.notice) == ("red", "unanswered", notice)

    actions.do_answer_notice(officer, notice, "Resumed work.", days_after_deadline(40))
    assert apply_card_rules(days_after_deadline(40)).withdrawn == 1
