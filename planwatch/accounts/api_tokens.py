"""Who the API caller is, and their tokens: for a system to check its own credentials."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from planwatch.accounts import actions_tokens as actions
from planwatch.accounts.queries_channels import deliveries_visible_to
from planwatch.accounts.queries_tokens import tokens_visible_to
from planwatch.lib.api import require

router = Router(tags=["accounts"])


class TokenOut(Schema):
    id: int
    user: str
    name: str
    prefix: str
    scope: str
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None

    @staticmethod
    def resolve_user(token) -> str:
        return token.user.get_username()


class DeliveryOut(Schema):
    id: int
    channel_id: int
    unit_id: int
    kind: str
    text: str
    state: str
    attempts: int
    log: list
    created_at: dt.datetime
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_unit_id(delivery) -> int:
        return delivery.channel.unit_id


class MeOut(Schema):
    username: str
    role: str
    unit_id: int | None
    token: TokenOut | None


class RevokeIn(Schema):
    reason: str = ""


@router.get("/me", response=MeOut)
def me(request):
    """The user the request acts as, and the token it came with (none for a session)."""
    user = request.user
    return {
        "username": user.get_username(),
        "role": user.role,
        "unit_id": user.unit_id,
        "token": getattr(request, "api_token", None),
    }


@router.get("/tokens", response=list[TokenOut])
def list_tokens(request):
    return tokens_visible_to(request.user)[:1000]


@router.post("/tokens/{token_id}/revoke", response=TokenOut)
def revoke_token(request, token_id: int, body: RevokeIn):
    token = get_object_or_404(tokens_visible_to(request.user), pk=token_id)
    require(request, "accounts.revoke_token", token)
    try:
        return actions.do_revoke_token(request.user, token, body.reason[:500])
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None


@router.get("/deliveries", response=list[DeliveryOut])
def list_deliveries(request, state: str = "", limit: int = 100):
    """The deliveries of the channels the user manages, newest first."""
    require(request, "accounts.manage_channels")
    deliveries = deliveries_visible_to(request.user)
    if state:
        deliveries = deliveries.filter(state=state)
    return deliveries[: max(1, min(limit, 1000))]
