import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from planwatch.audit.models import AuditEvent
from planwatch.intake.actions import do_accept_all, do_ingest
from planwatch.intake.models import Decision
from planwatch.plans.models import Plan, SourceDocument

NOTICE = """关于印发示范区2026年开放合作工作方案的通知
发布日期：2026年3月2日
长春市人民政府，示范区管委会：
现将工作方案印发给你们。各牵头单位要于每季度最后一个月25日前报送工作进展情况。
一、重点任务
（一）建设中韩合作平台。由示范区管委会负责，长春市政府配合，2026年底前建成服务中心。
（二）完善交通设施。由长春市政府负责，9月底前完成规划。
"""


@pytest.fixture
def document(demo_world, supervisor, tmp_path: Path):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return do_ingest(supervisor, path)[0]


@pytest.fixture
def plan(db):
    return Plan.objects.create(code="scr", title_en="Zone opening-up 2026")


def test_the_drafts_become_a_tree_numbered_as_in_the_document(document, plan, supervisor):
    tasks = {t.reference: t for t in do_accept_all(supervisor, document, plan.pk)}
    first, second = tasks["SCR-1.1"], tasks["SCR-1.2"]
    assert first.deadline == dt.date(2026, 12, 31)
    assert first.lead_unit.name_zh.endswith("管理委员会")
    assert [a.unit.name_zh for a in first.assignments.filter(role="co")] == ["长春市人民政府"]
    assert second.deadline == dt.date(2026, 9, 30)
    assert first.source_clause.document == second.source_clause.document
    assert first.title_zh == "建设中韩合作平台"
    assert set(document.drafts.values_list("decision", flat=True)) == {Decision.ACCEPTED}


def test_the_quarterly_report_becomes_the_plans_reporting_rule(document, plan, supervisor):
    do_accept_all(supervisor, document, plan.pk)
    plan.refresh_from_db()
    assert (plan.report_every_months, plan.report_due_day) == (3, 25)
    assert AuditEvent.objects.filter(
        object_id=str(plan.pk), action=AuditEvent.Action.CHANGED
    ).exists()


def test_a_second_acceptance_adds_no_source_document(document, plan, supervisor):
    do_accept_all(supervisor, document, plan.pk)
    with pytest.raises(ValidationError):
        do_accept_all(supervisor, document, plan.pk)
    assert SourceDocument.objects.count() == 1


def test_accepting_all_needs_a_plan(document, supervisor):
    with pytest.raises(ValidationError) as error:
        do_accept_all(supervisor, document, "")
    assert "plan" in error.value.message_dict
