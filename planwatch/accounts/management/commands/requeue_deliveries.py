"""`planwatch requeue_deliveries [--older-than MINUTES]`: queue again the channel
deliveries still waiting long after their last attempt (a worker stopped mid-delivery).
Run it from cron, e.g. hourly; the default margin (120 minutes) is longer than the
longest retry delay, so a delivery whose retry is merely scheduled is left alone."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from planwatch.accounts.actions_channels import requeue_waiting


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--older-than", default="120", help="minutes (default 120)")

    def handle(self, *args, **options):
        try:
            minutes = int(options["older_than"])
        except ValueError:
            value = options["older_than"]
            raise CommandError(f"--older-than: not a number of minutes: {value!r}") from None
        longest = max(settings.CHANNEL_RETRY_DELAYS, default=0) / 60
        if minutes <= longest or minutes > 10**6:
            raise CommandError(
                f"--older-than: give more minutes than the longest retry delay ({longest:g})."
            )
        count = requeue_waiting(timezone.now() - dt.timedelta(minutes=minutes))
        self.stdout.write(f"{count} deliveries queued again")
