"""Fixtures every test may use: units A and B, one user per role in each."""

import os

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from planwatch.testing import ROLES, make_unit, make_user

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.2 s a user; tests create dozens."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switches to Chinese must not leave it active for the next one."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def uploads_in_a_temporary_folder(settings, tmp_path):
    """Uploaded evidence and documents go to a folder that vanishes with the test."""
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def database_on_disk(transactional_db, tmp_path):
    """For tests with threads: SQLite as deployed (a file in WAL mode), not the in-memory
    test database, whose shared cache answers "database table is locked" at once. The
    default connection points at a file copy of the test database for the test."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "concurrent.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    in_memory, name = connection.connection, connection.settings_dict["NAME"]
    connection.connection = None
    connection.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = in_memory


@pytest.fixture
def unit_a(db):
    return make_unit("Unit A Bureau", "unit-a")


@pytest.fixture
def unit_b(db):
    return make_unit("Unit B Bureau", "unit-b")


@pytest.fixture
def users(unit_a, unit_b):
    """{(role, "a"|"b"): user}"""
    return {
        (role, key): make_user(role, unit)
        for role in ROLES
        for key, unit in (("a", unit_a), ("b", unit_b))
    }


@pytest.fixture
def supervisor(users):
    return users[("supervisor", "a")]


@pytest.fixture
def officer(users):
    return users[("unit_officer", "a")]


@pytest.fixture
def auditor(users):
    return users[("auditor", "a")]


@pytest.fixture
def demo_world(db):
    from planwatch.directory.demo import load

    load()
