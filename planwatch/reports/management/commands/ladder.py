"""`planwatch ladder [--date YYYY-MM-DD] [--enqueue]`: the day's proposed notices and cards."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.reports.tasks import daily_supervision


class Command(BaseCommand):
    help = (
        "Propose the notices the escalation ladder calls for (overdue tasks past a rung, "
        "notices unanswered past their due date), for a supervisor to confirm; issue the "
        "red and yellow cards the plans' rules call for and withdraw those whose cause is "
        "mended; issue last month's bulletin when it is not out yet. Safe to run twice a "
        "day: nothing is proposed or issued twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to run for, YYYY-MM-DD (default today)")
        parser.add_argument(
            "--enqueue", action="store_true", help="put the job on the background queue"
        )

    def handle(self, *args, **options) -> None:
        day = timezone.localdate()
        if options["date"] is not None:
            try:
                day = parse_iso_date(options["date"], "--date")
            except BadDate as error:
                raise CommandError(str(error), returncode=2) from None
        if options["enqueue"]:
            result = daily_supervision.enqueue(day.isoformat())
            self.stdout.write(f"Queued the ladder of {day} as job {result.id}.")
            return
        done = daily_supervision.call(day.isoformat())
        self.stdout.write(
            f"Ladder of {day}: {done['notices']} notices proposed for {done['tasks']} tasks, "
            f"{done['escalations']} escalations of unanswered notices; cards: "
            f"{done['cards_issued']} issued, {done['cards_withdrawn']} withdrawn; "
            + ("last month's bulletin issued." if done["bulletin"] else "no bulletin due.")
        )
