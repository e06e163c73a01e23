from django.urls import reverse

from planwatch.audit.models import AuditEvent
from planwatch.plans.models import Plan


def _form(plan: Plan, **changes) -> dict:
    data = {
        "title_en": plan.title_en,
        "title_zh": plan.title_zh,
        "description": plan.description,
        "document": "",
        "report_every_months": plan.report_every_months,
        "report_due_day": plan.report_due_day,
        "at_risk_gap": plan.at_risk_gap,
        "warn_days": plan.warn_days,
        "version": plan.version,
        "reason": "",
    }
    data.update(changes)
    return data


def test_a_supervisor_changes_the_due_day_and_the_change_is_audited(client, supervisor):
    plan = Plan.objects.create(code="opening", title_en="Opening-up measures")
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:plan_edit", args=[plan.code]),
        _form(plan, report_due_day=10, at_risk_gap=20, reason="monthly meeting moved"),
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.report_due_day, plan.at_risk_gap, plan.code) == (10, 20, "opening")
    event = AuditEvent.objects.get(action="changed", object_id=str(plan.pk))
    assert event.changes["report_due_day"] == [5, 10]
    assert event.reason == "monthly meeting moved"


def test_a_second_editor_is_told_and_nothing_is_overwritten(client, supervisor):
    plan = Plan.objects.create(code="opening", title_en="Opening-up measures")
    stale = _form(plan, warn_days=30)
    client.force_login(supervisor)
    client.post(reverse("plans:plan_edit", args=[plan.code]), _form(plan, warn_days=7))
    response = client.post(reverse("plans:plan_edit", args=[plan.code]), stale)
    assert "Someone else saved this plan" in response.content.decode()
    plan.refresh_from_db()
    assert plan.warn_days == 7


def test_a_due_day_past_28_is_refused_naming_the_field(client, supervisor):
    plan = Plan.objects.create(code="opening", title_en="Opening-up measures")
    client.force_login(supervisor)
    response = client.post(
        reverse("plans:plan_edit", args=[plan.code]), _form(plan, report_due_day=31)
    )
    assert response.status_code == 200
    assert "report_due_day" in response.context["form"].errors
    plan.refresh_from_db()
    assert plan.report_due_day == 5
