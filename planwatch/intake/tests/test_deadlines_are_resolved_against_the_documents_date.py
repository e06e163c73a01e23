import datetime as dt

import pytest

from planwatch.intake.deadlines import find_deadline, reporting_rule, timing
from planwatch.intake.meta import event_dates

ON = dt.date(2026, 11, 2)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("于10月15日前报送", dt.date(2027, 10, 15)),
        ("于11月2日前报送", dt.date(2026, 11, 2)),
        ("于11月1日前报送", dt.date(2027, 11, 1)),
        ("11月底前完成", dt.date(2026, 11, 30)),
        ("2027年6月底前建成", dt.date(2027, 6, 30)),
        ("年内实现开工", dt.date(2026, 12, 31)),
        ("2026年底前建成", dt.date(2026, 12, 31)),
        ("must assist before the end of January", dt.date(2027, 1, 31)),
        ("report by 31 March 2027", dt.date(2027, 3, 31)),
        ("publish it by November 30", dt.date(2026, 11, 30)),
        ("finish it within the year", dt.date(2026, 12, 31)),
        ("draw up a plan within 15 days", dt.date(2026, 11, 17)),
        ("submit it within one month", dt.date(2026, 12, 2)),
    ],
)
def test_a_deadline_lies_on_or_after_the_document(text, due):
    assert find_deadline(text, ON).date == due


def test_without_a_date_a_deadline_keeps_only_its_words():
    found = find_deadline("于10月15日前报送", None)
    assert (found.date, found.as_written) == (None, "于10月15日前")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("各牵头单位要每季度最后一个月25日前报送进展", "quarter"),
        ("每周五前报送项目进展", "week"),
        ("report progress before the 5th of each month", "month"),
        ("Lead units shall report every Friday", "week"),
    ],
)
def test_a_recurring_report_is_a_rule_not_a_deadline(text, period):
    assert reporting_rule(text)[0]["period"] == period
    assert find_deadline(text, ON) is None


def test_a_recurring_activity_without_a_report_is_no_rule():
    assert reporting_rule("每月组织一次政策宣讲活动") is None


def test_a_deadline_is_never_an_event_date():
    body = "10月20日，会议要求示范区管委会于12月15日前完成规划。"
    assert event_dates(body, ON, timing(body, ON).spans()) == [dt.date(2026, 10, 20)]
