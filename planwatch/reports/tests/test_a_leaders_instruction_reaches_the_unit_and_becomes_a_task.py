import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planwatch.audit.models import AuditEvent
from planwatch.plans.models import Notification
from planwatch.reports import actions
from planwatch.reports.queries import instructions_visible_to
from planwatch.reports.tests.world import make_plan, overdue_task


def test_a_leaders_instruction_reaches_the_unit_and_becomes_a_task(
    users, supervisor, unit_a, django_capture_on_commit_callbacks
):
    plan = make_plan("instructions")
    task = overdue_task(plan, unit_a, "I-1")
    leader = users[("leader", "a")]
    with pytest.raises(PermissionDenied):
        actions.do_write_instruction(supervisor, "Hurry.", task=task)
    with pytest.raises(ValidationError, match="Instruction"):
        actions.do_write_instruction(leader, "\x00", task=task)

    with django_capture_on_commit_callbacks(execute=True):
        instruction = actions.do_write_instruction(leader, "务必本月完成。", task=task)
    officer_a, officer_b = users[("unit_officer", "a")], users[("unit_officer", "b")]
    assert Notification.objects.filter(user=officer_a, kind="instruction").exists()
    assert list(instructions_visible_to(officer_a)) == [instruction]
    assert not instructions_visible_to(officer_b).exists()
    assert AuditEvent.objects.filter(action="instruction written", object_id=str(task.pk))

    new = actions.do_instruction_to_task(
        supervisor,
        instruction,
        plan=plan,
        reference="I-2",
        title_zh="落实领导批示",
        start_date=dt.date(2026, 1, 1),
        lead_unit=unit_a,
    )
    instruction.refresh_from_db()
    assert instruction.new_task == new and new.description == "务必本月完成。"
    with pytest.raises(ValidationError, match="already task I-2"):
        actions.do_instruction_to_task(
            supervisor,
            instruction,
            plan=plan,
            reference="I-3",
            title_zh="x",
            start_date=dt.date(2026, 1, 1),
        )
