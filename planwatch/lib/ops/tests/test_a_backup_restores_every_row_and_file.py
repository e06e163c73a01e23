"""planwatch backup, then changes, then planwatch restore: every table's rows and every
uploaded file's hash are as they were at the backup. On SQLite and PostgreSQL alike
(the suite runs on both)."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from planwatch.audit.actions import record_event
from planwatch.lib.ops.tests.snapshots import file_hashes, table_rows
from planwatch.testing import make_unit


@pytest.fixture
def world(transactional_db, users, unit_a):
    record_event(users[("supervisor", "a")], "changed", unit_a, {"name_en": ["A", "Unit A"]})
    uploads = Path(settings.MEDIA_ROOT)
    (uploads / "evidence" / "2026").mkdir(parents=True)
    (uploads / "evidence" / "2026" / "report.pdf").write_bytes(b"%PDF-1.4 evidence " * 500)
    (uploads / "documents" / "中文 名.txt").parent.mkdir(parents=True)
    (uploads / "documents" / "中文 名.txt").write_text("一份文件", encoding="utf-8")
    return users


def test_a_round_trip_gives_back_every_row_and_file(world, tmp_path, unit_a):
    uploads = Path(settings.MEDIA_ROOT)
    rows, files = table_rows(), file_hashes(uploads)
    archive = tmp_path / "planwatch.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    make_unit("Unit C Bureau", "unit-c")
    unit_a.name_en = "Renamed after the backup"
    unit_a.save()
    (uploads / "evidence" / "2026" / "report.pdf").write_bytes(b"overwritten")
    (uploads / "late.txt").write_text("came after the backup")
    assert table_rows() != rows and file_hashes(uploads) != files

    call_command("restore", str(archive), yes=True, stdout=io.StringIO())

    assert table_rows() == rows
    assert file_hashes(uploads) == files
    kept = list(uploads.parent.glob("uploads.before-restore-*"))
    assert len(kept) == 1 and (kept[0] / "late.txt").exists(), "nothing is deleted"
