import io

from openpyxl import load_workbook

from planwatch.lib.xlsx import workbook_bytes
from planwatch.plans.tests.loop import make_plan, make_task


def test_a_formula_like_cell_is_exported_as_text(client, supervisor, unit_a):
    dangerous = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "plain"]
    data = workbook_bytes([("t", ["value"], [[v] for v in dangerous])])
    sheet = load_workbook(io.BytesIO(data)).active
    cells = [sheet.cell(row=n, column=1) for n in range(2, 7)]
    assert [c.value for c in cells] == dangerous
    assert all(c.data_type == "s" for c in cells)

    task = make_task(make_plan("exp"), unit_a, "EXP-1", title_en="=cmd|' /C calc'!A0")
    client.force_login(supervisor)
    response = client.get("/dashboard/export/tasks.xlsx?plan=exp")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    title = sheet.cell(row=2, column=5)
    assert sheet.cell(row=2, column=1).value == task.reference
    assert title.value == "=cmd|' /C calc'!A0" and title.data_type == "s"
