"""The figures are cached under a stamp of the data and the map reads facts cached on each
project: a change through any action must show on the next request, never a stale figure."""

import datetime as dt
import json
from decimal import Decimal

from django.core.management import call_command

from planwatch.projects import actions
from planwatch.projects.models import ApprovalKind, Project
from planwatch.projects.queries import figures
from planwatch.projects.tests.factories import make_project

YI = Decimal(100_000_000)


def test_an_amount_change_shows_in_the_next_figures(unit_a, supervisor):
    project = make_project(unit_a, total_planned=Decimal("250000000"))
    assert figures(supervisor, YI).planned == Decimal("250000000")
    assert figures(supervisor, YI).above_threshold == 1

    actions.do_update_project(supervisor, project, project.version, total_planned=Decimal("5"))
    result = figures(supervisor, YI)
    assert (result.planned, result.above_threshold) == (Decimal("5"), 0)


def test_a_stage_move_and_a_signing_date_show_in_the_next_figures(unit_a, supervisor):
    project = make_project(unit_a)
    before = figures(supervisor, YI)
    assert set(before.by["stage"]) == {"lead"} and set(before.by["year"]) == {None}

    actions.do_move_project(supervisor, project, project.version, "signed", on=dt.date(2023, 5, 4))
    after = figures(supervisor, YI)
    assert set(after.by["stage"]) == {"signed"} and set(after.by["year"]) == {2023}

    actions.do_set_stage_dates(supervisor, project, "signed", None, dt.date(2021, 2, 3))
    assert set(figures(supervisor, YI).by["year"]) == {2021}


def test_a_new_rate_shows_in_the_next_figures(unit_a, supervisor):
    make_project(unit_a, currency="USD", total_planned=Decimal("100"))
    assert figures(supervisor, YI).projects == 0

    actions.do_add_rate(
        supervisor, currency="USD", valid_from=dt.date(2020, 1, 1), cny_per_unit=Decimal("7")
    )
    assert figures(supervisor, YI).planned == Decimal("700")


def test_an_approval_past_due_turns_the_marker_red_at_once(unit_a, supervisor, client):
    project = make_project(unit_a)
    client.force_login(supervisor)

    def light() -> str:
        data = json.loads(client.get("/projects/map/data.json").content)
        return data["lights"][data["p"][0][3]][0]

    assert light() == "on_track"
    kind = ApprovalKind.objects.get(code="land")
    approval = actions.do_add_approval(supervisor, project, kind=kind, due_on=dt.date(2020, 1, 1))
    assert light() == "overdue"
    actions.do_update_approval(supervisor, approval, approval.version, state="granted")
    assert light() == "on_track"


def test_the_rebuild_command_restores_facts_changed_behind_the_actions(unit_a, supervisor):
    project = make_project(unit_a)
    kind = ApprovalKind.objects.get(code="land")
    actions.do_add_approval(supervisor, project, kind=kind, due_on=dt.date(2020, 1, 1))
    actions.do_move_project(supervisor, project, project.version, "signed", on=dt.date(2023, 5, 4))
    Project.objects.update(next_approval_due=None, signed_on=None, slipped=True)

    call_command("rebuild_project_facts")
    project.refresh_from_db()
    assert project.next_approval_due == dt.date(2020, 1, 1)
    assert project.signed_on == dt.date(2023, 5, 4)
    assert project.slipped is False
