"""How the current request acts, for the audit trail: a user's own session, or one of
their API tokens. Set by the token authentication, read by the audit writer, so that no
action needs an extra argument to say "via token"."""

from contextvars import ContextVar

acting_via: ContextVar[str] = ContextVar("acting_via", default="")


def via_label() -> str:
    """'via token …' while a token's request runs, '' otherwise."""
    return acting_via.get()
