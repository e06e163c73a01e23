import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from planwatch.lib.ops.tests.snapshots import file_hashes, rewrite_archive, table_rows


@pytest.fixture
def archive(transactional_db, users, tmp_path) -> Path:
    uploads = Path(settings.MEDIA_ROOT)
    uploads.mkdir(parents=True, exist_ok=True)
    (uploads / "evidence.txt").write_text("evidence")
    path = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(path), stdout=io.StringIO())
    return path


def refused(path: Path, match: str) -> None:
    uploads = Path(settings.MEDIA_ROOT)
    rows, files = table_rows(), file_hashes(uploads)
    with pytest.raises(CommandError, match=match):
        call_command("restore", str(path), yes=True)
    assert table_rows() == rows
    assert file_hashes(uploads) == files
    assert not list(uploads.parent.glob("uploads.before-restore-*"))
    assert not list(uploads.parent.glob(".restore-*")), "no staging folder left behind"


def test_a_corrupted_archive_is_refused(archive, tmp_path):
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(b ^ 0xFF for b in data[middle : middle + 16])
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(bytes(data))
    refused(damaged, "not a readable backup archive|does not match its checksum|missing")


def test_a_truncated_archive_is_refused(archive, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    refused(truncated, "not a readable backup archive")


def test_a_changed_file_is_refused_by_its_checksum(archive, tmp_path):
    changed = tmp_path / "changed.tar.gz"
    rewrite_archive(archive, changed, members={"uploads/evidence.txt": b"forged"})
    refused(changed, "uploads/evidence.txt does not match its checksum")


def test_a_member_not_in_the_manifest_is_refused(archive, tmp_path):
    extra = tmp_path / "extra.tar.gz"
    rewrite_archive(archive, extra, members={"uploads/planted.txt": b"?"})
    refused(extra, "not in the manifest")


def test_a_file_that_is_no_archive_is_refused(transactional_db, tmp_path):
    path = tmp_path / "notes.tar.gz"
    path.write_text("not an archive")
    refused(path, "not a readable backup archive")
