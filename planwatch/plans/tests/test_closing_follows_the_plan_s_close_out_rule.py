import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planwatch.plans import actions
from planwatch.plans.models import ClosedChildCounts, Task
from planwatch.plans.queries import task_rows
from planwatch.plans.tests.loop import START, finish, lead_assignment, make_plan, make_task, submit

TODAY = dt.date(2025, 6, 15)


def refused(supervisor, task, note="Checked on site.", **kw) -> dict:
    task.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        actions.do_close(supervisor, task, note, task.version, **kw)
    task.refresh_from_db()
    assert task.closed_at is None
    return error.value.message_dict


def test_closing_needs_a_note(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    finish(officer, supervisor, task)
    assert "note" in refused(supervisor, task, note="  ")


def test_a_task_without_a_report_lead_unit_or_deadline_is_not_closed(supervisor):
    plan = make_plan()
    task = actions.do_create_task(
        None, plan=plan, reference="T-0", title_en="Orphan", start_date=START
    )
    errors = refused(supervisor, task)
    assert {"lead_unit", "deadline", "incomplete_reason"} <= set(errors)


def test_closing_needs_every_unit_s_report_and_evidence(unit_a, unit_b, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    actions.do_assign(supervisor, task, unit_b, "co", "permits")
    report = submit(officer, task, 100)
    actions.do_review_report(supervisor, report, report.version, True)
    errors = refused(supervisor, task)
    assert "reports" in errors and "Unit B Bureau" in errors["reports"][0]
    assert "evidence" in errors


def test_closing_below_100_percent_needs_a_reason(unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    finish(officer, supervisor, task, percent=86)
    errors = refused(supervisor, task)
    assert "86 %" in errors["incomplete_reason"][0]

    actions.do_close(
        supervisor, task, "Checked.", task.version, incomplete_reason="The rest moved to T-2."
    )
    task.refresh_from_db()
    assert task.closed_progress == 86 and task.incomplete_reason == "The rest moved to T-2."


def test_a_plan_may_close_without_evidence_or_every_report(unit_a, unit_b, officer, supervisor):
    plan = make_plan()
    actions.do_update_plan(
        supervisor, plan, plan.version, close_needs_evidence=False, close_needs_final_reports=False
    )
    task = make_task(plan, unit_a, "T-1")
    actions.do_assign(supervisor, task, unit_b, "co", "permits")
    report = submit(officer, task, 100)
    actions.do_review_report(supervisor, report, report.version, True)
    task.refresh_from_db()
    actions.do_close(supervisor, task, "Checked.", task.version)
    assert Task.objects.get(pk=task.pk).closed_at is not None


@pytest.mark.parametrize(
    ("rule", "parent_progress"),
    [(ClosedChildCounts.FINAL_PROGRESS, 60), (ClosedChildCounts.DONE, 80)],
)
def test_a_closed_child_counts_in_its_parent_as_the_plan_says(
    unit_a, officer, supervisor, rule, parent_progress
):
    plan = make_plan()
    actions.do_update_plan(supervisor, plan, plan.version, closed_child_counts=rule)
    parent = make_task(plan, unit_a, "P")
    closed = make_task(plan, unit_a, "P-1", parent=parent)
    open_ = make_task(plan, unit_a, "P-2", parent=parent)
    finish(officer, supervisor, closed, percent=60)
    closed.refresh_from_db()
    actions.do_close(supervisor, closed, "Checked.", closed.version, incomplete_reason="Scope cut.")
    finish(officer, supervisor, open_, percent=60)

    # A report on the closed child's assignment from before closing cannot move it later.
    assert lead_assignment(closed).reports.count() == 1
    assert task_rows([Task.objects.get(pk=parent.pk)], TODAY)[0].progress == parent_progress
    assert task_rows([Task.objects.get(pk=closed.pk)], TODAY)[0].progress == (
        100 if rule == ClosedChildCounts.DONE else 60
    )


def test_the_close_form_asks_for_confirmation(client, unit_a, officer, supervisor):
    task = make_task(make_plan(), unit_a, "T-1")
    finish(officer, supervisor, task)
    client.force_login(supervisor)
    url = reverse("plans:close", args=[task.reference])
    response = client.post(url, {"note": "Checked.", "version": task.version}, follow=True)
    assert "Tick the box to confirm closing." in response.content.decode()
    assert Task.objects.get(pk=task.pk).closed_at is None
    client.post(url, {"note": "Checked.", "version": task.version, "confirm": "on"})
    assert Task.objects.get(pk=task.pk).closed_at is not None
