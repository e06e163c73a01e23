"""planwatch restore FILE: put back the database and the uploads of a backup."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from planwatch.lib.ops.backup import BackupRefused, restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploads folder with a backup made by `planwatch "
        "backup`, after checking every checksum; a backup from an older Planwatch is "
        "migrated, one from a newer Planwatch refused. Stop the server and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--yes",
            "--no-input",
            dest="yes",
            action="store_true",
            help="do not ask before replacing the data",
        )

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        if not yes:
            question = f"Replace the database and {settings.MEDIA_ROOT} with {path}? [y/N] "
            try:
                answer = input(question)
            except EOFError:
                answer = ""
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("Nothing restored (answer y, or pass --yes).")
        try:
            manifest, kept = restore_backup(connection, Path(settings.MEDIA_ROOT), path)
        except (BackupRefused, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}: {len(manifest['files'])} files."
        )
        if kept is not None:
            self.stdout.write(f"The uploads folder that was there is kept as {kept}.")
