"""projects (layer 4) adds a panel and a score penalty to the dashboard of plans (layer 3)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from planwatch.plans.models import Plan, Task
from planwatch.plans.queries_dashboard import Filters, unit_figures
from planwatch.projects.models import Approval, ApprovalKind, Industry, Project


def _late_project(unit, today: dt.date) -> Project:
    project = Project.objects.create(
        code="food-park-line",
        name_en="Food Park Cold Chain Line",
        industry=Industry.objects.get(code="health-food"),
        lead_unit=unit,
        amounts_as_of=today,
    )
    Approval.objects.create(
        project=project,
        kind=ApprovalKind.objects.order_by("position").first(),
        due_on=today - dt.timedelta(days=9),
    )
    return project


def test_the_dashboard_lists_projects_waiting_on_late_approvals(client, supervisor, unit_a):
    project = _late_project(unit_a, timezone.localdate())
    client.force_login(supervisor)
    page = client.get(reverse("dashboard:dashboard")).content.decode()
    assert 'id="late-approvals"' in page
    assert reverse("projects:detail", args=[project.pk]) in page


def test_a_late_approval_costs_the_lead_unit_points(supervisor, unit_a, unit_b):
    today = timezone.localdate()
    plan = Plan.objects.create(code="p", title_en="Plan")
    for unit in (unit_a, unit_b):
        Task.objects.create(
            plan=plan,
            reference=f"T-{unit.code}",
            title_en="Build",
            lead_unit=unit,
            start_date=today - dt.timedelta(days=30),
            deadline=today + dt.timedelta(days=300),
        )
    _late_project(unit_a, today)
    rows = {row.unit.pk: row for row in unit_figures(supervisor, Filters(), today)}
    assert rows[unit_a.pk].penalty == 2
    assert "1 late approvals" in rows[unit_a.pk].penalty_reason
    assert rows[unit_b.pk].penalty == 0
