"""`planwatch figures --rebuild`: recompute the dashboard's cache from the facts."""

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from planwatch.plans import figures


class Command(BaseCommand):
    help = (
        "Recompute the dashboard's cached task status dates and report counts from the "
        "tasks and reports (needed only after bulk loads that bypass save())."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="recompute everything")

    def handle(self, *args, **options) -> None:
        if not options["rebuild"]:
            raise CommandError("Say --rebuild to recompute every figure.", returncode=2)
        started = time.monotonic()
        with transaction.atomic():
            figures.rebuild(self.stdout.write)
        self.stdout.write(f"Rebuilt in {time.monotonic() - started:.1f} s.")
