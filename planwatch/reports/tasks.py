"""Background jobs of the supervision documents (django-tasks, database backend)."""

import datetime as dt

from django_tasks import task

from planwatch.reports.ladder import propose_notices


@task()
def propose_daily_notices(day: str) -> dict[str, int]:
    """The `planwatch ladder` job on the queue; `day` is YYYY-MM-DD (whoever enqueues it
    reads the clock)."""
    result = propose_notices(dt.date.fromisoformat(day))
    return {"notices": result.notices, "tasks": result.tasks, "escalations": result.escalations}
