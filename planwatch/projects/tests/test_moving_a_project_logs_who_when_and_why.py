import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from planwatch.audit.models import AuditEvent
from planwatch.projects import actions
from planwatch.projects.models import ProjectStage
from planwatch.projects.tests.factories import make_project


def test_a_move_writes_the_stage_log_the_reached_date_and_an_audit_event(unit_a, supervisor):
    project = make_project(unit_a)
    log = actions.do_move_project(
        supervisor, project, project.version, "signed", "", "contract signed", dt.date(2022, 3, 1)
    )
    assert (log.from_stage, log.to_stage, log.moved_by, log.reason) == (
        "lead",
        "signed",
        supervisor,
        "contract signed",
    )
    assert ProjectStage.objects.get(project=project, stage="signed").actual_on == dt.date(
        2022, 3, 1
    )
    event = AuditEvent.objects.filter(object_id=str(project.pk), action="changed").get()
    assert event.changes["stage"] == ["lead", "signed"] and event.reason == "contract signed"


def test_a_project_is_not_lost_without_a_reason(unit_a, supervisor):
    project = make_project(unit_a)
    with pytest.raises(ValidationError, match="Say why"):
        actions.do_move_project(supervisor, project, None, "lead", "lost", "")


def test_a_unit_officer_may_not_move_a_project(unit_a, officer):
    project = make_project(unit_a)
    with pytest.raises(PermissionDenied):
        actions.do_move_project(officer, project, None, "signed", "", "")
