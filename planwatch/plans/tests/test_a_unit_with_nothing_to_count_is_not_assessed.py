from planwatch.plans.scoring import UnitCounts, ranks, unit_score


def test_a_unit_with_no_report_is_not_ranked_above_units_that_reported():
    silent = UnitCounts(tasks_led=3, finished=0, overdue=0, reports=0, reports_on_time=0)
    late = UnitCounts(tasks_led=3, finished=0, overdue=1, reports=6, reports_on_time=1)
    scores = [unit_score(silent), unit_score(late)]
    assert scores[0] is None
    assert ranks(scores) == [None, 1]


def test_a_unit_that_leads_nothing_is_not_assessed():
    co_unit_only = UnitCounts(tasks_led=0, finished=0, overdue=0, reports=4, reports_on_time=4)
    assert unit_score(co_unit_only) is None


def test_a_unit_with_one_led_task_and_one_report_is_scored():
    one = UnitCounts(tasks_led=1, finished=0, overdue=0, reports=1, reports_on_time=0)
    assert unit_score(one) == 30
