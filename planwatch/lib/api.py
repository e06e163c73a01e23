"""Helpers shared by every app's django-ninja router."""

import json
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import Query
from ninja.errors import HttpError
from ninja.openapi.docs import Swagger

# A query parameter that counts rows to skip: never negative, never beyond what a
# database's 64-bit LIMIT/OFFSET holds (SQLite answered "datatype mismatch", a 500).
Offset = Annotated[int, Query(ge=0, le=2**63 - 1)]


def require(request: HttpRequest, perm: str, obj: Model | None = None) -> None:
    """Answer 403 unless the signed-in user has `perm` (on `obj`)."""
    if not request.user.has_perm(perm, obj):
        raise HttpError(403, "You may not do this.")


class VendoredSwagger(Swagger):
    """Swagger UI served from planwatch/static/vendor: django-ninja would load it from a
    CDN unless `ninja` were an installed app, and /api/docs was a blank page offline."""

    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {"swagger_settings": json.dumps(settings), "api": api, "add_csrf": True}
        return render(request, self.template, context)


__all__ = ["Offset", "PermissionDenied", "VendoredSwagger", "require"]
