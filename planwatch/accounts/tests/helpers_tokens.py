"""Making tokens in tests without the pages: the same records the action writes."""

import datetime as dt
import time

from django.utils import timezone

from planwatch.accounts.models_tokens import ApiToken
from planwatch.accounts.tokens import new_secret


def make_token(user, scope: str = ApiToken.Scope.WRITE, days: int = 30, name: str = "sync"):
    """(token record, the token to send)."""
    raw, prefix, digest = new_secret()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=prefix,
        digest=digest,
        scope=scope,
        expires_at=timezone.now() + dt.timedelta(days=days),
        created_by=user,
    )
    return token, raw


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def start_of_a_minute() -> None:
    """Rate limits count per clock minute: a test that counts waits out a minute about to
    end, so that all its requests fall in one window."""
    second = timezone.now().second
    if second >= 45:
        time.sleep(61 - second)
