import datetime as dt
import io

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from planwatch.plans import actions, spreadsheets
from planwatch.plans import queries_dashboard as q
from planwatch.plans.models import Task
from planwatch.plans.tests.loop import make_plan, make_task, submit

TODAY = dt.date(2025, 7, 1)


def sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


@pytest.fixture
def tasks(unit_a, unit_b, supervisor):
    plan = make_plan("export")
    parent = make_task(plan, unit_a, "EX-1", title_zh="道路", weight=2)
    child = make_task(plan, unit_b, "EX-1-1", parent=parent, description="=1+1 stays text")
    actions.do_assign(supervisor, child, unit_a, "co")
    return plan


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_task_export_re_imports_unchanged_in_either_language(tasks, supervisor, language):
    versions = dict(Task.objects.values_list("reference", "version"))
    with translation.override(language):
        data = spreadsheets.export_dashboard_table(supervisor, q.Filters(), TODAY, "tasks")
    header = [c.value for c in sheet(data)[1]]
    if language == "zh-hans":
        assert "牵头单位" in header and "lead_unit" not in header

    result = spreadsheets.import_tasks(supervisor, data)

    assert result.ok, (result.file_error, result.errors)
    assert sorted(result.unchanged) == ["EX-1", "EX-1-1"]
    assert dict(Task.objects.values_list("reference", "version")) == versions


def test_exported_times_are_local_dates_are_dates_and_rates_are_percentages(
    unit_a, officer, supervisor
):
    task = make_task(make_plan("times"), unit_a, "T-1")
    report = submit(officer, task, 40)
    shanghai_0105 = timezone.make_aware(dt.datetime(2025, 4, 3, 1, 5))
    type(report).objects.filter(pk=report.pk).update(submitted_at=shanghai_0105)

    waiting = sheet(spreadsheets.export_dashboard_table(supervisor, q.Filters(), TODAY, "waiting"))
    submitted = waiting.cell(row=2, column=5)
    assert submitted.value == dt.datetime(2025, 4, 3, 1, 5)
    assert waiting.cell(row=2, column=3).number_format == "yyyy-mm-dd"
    assert waiting.column_dimensions["A"].width >= len("Task")

    with translation.override("zh-hans"):
        plans = sheet(spreadsheets.export_dashboard_table(supervisor, q.Filters(), TODAY, "plans"))
    assert plans.cell(row=1, column=5).value == "完成率"
    assert plans.cell(row=2, column=5).number_format == "0%"
