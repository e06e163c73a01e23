"""`planwatch rebuild_project_facts`: rebuild the facts cached on projects from the records."""

from django.core.management.base import BaseCommand

from planwatch.projects.actions import rebuild_schedule_cache


class Command(BaseCommand):
    help = (
        "Recompute each project's cached next approval, next milestone, slippage and signing "
        "date from its stages and approvals (after a restore or a direct database edit)."
    )

    def handle(self, *args, **options) -> None:
        changed = rebuild_schedule_cache()
        self.stdout.write(f"{changed} projects were out of step and have been rebuilt.")
