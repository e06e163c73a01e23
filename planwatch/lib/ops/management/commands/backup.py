"""planwatch backup [--output FILE]: the database and the uploads in one archive."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from planwatch.lib.ops.backup import BackupRefused, create_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump or SQLite's online backup) and every uploaded file "
        "into one .tar.gz with a manifest of SHA-256 checksums. Safe while Planwatch runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="the archive to write (default: VAR_DIR/backups/planwatch-<time>.tar.gz)",
        )

    def handle(self, *args, output=None, **options):
        if output:
            target = Path(output)
        else:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            target = Path(settings.VAR_DIR) / "backups" / f"planwatch-{stamp}.tar.gz"
        if target.exists():
            raise CommandError(f"{target} exists already; name another file.")
        try:
            manifest = create_backup(connection, Path(settings.MEDIA_ROOT), target)
        except (BackupRefused, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{target}: {manifest['engine']} database, {len(manifest['files'])} files, "
            f"{target.stat().st_size / 1048576:.1f} MB"
        )
