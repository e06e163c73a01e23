"""One archive holds a whole Planwatch: the database in its engine's own format and
every uploaded file, with a manifest that lists each member's SHA-256 and the schema
(applied migrations) the database is at.

    manifest.json         format, engine, created_at, migrations, database, files
    database.pgdump       pg_dump --format=custom (PostgreSQL), or
    database.sqlite3      a copy made by SQLite's online backup API
    uploads/...           MEDIA_ROOT as it was

A restore reads and checks the whole archive before it changes anything: a member that
is missing, unlisted, or whose hash differs, or a schema this code does not know (a
backup from a newer Planwatch), refuses the restore. A backup from an older Planwatch is
restored and then migrated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
UPLOADS = "uploads"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupRefused(Exception):
    """The archive cannot be restored here; the message says why."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg(connection: BaseDatabaseWrapper) -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump / pg_restore."""
    params = connection.settings_dict
    args = ["--host", params["HOST"] or "localhost", "--port", str(params["PORT"] or 5432)]
    if params["USER"]:
        args += ["--username", params["USER"]]
    env = dict(os.environ)
    if params["PASSWORD"]:
        env["PGPASSWORD"] = params["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupRefused(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def applied_migrations(connection: BaseDatabaseWrapper) -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def dump_database(connection: BaseDatabaseWrapper, path: Path) -> None:
    if connection.vendor == "postgresql":
        args, env = _pg(connection)
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(path)]
            + args
            + [connection.settings_dict["NAME"]],
            env,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        raise BackupRefused(f"No backup for the {connection.vendor} database engine.")


def create_backup(connection: BaseDatabaseWrapper, media_root: Path, output: Path) -> dict:
    """Write the archive to `output` (atomically: a partial file is never left under that
    name) and return its manifest. The database is copied first, then the files: files
    are written before the rows that name them and never deleted, so every file a row
    names is in the archive."""
    output.parent.mkdir(parents=True, exist_ok=True)
    database_name = DATABASE_FILES.get(connection.vendor, "database")
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".backup-") as folder:
        database = Path(folder) / database_name
        migrations = applied_migrations(connection)
        dump_database(connection, database)
        files = (
            sorted(p for p in media_root.rglob("*") if p.is_file() and not p.is_symlink())
            if media_root.is_dir()
            else []
        )
        manifest = {
            "format": FORMAT,
            "engine": connection.vendor,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "migrations": migrations,
            "database": {"name": database_name, "sha256": sha256(database)},
            "files": [
                {
                    "path": p.relative_to(media_root).as_posix(),
                    "sha256": sha256(p),
                    "size": p.stat().st_size,
                }
                for p in files
            ],
        }
        manifest_path = Path(folder) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        partial = Path(folder) / "archive.partial"
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest_path, arcname=MANIFEST)
            tar.add(database, arcname=database_name)
            for p, entry in zip(files, manifest["files"], strict=True):
                tar.add(p, arcname=f"{UPLOADS}/{entry['path']}")
        partial.replace(output)
    return manifest


def read_backup(archive: Path, into: Path) -> dict:
    """Extract `archive` into the folder `into` and check it whole; return its manifest."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise BackupRefused(f"{archive}: not a readable backup archive ({error}).") from None
    try:
        manifest = json.loads((into / MANIFEST).read_text(encoding="utf-8"))
        listed = {manifest["database"]["name"]: manifest["database"]["sha256"]}
        listed |= {f"{UPLOADS}/{f['path']}": f["sha256"] for f in manifest["files"]}
        engine, migrations = manifest["engine"], manifest["migrations"]
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupRefused(f"{archive}: the manifest is missing or damaged.") from None
    if manifest.get("format") != FORMAT:
        raise BackupRefused(f"{archive}: backup format {manifest.get('format')!r} is unknown.")
    if engine not in DATABASE_FILES or not isinstance(migrations, list):
        raise BackupRefused(f"{archive}: the manifest is damaged.")
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {MANIFEST}
    if present != set(listed):
        odd = sorted(present ^ set(listed))[:5]
        raise BackupRefused(f"{archive}: members missing or not in the manifest: {odd}.")
    for name, digest in sorted(listed.items()):
        if sha256(into / name) != digest:
            raise BackupRefused(f"{archive}: {name} does not match its checksum.")
    return manifest


def schema_difference(manifest: dict) -> set[tuple[str, str]]:
    """The migrations this code has that the backup lacks (to run after the restore).
    A backup naming a migration this code does not know is from a newer Planwatch."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    in_backup = {tuple(m) for m in manifest["migrations"]}
    newer = sorted(in_backup - known)
    if newer:
        shown = ", ".join(f"{app}.{name}" for app, name in newer[:5])
        raise BackupRefused(
            f"The backup is from a newer Planwatch (migrations unknown here: {shown}); "
            "upgrade Planwatch first, then restore."
        )
    return known - in_backup


def load_database(connection: BaseDatabaseWrapper, path: Path) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        connection.close()
        args, env = _pg(connection)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
            ]
            + args
            + ["--dbname", connection.settings_dict["NAME"], str(path)],
            env,
        )
    else:
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def restore_backup(
    connection: BaseDatabaseWrapper, media_root: Path, archive: Path, migrate: bool = True
) -> tuple[dict, Path | None]:
    """Check the archive, then replace the database and the uploads folder with its
    contents and migrate an older schema. The uploads folder that was there is kept
    beside it (returned), never deleted."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=media_root.parent, prefix=".restore-"))
    try:
        manifest = read_backup(archive, folder)
        if manifest["engine"] != connection.vendor:
            raise BackupRefused(
                f"{archive}: a {manifest['engine']} backup cannot be restored into "
                f"{connection.vendor}."
            )
        missing = schema_difference(manifest)
        load_database(connection, folder / manifest["database"]["name"])
        kept = None
        if media_root.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = media_root.with_name(f"{media_root.name}.before-restore-{stamp}")
            media_root.rename(kept)
        uploads = folder / UPLOADS
        if uploads.is_dir():
            uploads.rename(media_root)
        else:
            media_root.mkdir()
        if missing and migrate:
            call_command("migrate", interactive=False, verbosity=0)
        return manifest, kept
    finally:
        shutil.rmtree(folder, ignore_errors=True)
