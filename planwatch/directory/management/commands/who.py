"""`planwatch who --post NAME --on DATE`: who held a post on a day."""

from django.core.management.base import BaseCommand, CommandError, no_translations

from planwatch.directory.management.commands._holdings import parse_day, render
from planwatch.directory.queries import holders_on
from planwatch.directory.resolver import resolve_post


class Command(BaseCommand):
    help = "Print who held a post on a date, as inferred from the directory's evidence."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--post", required=True, help='any name of the post, e.g. "Governor of Jilin"'
        )
        parser.add_argument("--on", required=True, help="the date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print JSON")

    @no_translations  # the same output whatever language a caller left active
    def handle(self, *args, **options) -> None:
        day = parse_day(options["on"])
        try:
            post = resolve_post(options["post"])
        except LookupError as error:
            raise CommandError(str(error), returncode=2) from None
        holdings = holders_on(post, day)
        empty = f"No holder of {post} is known on {day}."
        self.stdout.write(render(holdings, options["json"], empty))
