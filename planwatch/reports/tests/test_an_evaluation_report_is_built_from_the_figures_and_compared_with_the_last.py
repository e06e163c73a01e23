import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from planwatch.plans import actions as plan_actions
from planwatch.plans.models import Indicator, ProgressReport
from planwatch.reports import actions, documents
from planwatch.reports.tests.world import make_plan, overdue_task, report_on

TODAY = dt.date(2026, 6, 30)


def test_an_evaluation_report_is_built_from_the_figures_and_compared_with_the_last(
    supervisor, officer, unit_a
):
    plan = make_plan("evaluate")
    late = overdue_task(plan, unit_a, "EV-1", deadline=dt.date(2026, 2, 28))
    done = overdue_task(plan, unit_a, "EV-2", deadline=dt.date(2026, 12, 31))
    Indicator.objects.create(task=done, name="Jobs", baseline=Decimal(100), target=Decimal(300))
    report = report_on(officer, late, 40)
    # The report as sent in March, before the evaluation's date.
    ProgressReport.objects.filter(pk=report.pk).update(
        blockers="Land not yet approved.",
        submitted_at=timezone.make_aware(dt.datetime(2026, 3, 10, 9)),
    )
    with pytest.raises(ValidationError, match="future"):
        actions.do_evaluate_plan(supervisor, plan, TODAY + dt.timedelta(days=1), TODAY)

    first = actions.do_evaluate_plan(supervisor, plan, dt.date(2026, 1, 31), TODAY)
    assert first.content["headline"] == {"total": 2, "finished": 0, "overdue": 0, "completion": 0.0}
    finished = report_on(officer, done, 100, month=dt.date(2026, 3, 1))
    plan_actions.do_review_report(supervisor, finished, finished.version, True)
    second = actions.do_evaluate_plan(supervisor, plan, dt.date(2026, 6, 30), TODAY)

    c = second.content
    assert second.previous == first
    assert c["headline"] == {"total": 2, "finished": 1, "overdue": 1, "completion": 0.5}
    assert [d["reference"] for d in c["delays"]] == ["EV-1"]
    assert c["delays"][0]["reason"] == "Land not yet approved." and c["delays"][0]["days"] == 122
    assert c["indicators"][0]["actual"] is None and c["indicators"][0]["target"] == "300.0000"
    assert [row[0] for row in c["annex"]] == ["EV-1", "EV-2"]
    assert c["narrative"]["en"][0] == (
        "As of 2026-06-30, 1 of the plan's 2 tasks are finished (50%) and 1 are overdue."
    )
    assert "completion went from 0% to 50%" in c["narrative"]["en"][-1]
    assert c["narrative"]["zh"][0].startswith("截至 2026-06-30")

    sheet = load_workbook(io.BytesIO(documents.evaluation_xlsx(second)))["Every task"]
    assert [cell.value for cell in sheet[2]][:2] == ["EV-1", "Task EV-1"]
    annex = Document(io.BytesIO(documents.evaluation_docx(second))).paragraphs[-1].text
    assert [line.split("\t")[0] for line in annex.split("\n")] == ["EV-1", "EV-2"]
