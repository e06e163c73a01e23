import datetime as dt

from django.utils import translation

from planwatch.plans import actions
from planwatch.plans.models import Notification
from planwatch.plans.notices import describe, email
from planwatch.plans.reminders import send_reminders
from planwatch.plans.tests.loop import make_plan, make_task, submit


def message(notification, language: str) -> str:
    with translation.override(language):
        return describe([notification])[0].message


def test_a_report_sent_in_chinese_reads_in_english_for_an_english_supervisor(
    unit_a, officer, supervisor, django_capture_on_commit_callbacks
):
    task = make_task(make_plan(), unit_a, "T-1")
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        report = submit(officer, task, 40)
    notification = Notification.objects.get(user=supervisor, kind="report_submitted")
    assert message(notification, "en") == (
        "Unit A Bureau reported 40% on T-1 for 2025-03; it waits for review."
    )
    assert "等待审核" in message(notification, "zh-hans")

    with django_capture_on_commit_callbacks(execute=True):
        actions.do_review_report(supervisor, report, report.version, True)
    assert message(notification, "en").endswith("; it was approved.")
    assert "已审核通过" in message(notification, "zh-hans")
    told = Notification.objects.get(user=officer, kind="report_reviewed")
    assert message(told, "en") == "Your report on T-1 for 2025-03 was approved."


def test_counts_take_their_plural_and_every_e_mail_links_to_its_page(
    unit_a, users, supervisor, mailoutbox, settings
):
    settings.SITE_URL = "https://planwatch.example.org"
    supervisor.email = "supervisor@example.org"
    supervisor.save()
    task = make_task(make_plan(), unit_a, "T-1")
    submit(users[("unit_officer", "a")], task, 40)
    send_reminders(dt.date(2025, 4, 2))

    waiting = Notification.objects.get(user=supervisor, kind="reports_waiting")
    assert message(waiting, "en") == "1 progress report is waiting for your review."
    assert message(waiting, "zh-hans") == "有 1 份进展报告等待您审核。"
    (mail,) = [m for m in mailoutbox if m.to == ["supervisor@example.org"]]
    assert "1 progress report is waiting" in mail.body and "1 份进展报告" in mail.body
    assert "https://planwatch.example.org/plans/inbox/" in mail.body
    assert "https://planwatch.example.org" in email(waiting).body
