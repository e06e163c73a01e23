import datetime as dt

from planwatch.intake.meta import event_dates


def test_december_5_in_a_december_7_text_is_that_year():
    assert event_dates("On December 5, the governor surveyed Changchun.", dt.date(2018, 12, 7)) == [
        dt.date(2018, 12, 5)
    ]


def test_a_month_after_publication_means_the_previous_year():
    assert event_dates("On December 7, the group met.", dt.date(2019, 1, 15)) == [
        dt.date(2018, 12, 7)
    ]


def test_chinese_month_day_and_the_year_of_an_earlier_full_date():
    body = "2020年4月21日，国务院批复同意总体方案。5月12日，总体方案印发。"
    assert event_dates(body, dt.date(2021, 6, 30)) == [dt.date(2020, 4, 21), dt.date(2020, 5, 12)]


def test_without_a_publication_date_month_days_stay_unresolved():
    assert event_dates("On January 16, he inspected the parks.", None) == []
