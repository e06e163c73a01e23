"""A format without a counter, a notice to a unit with no overdue task, an answer after
withdrawal, a NUL byte, a 200,000-character word, a bad file: each a clear message."""

import pytest
from django.core.exceptions import ValidationError

from planwatch.audit.models import AuditEvent
from planwatch.plans.files import as_upload
from planwatch.reports import actions
from planwatch.reports.models import AnswerFile, Notice, NoticeAnswer, NoticeCounter
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task

TODAY = days_after_deadline(20)


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_a_number_format_without_a_counter_is_refused(supervisor):
    plan = make_plan("formats")
    for bad in ("督字〔{year}〕第号", "督字〔{year}〕第{n}号{number}", "督字{number"):
        with pytest.raises(ValidationError) as caught:
            actions.do_save_series(supervisor, None, kind="urging", plan=plan, number_format=bad)
        assert "number format" in _messages(caught.value).lower()
    with pytest.raises(ValidationError, match="no counter"):
        actions.do_save_series(
            supervisor, None, kind="urging", plan=plan, number_format="督字〔{year}〕第号"
        )
    series = actions.do_save_series(
        supervisor, None, kind="urging", plan=plan, number_format="{year}催{number:03d}"
    )
    assert series.format(2026, 7) == "2026催007"


def test_a_notice_to_a_unit_with_no_overdue_task_is_refused(supervisor, unit_a, unit_b):
    plan = make_plan("refused")
    task = overdue_task(plan, unit_a, "R-1")
    with pytest.raises(ValidationError, match="not overdue"):
        actions.do_issue_notice(
            supervisor, unit_a, "urging", [task], "Explain.", days_after_deadline(0)
        )
    with pytest.raises(ValidationError, match="not assigned"):
        actions.do_issue_notice(supervisor, unit_b, "urging", [task], "Explain.", TODAY)
    with pytest.raises(ValidationError, match="at least one"):
        actions.do_issue_notice(supervisor, unit_a, "urging", [], "Explain.", TODAY)
    with pytest.raises(ValidationError, match="no unit has a task overdue by more than 30"):
        actions.do_issue_in_bulk(supervisor, "urging", 30, "Explain.", TODAY)
    assert not Notice.objects.exists() and not NoticeCounter.objects.filter(last__gt=0).exists()


def test_a_nul_byte_or_a_huge_word_is_refused(supervisor, unit_a):
    task = overdue_task(make_plan("texts"), unit_a, "T-1")
    for bad in ("Explain\x00", "字" * 200_000):
        with pytest.raises(ValidationError, match="Required response"):
            actions.do_issue_notice(supervisor, unit_a, "urging", [task], bad, TODAY)
    assert not Notice.objects.exists()


def test_an_answer_after_withdrawal_is_refused(supervisor, officer, unit_a):
    task = overdue_task(make_plan("withdrawn"), unit_a, "W-1")
    notice = actions.do_issue_notice(supervisor, unit_a, "urging", [task], "Explain.", TODAY)
    actions.do_withdraw_notice(supervisor, notice, "Issued in error.")
    with pytest.raises(ValidationError, match="withdrawn"):
        actions.do_answer_notice(officer, notice, "We did it.", TODAY)
    assert not NoticeAnswer.objects.exists()
    notice.refresh_from_db()
    assert notice.state == Notice.State.WITHDRAWN and notice.number == 1


def test_an_answer_with_a_bad_file_saves_nothing(supervisor, officer, unit_a):
    task = overdue_task(make_plan("files"), unit_a, "W-2")
    notice = actions.do_issue_notice(supervisor, unit_a, "urging", [task], "Explain.", TODAY)
    events = AuditEvent.objects.count()
    files = [as_upload("ok.txt", b"fine"), as_upload("virus.pdf", b"MZ\x90\x00")]
    with pytest.raises(ValidationError) as caught:
        actions.do_answer_notice(officer, notice, "We did it.", TODAY, files)
    assert "virus.pdf" in _messages(caught.value)
    assert not NoticeAnswer.objects.exists() and not AnswerFile.objects.exists()
    assert AuditEvent.objects.count() == events
    notice.refresh_from_db()
    assert notice.state == Notice.State.ISSUED
