"""Real threads, real transactions: two reviewers of one report, two editors of one task."""

import datetime as dt
import threading

import pytest
from django.db import connection

from planwatch.lib.models import StaleRecord
from planwatch.plans import actions
from planwatch.plans.models import ProgressReport, Task
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task


def _race(workers) -> list:
    """Run the callables at once, each in its own thread and connection."""
    barrier = threading.Barrier(len(workers))
    outcomes: list = [None] * len(workers)

    def run(index, work):
        try:
            barrier.wait()
            outcomes[index] = work()
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_concurrent_reviewers_and_editors_never_lose_an_update(database_on_disk, users, unit_a):
    supervisor, other = users[("supervisor", "a")], users[("administrator", "a")]
    task = make_task(make_plan("race"), unit_a, "RACE-1")
    report = actions.do_submit_report(
        users[("unit_officer", "a")], lead_assignment(task), dt.date(2025, 3, 1), 40, "Done."
    )
    seen = report.version

    def review(user, approve):
        def work():
            stale = ProgressReport.objects.get(pk=report.pk)
            return actions.do_review_report(user, stale, seen, approve, "Add the evidence.")

        return work

    outcomes = _race([review(supervisor, True), review(other, False)])
    assert sum(isinstance(o, StaleRecord) for o in outcomes) == 1
    winner = next(o for o in outcomes if isinstance(o, ProgressReport))
    stored = ProgressReport.objects.get(pk=report.pk)
    assert stored.state == winner.state and stored.reviewed_by == winner.reviewed_by

    version = Task.objects.get(pk=task.pk).version

    def edit(title):
        def work():
            stale = Task.objects.get(pk=task.pk)
            return actions.do_update_task(supervisor, stale, version, title_en=title)

        return work

    outcomes = _race([edit("First editor"), edit("Second editor")])
    assert sum(isinstance(o, StaleRecord) for o in outcomes) == 1
    winner = next(o for o in outcomes if isinstance(o, Task))
    assert Task.objects.get(pk=task.pk).title_en == winner.title_en
    assert Task.objects.get(pk=task.pk).version == version + 1
