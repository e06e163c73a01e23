"""`planwatch remind [--date YYYY-MM-DD] [--enqueue]`: the day's reminders."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from planwatch.lib.dates import BadDate, parse_iso_date
from planwatch.plans.reminders import send_reminders
from planwatch.plans.tasks import send_daily_reminders


class Command(BaseCommand):
    help = (
        "Notify units of reports due soon, overdue reports and overdue tasks, and "
        "supervisors of reports waiting for review (in-app and by e-mail). Safe to run "
        "twice a day: nobody gets the same reminder twice on one day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to remind for, YYYY-MM-DD (default today)")
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
            result = send_daily_reminders.enqueue(day.isoformat())
            self.stdout.write(f"Queued the reminders of {day} as job {result.id}.")
            return
        summary = send_reminders(day)
        self.stdout.write(
            f"Reminders of {day}: {summary.created} new, {summary.emailed} e-mailed, "
            f"{summary.already_sent} already sent today."
        )
