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


is_signed_in = rules.is_authenticated & rules.is_active
manages_everything = is_administrator | is_supervisor
reads_everything = is_signed_in & ~is_unit_officer

rules.add_perm("accounts.view_audit_log", is_administrator | is_auditor)
rules.add_perm("accounts.use_admin", is_administrator)

# The tokens' and channels' rules live beside their models.
from planwatch.accounts import rules_tokens  # noqa: E402, F401
