"""Real threads, real transactions, on the default database (SQLite or PostgreSQL)."""

import threading

import pytest
from django.db import connection, transaction

from planwatch.directory.models import Organisation
from planwatch.lib.models import StaleRecord, save_checked

WRITERS = 4
ROUNDS = 5


def increment(pk: int) -> None:
    """Add one to the counter as an editor does: read it, then save it checked."""
    while True:
        record = Organisation.objects.get(pk=pk)
        record.description = str(int(record.description) + 1)
        try:
            with transaction.atomic():
                save_checked(record, record.version)
            return
        except StaleRecord:
            continue


def test_every_increment_survives_concurrent_writers(database_on_disk):
    counter = Organisation.objects.create(name_en="Counter", description="0")
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            barrier.wait()
            for _ in range(ROUNDS):
                increment(counter.pk)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    counter.refresh_from_db()
    assert counter.description == str(WRITERS * ROUNDS)
    assert counter.version == 1 + WRITERS * ROUNDS


def test_a_writer_with_a_stale_version_is_refused(database_on_disk):
    counter = Organisation.objects.create(name_en="Counter", description="0")
    stale = Organisation.objects.get(pk=counter.pk)
    increment(counter.pk)

    stale.description = "overwritten"
    with pytest.raises(StaleRecord), transaction.atomic():
        save_checked(stale, stale.version)

    counter.refresh_from_db()
    assert counter.description == "1"
