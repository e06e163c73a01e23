"""Role predicates: the building blocks every app's rules.py combines."""

import rules

from planwatch.accounts.models import Role


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and (user.role == Role.ADMINISTRATOR or user.is_superuser)


@rules.predicate
def is_supervisor(user) -> bool:
    return user.is_authenticated and user.role == Role.SUPERVISOR


@rules.predicate
def is_unit_officer(user) -> bool:
    return user.is_authenticated and user.role == Role.UNIT_OFFICER


@rules.predicate
def is_leader(user) -> bool:
    return user.is_authenticated and user.role == Role.LEADER


@rules.predicate
def is_auditor(user) -> bool:
    return user.is_authenticated and user.role == Role.AUDITOR


def sees_everything(user) -> bool:
    """Who sees every task, report and project: a signed-in, active user who is not a unit
    officer, and a superuser whatever their role. The one answer every query, rule and
    page uses."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.role != Role.UNIT_OFFICER)
    )


is_signed_in = rules.is_authenticated & rules.is_active
manages_everything = is_administrator | is_supervisor
reads_everything = rules.predicate(sees_everything, name="reads_everything")

rules.add_perm("accounts.view_audit_log", is_administrator | is_auditor)
rules.add_perm("accounts.use_admin", is_administrator)

# The tokens' and channels' rules live beside their models.
from planwatch.accounts import rules_tokens  # noqa: E402, F401
