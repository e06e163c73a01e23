import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planwatch.reports import actions
from planwatch.reports.cards import apply_card_rules
from planwatch.reports.dashboard import card_penalty
from planwatch.reports.models import Card
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task

TODAY = days_after_deadline(40)


def test_a_card_by_hand_needs_a_reason_and_counts_against_the_unit(
    users, supervisor, unit_a, unit_b
):
    task = overdue_task(make_plan("hand"), unit_a, "H-1")
    with pytest.raises(ValidationError, match="Reason"):
        actions.do_issue_card(supervisor, unit_a, "yellow", "  ", TODAY)
    with pytest.raises(ValidationError, match="not assigned"):
        actions.do_issue_card(supervisor, unit_b, "yellow", "Late.", TODAY, task=task)
    with pytest.raises(PermissionDenied):
        actions.do_issue_card(users[("leader", "a")], unit_a, "red", "Late.", TODAY)
    assert not Card.objects.exists()

    actions.do_issue_card(supervisor, unit_a, "yellow", "Ignored two calls.", TODAY)
    apply_card_rules(TODAY)  # a red card for H-1, overdue by 40 days
    assert card_penalty(TODAY) == {unit_a.pk: (7, "1 red and 1 yellow cards")}

    hand = Card.objects.get(cause="by_hand")
    apply_card_rules(days_after_deadline(41))
    hand.refresh_from_db()
    assert hand.withdrawn_on is None  # the rules never withdraw a card by hand
    actions.do_withdraw_card(supervisor, hand, "They called back.", TODAY)
    with pytest.raises(ValidationError, match="already withdrawn"):
        actions.do_withdraw_card(supervisor, hand, "Again.", TODAY)
    assert card_penalty(TODAY) == {unit_a.pk: (5, "1 red and 0 yellow cards")}
