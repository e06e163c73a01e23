"""Helpers shared by every app's django-ninja router."""

from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest
from ninja import Query
from ninja.errors import HttpError

# A query parameter that counts rows to skip: never negative, never beyond what a
# database's 64-bit LIMIT/OFFSET holds (SQLite answered "datatype mismatch", a 500).
Offset = Annotated[int, Query(ge=0, le=2**63 - 1)]


def require(request: HttpRequest, perm: str, obj: Model | None = None) -> None:
    """Answer 403 unless the signed-in user has `perm` (on `obj`)."""
    if not request.user.has_perm(perm, obj):
        raise HttpError(403, "You may not do this.")


__all__ = ["Offset", "PermissionDenied", "require"]
