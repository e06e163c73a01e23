"""A backup from a newer Planwatch (a migration this code does not know) is refused; one
from an older Planwatch is restored, then migrated to this code's schema."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from planwatch.accounts.models import User
from planwatch.lib.ops.tests.snapshots import rewrite_archive, table_rows

QUIET = {"stdout": io.StringIO()}


def backup(path: Path) -> Path:
    call_command("backup", output=str(path), **QUIET)
    return path


def test_a_backup_from_a_newer_schema_is_refused(transactional_db, users, tmp_path):
    archive = backup(tmp_path / "backup.tar.gz")
    newer = tmp_path / "newer.tar.gz"
    rewrite_archive(
        archive, newer, manifest=lambda m: m["migrations"].append(["plans", "9999_from_later"])
    )
    rows = table_rows()
    with pytest.raises(CommandError, match="newer Planwatch.*plans.9999_from_later"):
        call_command("restore", str(newer), yes=True)
    assert table_rows() == rows


def test_a_backup_from_an_older_schema_is_restored_then_migrated(transactional_db, users, tmp_path):
    loader = MigrationLoader(connection)
    leaf = loader.graph.leaf_nodes("plans")[0]
    parent = sorted(p for p in loader.graph.node_map[leaf].parents if p[0] == "plans")[0]
    call_command("migrate", "plans", parent[1], **QUIET)
    archive = backup(tmp_path / "older.tar.gz")
    call_command("migrate", **QUIET)
    people = sorted(User.objects.values_list("username", flat=True))
    User.objects.filter(username=people[0]).update(first_name="Changed later")

    call_command("restore", str(archive), yes=True, **QUIET)

    applied = set(MigrationRecorder(connection).applied_migrations())
    assert leaf in applied
    assert set(loader.disk_migrations) <= applied
    assert sorted(User.objects.values_list("username", flat=True)) == people
    assert not User.objects.filter(first_name="Changed later").exists()
