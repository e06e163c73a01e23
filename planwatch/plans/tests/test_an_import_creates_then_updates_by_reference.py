import datetime as dt

from planwatch.audit.models import AuditEvent
from planwatch.plans.models import Task
from planwatch.plans.spreadsheets import import_tasks
from planwatch.plans.tests.loop import make_plan
from planwatch.plans.tests.xlsx_files import row, workbook


def test_an_import_creates_then_updates_by_reference(supervisor, unit_a, unit_b):
    make_plan("imp")
    first = workbook([row("IMP-2", parent="IMP-1", co_units="unit-b"), row("IMP-1", kind="goal")])
    result = import_tasks(supervisor, first)
    assert result.ok and sorted(result.created) == ["IMP-1", "IMP-2"]
    child = Task.objects.get(reference="IMP-2")
    assert child.parent.reference == "IMP-1"
    assert set(child.assignments.values_list("unit__code", "role")) == {
        ("unit-a", "lead"),
        ("unit-b", "co"),
    }
    assert AuditEvent.objects.filter(object_repr__startswith="IMP-2").exists()

    again = import_tasks(supervisor, first)
    assert again.ok and again.created == [] and again.updated == []
    assert sorted(again.unchanged) == ["IMP-1", "IMP-2"]

    version = Task.objects.get(reference="IMP-1").version
    changed = import_tasks(
        supervisor, workbook([row("IMP-1", kind="goal", deadline="2026-06-30", version=version)])
    )
    assert changed.ok and changed.updated == ["IMP-1"]
    assert Task.objects.get(reference="IMP-1").deadline == dt.date(2026, 6, 30)
    assert Task.objects.filter(reference__startswith="IMP-").count() == 2
