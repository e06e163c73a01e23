from planwatch.audit.models import AuditEvent
from planwatch.plans.models import Task
from planwatch.plans.spreadsheets import import_tasks
from planwatch.plans.tests.loop import make_plan
from planwatch.plans.tests.xlsx_files import row, workbook


def test_an_import_with_one_bad_row_changes_nothing(supervisor, unit_a, unit_b):
    make_plan("imp")
    events = AuditEvent.objects.count()
    data = workbook(
        [
            row("IMP-1"),
            row("IMP-2", deadline="2024-01-01", lead_unit="Nowhere Bureau"),
            row("IMP-3", plan="no-such-plan", weight="heavy", start_date="31/12/2025"),
            row("IMP-4", parent="IMP-99"),
        ]
    )
    result = import_tasks(supervisor, data)
    assert not result.ok
    found = {(e.row, e.column) for e in result.errors}
    assert found == {
        (3, "lead_unit"),
        (3, "deadline"),
        (4, "plan"),
        (4, "start_date"),
        (4, "weight"),
        (5, "parent"),
    }
    message = next(e for e in result.errors if e.column == "lead_unit")
    assert message.value == "Nowhere Bureau" and "Nowhere Bureau" in message.message
    assert not Task.objects.filter(reference__startswith="IMP-").exists()
    assert AuditEvent.objects.count() == events
