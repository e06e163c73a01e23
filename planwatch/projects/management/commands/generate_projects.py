"""`planwatch generate_projects --projects N`: bulk test data for benchmarks."""

from django.core.management.base import BaseCommand, CommandParser

from planwatch.projects.generate import generate_projects


class Command(BaseCommand):
    help = "Insert N generated projects with stages, approvals, amounts and locations."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--projects", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, projects: int, seed: int, **options) -> None:
        made = generate_projects(projects, seed)
        self.stdout.write(f"{made} projects generated.")
