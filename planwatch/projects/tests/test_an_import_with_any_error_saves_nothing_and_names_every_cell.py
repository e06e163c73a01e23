import io

from openpyxl import Workbook

from planwatch.projects.models import Approval, Project
from planwatch.projects.transfer import ImportRefused, import_workbook


def workbook(projects: list[list], approvals: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "projects"
    sheet.append(
        [
            "code",
            "name_en",
            "industry",
            "lead_unit",
            "amounts_as_of",
            "currency",
            "total_planned",
            "latitude",
            "longitude",
        ]
    )
    for row in projects:
        sheet.append(row)
    other = book.create_sheet("approvals")
    other.append(["project", "kind", "due_on", "state"])
    for row in approvals:
        other.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_one_bad_cell_among_good_rows_saves_nothing_and_every_error_is_named(unit_a, supervisor):
    data = workbook(
        [
            ["ok-1", "Good", "medicine", "unit-a", "2022-01-01", "CNY", 100, 43.9, 125.5],
            ["bad-1", "Bad", "space-mining", "unit-a", "2022-13-01", "EUR", "lots", 95, 125.5],
        ],
        [["ok-1", "land", "2023-01-01", "granted"], ["nope", "land", "", "maybe"]],
    )
    try:
        import_workbook(supervisor, data)
    except ImportRefused as refused:
        errors = {(e.sheet, e.row, e.column) for e in refused.errors}
    else:
        raise AssertionError("the import was accepted")
    assert {
        ("projects", 3, "industry"),
        ("projects", 3, "amounts_as_of"),
        ("projects", 3, "currency"),
        ("projects", 3, "total_planned"),
        ("projects", 3, "latitude"),
        ("approvals", 3, "project"),
        ("approvals", 3, "state"),
    } <= errors
    assert not Project.objects.exists() and not Approval.objects.exists()


def test_a_valid_workbook_is_saved_whole(unit_a, supervisor):
    data = workbook(
        [["ok-1", "Good", "medicine", "unit-a", "2022-01-01", "CNY", "1,000.50", 43.9, 125.5]],
        [["ok-1", "land", "2023-01-01", "granted"]],
    )
    result = import_workbook(supervisor, data)
    assert (result.created, result.approvals) == (1, 1)
    project = Project.objects.get(code="ok-1")
    assert str(project.total_planned) == "1000.50"
    assert project.approvals.get().state == "granted"
