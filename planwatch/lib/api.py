"""Helpers shared by every app's django-ninja router."""

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest
from ninja.errors import HttpError


def require(request: HttpRequest, perm: str, obj: Model | None = None) -> None:
    """Answer 403 unless the signed-in user has `perm` (on `obj`)."""
    if not request.user.has_perm(perm, obj):
        raise HttpError(403, "You may not do this.")


__all__ = ["PermissionDenied", "require"]
