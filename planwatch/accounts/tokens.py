"""Bearer tokens for the JSON API: making them, recognising them, counting their requests.

`TokenAuth` is one of the API's authentication methods (beside the session): it answers
401 for an unknown, expired or revoked token, 403 when a read token tries to change
anything, and otherwise lets the request run as the token's user, with exactly that
user's permissions. While it runs, the audit trail names the token (lib.acting).
"""

import datetime as dt
import hashlib
import math
import secrets

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from planwatch.accounts.models_tokens import ApiToken, TokenWindow
from planwatch.lib.acting import acting_via

PREFIX = "pwt"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAX_TOKEN_LENGTH = 200


def new_secret() -> tuple[str, str, str]:
    """(the token as shown once, its public prefix, its digest)."""
    prefix = secrets.token_hex(4)
    raw = f"{PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    return raw, f"{PREFIX}_{prefix}", digest_of(raw)


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


def via_text(token: ApiToken) -> str:
    """What the audit trail adds to the user's name."""
    return f"via token {token.prefix} «{token.name}»"


def token_for(raw: str, now: dt.datetime) -> ApiToken:
    """The live token `raw` names; AuthenticationError (401) with the reason otherwise."""
    raw = raw.strip()
    token = None
    if raw and len(raw) <= MAX_TOKEN_LENGTH:
        token = ApiToken.objects.select_related("user").filter(digest=digest_of(raw)).first()
    if token is None:
        raise AuthenticationError(401, _("This API token is not valid."))
    if token.is_revoked:
        raise AuthenticationError(401, _("This API token has been revoked."))
    if token.is_expired(now):
        raise AuthenticationError(401, _("This API token has expired."))
    if not token.user.is_active:
        raise AuthenticationError(401, _("The account of this API token is disabled."))
    return token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; requests without that header go on to the session."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        api_token = token_for(token, timezone.now())
        if api_token.scope == ApiToken.Scope.READ and request.method not in SAFE_METHODS:
            raise AuthorizationError(403, _("This API token may only read; it cannot change."))
        request.user = api_token.user
        request.api_token = api_token
        acting_via.set(via_text(api_token))
        return api_token


def _raise_count(token: ApiToken, minute: dt.datetime) -> int | None:
    """Add one to the token's row for `minute` and read the new count in the same
    statement (UPDATE ... RETURNING, SQLite 3.35+ and PostgreSQL), so that concurrent
    requests neither lose a count nor read one another's; None when there is no row yet.
    One round trip: the ORM needed five on PostgreSQL (measured, bench/api_tokens.py)."""
    table = connection.ops.quote_name(TokenWindow._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET count = count + 1 WHERE token_id = %s AND minute = %s "
            "RETURNING count",
            [token.pk, connection.ops.adapt_datetimefield_value(minute)],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def count_request(token: ApiToken, now: dt.datetime) -> int:
    """Count one request in the token's current minute; the minute's count so far.

    The counter is a row per token and minute, so every server counts the same requests.
    A new minute's row also records the token's last use (to the minute) and drops the
    token's older rows."""
    minute = now.replace(second=0, microsecond=0)
    count = _raise_count(token, minute)
    if count is not None:
        return count
    try:
        with transaction.atomic():
            TokenWindow.objects.create(token=token, minute=minute, count=1)
    except IntegrityError:
        return _raise_count(token, minute) or 0
    TokenWindow.objects.filter(token=token, minute__lt=minute).delete()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return 1


class TokenRateThrottle(BaseThrottle):
    """At most settings.API_TOKEN_RATE_LIMIT requests a minute per token (429 beyond)."""

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "api_token", None)
        if token is None:
            return True
        return count_request(token, timezone.now()) <= settings.API_TOKEN_RATE_LIMIT

    def wait(self) -> float:
        """Seconds until the next minute's window opens."""
        now = timezone.now()
        return math.ceil(60 - now.second - now.microsecond / 1e6) or 1


class TokenContextMiddleware:
    """Each request starts acting as nobody's token, and leaves no token behind it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reset = acting_via.set("")
        try:
            return self.get_response(request)
        finally:
            acting_via.reset(reset)
