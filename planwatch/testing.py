"""Shared test helpers: two units, one user per role in each."""

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
