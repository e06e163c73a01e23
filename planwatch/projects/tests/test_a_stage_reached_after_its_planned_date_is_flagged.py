import datetime as dt

from planwatch.projects import actions
from planwatch.projects.queries import project_light
from planwatch.projects.status import Light
from planwatch.projects.tests.factories import make_project


def test_a_slipped_stage_puts_the_project_at_risk(unit_a, supervisor):
    project = make_project(unit_a, planned={"signed": dt.date(2022, 3, 1)})
    row = actions.do_set_stage_dates(
        supervisor, project, "signed", dt.date(2022, 3, 1), dt.date(2022, 5, 1)
    )
    assert row.slipped
    project.refresh_from_db()
    assert project.slipped
    assert project_light(project, dt.date(2022, 6, 1)) == Light.AT_RISK
