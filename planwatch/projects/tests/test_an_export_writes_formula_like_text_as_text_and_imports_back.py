import io

from openpyxl import load_workbook

from planwatch.projects.models import Project
from planwatch.projects.tests.factories import make_project
from planwatch.projects.transfer import export_workbook, import_workbook


def test_cells_starting_with_a_formula_sign_are_text_and_the_export_reimports(unit_a, supervisor):
    make_project(unit_a, "p-1", name_en='=HYPERLINK("http://x")', name_zh="@SUM(A1)")
    data = export_workbook(Project.objects.all())
    sheet = load_workbook(io.BytesIO(data))["projects"]
    header = [c.value for c in sheet[1]]
    name = sheet.cell(row=2, column=header.index("name_en") + 1)
    assert name.data_type == "s" and name.value.startswith("=HYPERLINK")
    assert sheet.cell(row=2, column=header.index("name_zh") + 1).data_type == "s"

    result = import_workbook(supervisor, data)
    assert (result.created, result.updated) == (0, 1)
