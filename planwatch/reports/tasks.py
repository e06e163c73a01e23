"""Background jobs of the supervision documents (django-tasks, database backend)."""

import datetime as dt

from django_tasks import task

from planwatch.reports.actions import generate_due_bulletin
from planwatch.reports.cards import apply_card_rules
from planwatch.reports.ladder import propose_notices


@task()
def daily_supervision(day: str) -> dict[str, int]:
    """The `planwatch ladder` job on the queue: the day's proposed notices, the cards the
    rules call for, and last month's bulletin when it is not out yet. `day` is YYYY-MM-DD
    (whoever enqueues it reads the clock)."""
    today = dt.date.fromisoformat(day)
    proposed = propose_notices(today)
    cards = apply_card_rules(today)
    bulletin = generate_due_bulletin(today)
    return {
        "notices": proposed.notices,
        "tasks": proposed.tasks,
        "escalations": proposed.escalations,
        "cards_issued": cards.issued,
        "cards_withdrawn": cards.withdrawn,
        "bulletin": bulletin.pk if bulletin else 0,
    }
