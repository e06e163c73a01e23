import datetime as dt

from planwatch.plans import actions as plan_actions
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task
from planwatch.reports.cards import apply_card_rules
from planwatch.reports.models import Card

TODAY = dt.date(2025, 6, 10)


def _submit_and_review(officer, supervisor, task, month, approve):
    report = plan_actions.do_submit_report(officer, lead_assignment(task), month, 20, "Some work.")
    plan_actions.do_review_report(supervisor, report, report.version, approve, "Add evidence.")


def test_two_returned_reports_in_a_row_give_a_yellow_card(supervisor, officer, unit_a):
    task = make_task(make_plan("returned"), unit_a, "RR-1")
    _submit_and_review(officer, supervisor, task, dt.date(2025, 3, 1), False)
    assert apply_card_rules(TODAY).issued == 0
    _submit_and_review(officer, supervisor, task, dt.date(2025, 3, 1), False)

    assert apply_card_rules(TODAY).issued == 1
    card = Card.objects.get()
    assert (card.colour, card.cause, card.unit, card.task) == ("yellow", "returned", unit_a, task)

    _submit_and_review(officer, supervisor, task, dt.date(2025, 3, 1), True)
    assert apply_card_rules(TODAY).withdrawn == 1
