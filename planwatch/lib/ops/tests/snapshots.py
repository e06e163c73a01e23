"""What a round trip must give back: every table's rows and every file's hash."""

import hashlib
from pathlib import Path

from django.db import connection


def table_rows() -> dict[str, list[str]]:
    """{table: its rows, each as text, sorted} for every table of the database."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def file_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def rewrite_archive(source: Path, target: Path, manifest=None, members=None) -> None:
    """A copy of a backup archive with its manifest changed by `manifest(dict)` and the
    members in `members` ({name: bytes}) replaced or added."""
    import io
    import json
    import tarfile

    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        contents = {m.name: old.extractfile(m).read() for m in old.getmembers() if m.isfile()}
        if manifest is not None:
            data = json.loads(contents["manifest.json"])
            manifest(data)
            contents["manifest.json"] = json.dumps(data).encode()
        contents.update(members or {})
        for name, data in contents.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))
