"""Who may make and revoke API tokens, and manage a unit's notification channels."""

import rules

from planwatch.accounts.rules import is_administrator, is_signed_in, is_supervisor, is_unit_officer


@rules.predicate
def is_service_account(user) -> bool:
    return user.is_authenticated and hasattr(user, "service_account")


@rules.predicate
def owns_token(user, token) -> bool:
    return token is not None and token.user_id == user.pk


@rules.predicate
def in_unit(user, unit) -> bool:
    """The user's own unit; with no unit named, whether the user has one at all."""
    if unit is None:
        return user.unit_id is not None
    return user.unit_id == unit.pk


rules.add_perm("accounts.create_own_token", is_signed_in & ~is_service_account)
rules.add_perm("accounts.revoke_token", is_signed_in & (owns_token | is_administrator))
rules.add_perm("accounts.manage_service_accounts", is_administrator)
rules.add_perm(
    "accounts.manage_channels",
    is_signed_in & (is_administrator | is_supervisor | (is_unit_officer & in_unit)),
)


@rules.predicate
def channel_of_own_unit(user, channel) -> bool:
    return channel is not None and user.unit_id == channel.unit_id


# A channel's history page asks for this (audit's record_history).
rules.add_perm(
    "accounts.view_channel",
    is_signed_in & (is_administrator | is_supervisor | (is_unit_officer & channel_of_own_unit)),
)
