"""Background jobs of the supervision loop (django-tasks, database backend)."""

import datetime as dt

from django_tasks import task

from planwatch.plans.reminders import send_reminders


@task()
def send_daily_reminders(day: str) -> dict[str, int]:
    """The `planwatch remind` job on the queue; `day` is YYYY-MM-DD (whoever enqueues it
    reads the clock, as the command does)."""
    summary = send_reminders(dt.date.fromisoformat(day))
    return {
        "created": summary.created,
        "emailed": summary.emailed,
        "already_sent": summary.already_sent,
    }
