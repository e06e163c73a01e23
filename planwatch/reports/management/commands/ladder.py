"""`planwatch ladder [--date YYYY-MM-DD] [--enqueue]`: the day's proposed notices."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.reports.ladder import propose_notices
from planwatch.reports.tasks import propose_daily_notices


class Command(BaseCommand):
    help = (
        "Propose the notices the escalation ladder calls for (overdue tasks past a rung, "
        "notices unanswered past their due date), for a supervisor to confirm. Safe to run "
        "twice a day: nothing is proposed twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to propose for, YYYY-MM-DD (default today)")
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
            result = propose_daily_notices.enqueue(day.isoformat())
            self.stdout.write(f"Queued the ladder of {day} as job {result.id}.")
            return
        result = propose_notices(day)
        self.stdout.write(
            f"Ladder of {day}: {result.notices} notices proposed for {result.tasks} tasks, "
            f"{result.escalations} escalations of unanswered notices."
        )
