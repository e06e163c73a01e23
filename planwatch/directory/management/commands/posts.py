"""`planwatch posts --person NAME --on DATE`: which posts a person held on a day."""

from django.core.management.base import BaseCommand, CommandError, no_translations

from planwatch.directory.management.commands._holdings import parse_day, render
from planwatch.directory.queries import posts_held_on
from planwatch.directory.resolver import resolve_person


class Command(BaseCommand):
    help = "Print the posts a person held on a date, as inferred from the directory's evidence."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--person", required=True, help='any spelling of the name, e.g. "Jingjunhai"'
        )
        parser.add_argument("--on", required=True, help="the date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print JSON")

    @no_translations  # the same output whatever language a caller left active
    def handle(self, *args, **options) -> None:
        day = parse_day(options["on"])
        try:
            person = resolve_person(options["person"])
        except LookupError as error:
            raise CommandError(str(error), returncode=2) from None
        holdings = posts_held_on(person, day)
        empty = f"No post of {person} is known on {day}."
        self.stdout.write(render(holdings, options["json"], empty))
