"""A small workbook that unpacks to hundreds of MB, or declares a million rows, is
refused with a message, quickly and without the memory a parser would need for it."""

from planwatch.lib.tests.bombs import bounded, xlsx_empty_rows_bomb, xlsx_ratio_bomb
from planwatch.plans.models import Task
from planwatch.plans.spreadsheets import COLUMNS, import_tasks


def test_a_workbook_that_unpacks_to_300_mb_is_refused(supervisor):
    data = xlsx_ratio_bomb(COLUMNS, megabytes=300)
    assert len(data) < 1024 * 1024
    tasks = Task.objects.count()
    with bounded(seconds=60, megabytes=150):
        result = import_tasks(supervisor, data)
    assert not result.ok
    assert "would unpack to" in result.file_error or "decompression bomb" in result.file_error
    assert Task.objects.count() == tasks


def test_a_workbook_declaring_a_million_rows_is_refused_after_the_cap(supervisor):
    data = xlsx_empty_rows_bomb(COLUMNS)
    assert len(data) < 10 * 1024
    with bounded(seconds=120, megabytes=150):
        result = import_tasks(supervisor, data)
    assert not result.ok
    assert "more than 100000 rows, blank ones included" in result.file_error
