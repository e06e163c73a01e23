import datetime as dt
import itertools

from planwatch.projects.models import Project
from planwatch.projects.queries import light_expression, project_light
from planwatch.projects.status import LIGHTS
from planwatch.projects.tests.factories import make_project

TODAY = dt.date(2024, 6, 1)
DATES = [None, dt.date(2024, 5, 1), dt.date(2024, 6, 15), dt.date(2024, 12, 1)]


def test_every_combination_of_facts_gets_the_same_light(unit_a):
    cases = itertools.product(
        ["lead", "production"], ["", "delayed", "lost"], DATES, DATES, [False, True]
    )
    for i, (stage, side, approval, milestone, slipped) in enumerate(cases):
        project = make_project(
            unit_a, f"c{i}", stage=stage, side_status=side, side_reason="r" if side else ""
        )
        Project.objects.filter(pk=project.pk).update(
            next_approval_due=approval, next_milestone_due=milestone, slipped=slipped
        )
    projects = Project.objects.annotate(light=light_expression(TODAY))
    for project in projects:
        assert LIGHTS[project.light] == project_light(project, TODAY), project.code
