from planwatch.plans.scoring import RULE, UnitCounts, ranks, unit_score


def test_units_are_scored_and_ranked_by_the_stated_rule():
    perfect = UnitCounts(tasks_led=4, finished=4, overdue=0, reports=10, reports_on_time=10)
    assert unit_score(perfect) == 100
    half = UnitCounts(tasks_led=4, finished=2, overdue=2, reports=10, reports_on_time=5)
    assert unit_score(half) == round(50 * 0.5 + 30 * 0.5 + 20 * 0.5)
    assert unit_score(UnitCounts(0, 0, 0, 0, 0)) is None
    assert ranks([70, 90, 70, None, 10]) == [2, 1, 2, None, 4]
    assert "50 ×" in str(RULE) and "30 ×" in str(RULE) and "20 ×" in str(RULE)
