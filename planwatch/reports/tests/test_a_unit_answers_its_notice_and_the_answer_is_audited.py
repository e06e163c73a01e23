import pytest
from django.core.exceptions import PermissionDenied

from planwatch.audit.models import AuditEvent
from planwatch.plans.files import as_upload
from planwatch.plans.models import Notification
from planwatch.reports import actions
from planwatch.reports.models import Notice
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task


def test_a_unit_answers_its_notice_and_the_answer_is_audited(
    users, supervisor, officer, unit_a, django_capture_on_commit_callbacks
):
    task = overdue_task(make_plan("answer"), unit_a, "A-1")
    with django_capture_on_commit_callbacks(execute=True):
        notice = actions.do_issue_notice(
            supervisor, unit_a, "urging", [task], "Explain.", days_after_deadline(20)
        )
    assert Notification.objects.filter(user=officer, kind="notice").exists()

    with pytest.raises(PermissionDenied):
        actions.do_answer_notice(
            users[("unit_officer", "b")], notice, "Not ours.", days_after_deadline(21)
        )
    answer = actions.do_answer_notice(
        officer,
        notice,
        "The contract is signed; work resumes on 1 March.",
        days_after_deadline(30),
        [as_upload("contract.txt", "合同已签署".encode())],
    )
    notice.refresh_from_db()
    assert notice.state == Notice.State.ANSWERED
    assert answer.late  # due after the ladder's 7 days, answered on day 10
    assert answer.files.get().name == "contract.txt"
    actions_seen = set(
        AuditEvent.objects.filter(object_id=str(notice.pk)).values_list("action", flat=True)
    )
    assert {"created", "changed"} <= actions_seen
    assert AuditEvent.objects.filter(object_id=str(task.pk), action="notice issued").exists()
