"""Shared test helpers: two units, one user per role in each, and the permission matrix."""

from collections.abc import Callable
from dataclasses import dataclass, field

from planwatch.accounts.models import Role, User
from planwatch.directory.models import Organisation

PASSWORD = "a-long-test-password"


def make_unit(name: str, code: str) -> Organisation:
    return Organisation.objects.create(name_en=name, code=code, kind=Organisation.Kind.DEPARTMENT)


def make_user(role: str, unit: Organisation | None, username: str | None = None) -> User:
    user = User.objects.create_user(
        username=username or f"{role}-{unit.code if unit else 'none'}",
        password=PASSWORD,
        role=role,
        unit=unit,
    )
    return user


ROLES = [r.value for r in Role]


# The permission matrix: each app describes its routes in `tests/matrix*.py` as
# ROUTES = {url name: Route(...)} and may add objects to the shared world with
# `def extend_world(world: dict) -> None`. tests/test_permission_matrix.py walks the URL
# configuration and fails for any route that no module describes.

ADMIN, SUPERVISOR, OFFICER, LEADER, AUDITOR = ROLES


def everyone(role: str, own: bool) -> bool:
    return True


def managers(role: str, own: bool) -> bool:
    return role in (ADMIN, SUPERVISOR)


def managers_or_own_officer(role: str, own: bool) -> bool:
    return managers(role, own) or (role == OFFICER and own)


def own_officer(role: str, own: bool) -> bool:
    return role == OFFICER and own


def readers_or_own_officer(role: str, own: bool) -> bool:
    return role != OFFICER or own


def audit_readers(role: str, own: bool) -> bool:
    return role in (ADMIN, AUDITOR)


@dataclass
class Route:
    """How to call one route, and who may.

    `unit_scoped` routes are called twice per role: on an object of the user's own unit
    (world["own"] is True) and of another unit; `kwargs` and `data` get the world.
    """

    allowed: Callable[[str, bool], bool] = everyone
    kwargs: Callable[[dict], dict] = lambda world: {}
    method: str = "get"
    data: dict | Callable[[dict], dict] = field(default_factory=dict)
    public: bool = False
    unit_scoped: bool = False
    query: str | Callable[[dict], str] = ""
    placeholder: bool = False  # a route that only answers "not found", like the API root
    multipart: bool = False  # an API route that takes uploaded files


@dataclass
class History:
    """A model's record-history page (/audit/<model>/<pk>/) in the permission matrix.

    `record(world)` gives the record of world["unit"] (the user's own unit when
    world["own"] is True, another unit's otherwise); for reference data, the same record
    both times. Each app lists every model it audits in its matrix module's HISTORY."""

    record: Callable[[dict], object]
    allowed: Callable[[str, bool], bool] = everyone


def race(workers: list[Callable[[], object]]) -> list:
    """Run the callables at once, each in its own thread and database connection; return
    what each returned or raised. For tests of concurrent writers (with the
    `database_on_disk` fixture)."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(workers))
    outcomes: list = [None] * len(workers)

    def run(index: int, work: Callable[[], object]) -> None:
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
