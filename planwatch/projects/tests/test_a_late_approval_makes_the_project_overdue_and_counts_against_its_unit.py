import datetime as dt

from planwatch.projects import actions
from planwatch.projects.models import ApprovalKind
from planwatch.projects.queries import late_approvals, project_light, unit_project_penalties
from planwatch.projects.status import Light
from planwatch.projects.tests.factories import make_project

TODAY = dt.date(2024, 6, 1)


def test_an_approval_past_due_and_not_granted_is_late(unit_a, supervisor):
    project = make_project(unit_a)
    land = ApprovalKind.objects.get(code="land")
    approval = actions.do_add_approval(
        supervisor, project, kind=land, due_on=dt.date(2024, 5, 1), state="applied"
    )
    assert project_light(project, TODAY) == Light.OVERDUE
    assert list(late_approvals(supervisor, TODAY)) == [approval]
    assert unit_project_penalties(TODAY)[unit_a.pk]["late_approvals"] == 1

    actions.do_update_approval(supervisor, approval, approval.version, state="granted")
    project.refresh_from_db()
    assert project_light(project, TODAY) == Light.ON_TRACK
    assert list(late_approvals(supervisor, TODAY)) == []


def test_an_approval_due_within_a_month_puts_the_project_at_risk(unit_a, supervisor):
    project = make_project(unit_a)
    eia = ApprovalKind.objects.get(code="eia")
    actions.do_add_approval(supervisor, project, kind=eia, due_on=dt.date(2024, 6, 20))
    assert project_light(project, TODAY) == Light.AT_RISK
