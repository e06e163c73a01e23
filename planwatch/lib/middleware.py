"""Refuse, at the edge, characters that no field may hold.

A NUL character makes PostgreSQL refuse the statement, and a lone surrogate (`\\ud800`,
which JSON can spell) cannot be encoded for either database: both reached the views as
server errors. Every query parameter, form field, uploaded file name, JSON key and value
and the URL path is checked before any view runs; the answer names the field: 400 for a
page, 422 for the API (as for any other invalid API input).
"""

import json
import re
from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

FORBIDDEN = re.compile("[\x00\ud800-\udfff]")


def has_forbidden_character(text: str) -> bool:
    return FORBIDDEN.search(text) is not None


def _json_strings(value, path: str) -> Iterator[tuple[str, str]]:
    """(field path, string) for every key and string value in a decoded JSON body."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            yield inner, str(key)
            yield from _json_strings(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]")


def _json_body(request: HttpRequest):
    if request.content_type != "application/json" or not request.body:
        return None
    try:
        return json.loads(request.body)
    except (ValueError, RecursionError):
        return None  # the view answers a malformed body as it always has


def _fields(request: HttpRequest) -> Iterator[tuple[str, str]]:
    yield _("URL"), request.path
    sources = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for source in sources:
        for key, values in source.lists():
            yield key, key
            for value in values:
                yield key, value
    if request.method == "POST":
        for key, files in request.FILES.lists():
            for upload in files:
                yield key, upload.name or ""
    yield from _json_strings(_json_body(request), "")


def bad_field(request: HttpRequest) -> str | None:
    """The name of the first field holding a forbidden character, or None."""
    for name, text in _fields(request):
        if has_forbidden_character(text):
            return FORBIDDEN.sub("?", name) or "?"
    return None


class RefuseUnstorableCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = bad_field(request)
        if field is None:
            return self.get_response(request)
        message = _(
            "%(field)s: contains a character that cannot be stored "
            "(a NUL character or a lone surrogate). Remove it and try again."
        ) % {"field": field}
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=422)
        html = render_to_string("bad_input.html", {"message": message}, request=request)
        return HttpResponse(html, status=400)
