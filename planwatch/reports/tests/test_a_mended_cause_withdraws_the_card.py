import datetime as dt

from planwatch.plans import actions as plan_actions
from planwatch.reports.cards import apply_card_rules
from planwatch.reports.models import Card
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def _live():
    return sorted(
        Card.objects.filter(withdrawn_on__isnull=True).values_list(
            "colour", "cause", "task__reference"
        )
    )


def test_a_mended_cause_withdraws_the_card(supervisor, unit_a):
    task = overdue_task(make_plan("cards"), unit_a, "C-1")

    assert apply_card_rules(days_after_deadline(15)).issued == 0  # 15 is not more than 15
    assert apply_card_rules(days_after_deadline(16)).issued == 1
    assert _live() == [("yellow", "overdue", "C-1")]
    assert apply_card_rules(days_after_deadline(20)).issued == 0  # never twice

    applied = apply_card_rules(days_after_deadline(31))
    assert (applied.issued, applied.withdrawn) == (1, 1)
    assert _live() == [("red", "overdue", "C-1")]
    yellow = Card.objects.get(colour="yellow")
    assert yellow.withdraw_reason == "replaced by a red card"

    # The cause is mended: the deadline is corrected to a later day.
    plan_actions.do_update_task(supervisor, task, task.version, deadline=dt.date(2026, 12, 31))
    applied = apply_card_rules(days_after_deadline(32))
    assert applied.withdrawn == 1 and _live() == []
    red = Card.objects.get(colour="red")
    assert red.withdrawn_on == days_after_deadline(32) and red.withdraw_reason == "cause mended"
