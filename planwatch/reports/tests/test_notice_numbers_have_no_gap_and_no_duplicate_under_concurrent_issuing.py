"""Real threads, real transactions: eight supervisors issue at once; one of them fails
after taking its number and rolls back. The numbers are 1..7, each once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from planwatch.reports import actions
from planwatch.reports.models import Notice, NoticeSeries
from planwatch.reports.tests.world import days_after_deadline, make_plan, overdue_task

TODAY = days_after_deadline(20)


def _race(workers) -> list:
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
def test_notice_numbers_have_no_gap_and_no_duplicate_under_concurrent_issuing(
    database_on_disk, users, unit_a
):
    supervisor = users[("supervisor", "a")]
    # A transactional test that ran before may have flushed the migration's series.
    NoticeSeries.objects.get_or_create(
        kind="supervision", plan=None, defaults={"number_format": "督字〔{year}〕第{number}号"}
    )
    plan = make_plan("numbers")
    tasks = [overdue_task(plan, unit_a, f"N-{i}") for i in range(8)]

    def issue(task, response="Explain the delay."):
        return lambda: actions.do_issue_notice(
            supervisor, unit_a, "supervision", [task], response, TODAY
        )

    # The last worker's required response is empty: it fails after the number is taken.
    workers = [issue(task) for task in tasks[:7]] + [issue(tasks[7], response=" ")]
    outcomes = _race(workers)

    failures = [o for o in outcomes if isinstance(o, Exception)]
    assert len(failures) == 1 and isinstance(failures[0], ValidationError), failures
    numbers = sorted(Notice.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 8))
    references = set(Notice.objects.values_list("reference", flat=True))
    assert len(references) == 7 and "督字〔2026〕第3号" in references

    following = actions.do_issue_notice(
        supervisor, unit_a, "supervision", [tasks[7]], "Explain.", TODAY
    )
    assert following.number == 8
