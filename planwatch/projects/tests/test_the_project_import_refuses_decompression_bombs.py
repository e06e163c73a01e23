"""The project import refuses a workbook bomb before reading it, and stops a sheet that
declares a million rows at the row cap, in bounded memory and time."""

import pytest

from planwatch.lib.tests.bombs import bounded, xlsx_empty_rows_bomb, xlsx_ratio_bomb
from planwatch.projects.models import Project
from planwatch.projects.transfer import ImportRefused, import_workbook

HEADER = ["code", "name_en", "industry", "lead_unit", "amounts_as_of"]


def test_a_workbook_that_unpacks_to_300_mb_is_refused(supervisor):
    data = xlsx_ratio_bomb(HEADER, megabytes=300, title="projects")
    with bounded(seconds=60, megabytes=150), pytest.raises(ImportRefused) as refused:
        import_workbook(supervisor, data)
    message = str(refused.value.errors[0])
    assert "would unpack to" in message or "decompression bomb" in message
    assert not Project.objects.exists()


def test_a_sheet_declaring_a_million_rows_stops_at_the_cap(supervisor):
    data = xlsx_empty_rows_bomb(HEADER, title="projects")
    with bounded(seconds=120, megabytes=150), pytest.raises(ImportRefused) as refused:
        import_workbook(supervisor, data)
    assert any("Too many rows." in str(e) for e in refused.value.errors)
    assert not Project.objects.exists()
