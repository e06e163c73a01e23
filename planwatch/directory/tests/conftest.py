"""The demo world, loaded once per test module instead of once per test.

Loading it takes a second or more (hundreds of records, each audited). Here it is
loaded inside a transaction that stays open for the module, as Django's
TestCase.setUpTestData does: every test still runs in its own savepoint, so what one
test changes is rolled back before the next. Only for tests that use `db`, not for
transactional ones.
"""

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def _demo_world_for_the_module(django_db_setup, django_db_blocker):
    from planwatch.directory.demo import load

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo_world(request, _demo_world_for_the_module, db):
    assert "transactional_db" not in request.fixturenames, "use the root demo_world fixture"
