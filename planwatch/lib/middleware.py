"""Refuse, at the edge, input that no field may hold.

A NUL character makes PostgreSQL refuse the statement, and a lone surrogate (`\\ud800`,
which JSON can spell) cannot be encoded for either database: both reached the views as
server errors; so did a JSON number beyond 64 bits, and an uploaded file's name too long
for the file system. Every query parameter, form field,
uploaded file name, JSON key and value and the URL path is checked before any view runs.
Query parameters are filters and search words: one longer than QUERY_VALUE_LIMIT is
refused too (SQLite gives up on a LIKE pattern of 50,000 bytes). The answer names the
field: 400 for a page, 422 for the API (as for any other invalid API input).
"""

import json
import logging
import math
import re
from collections.abc import Iterator

from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
QUERY_VALUE_LIMIT = 1000
LARGEST = 2**63 - 1  # no number a database column holds is larger
NAME_BYTES = 240  # file systems stop at 255 bytes a name; staging adds a prefix


class FileName(str):
    """An uploaded file's name, which must also fit the file system."""


def has_forbidden_character(text: str) -> bool:
    return FORBIDDEN.search(text) is not None


def _json_items(value, path: str) -> Iterator[tuple[str, object]]:
    """(field path, item) for every key and leaf value of a decoded JSON body."""
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            yield inner, str(key)
            yield from _json_items(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_items(item, f"{path}[{index}]")
    else:
        yield path, value


def _json_body(request: HttpRequest):
    if request.content_type != "application/json" or not request.body:
        return None
    try:
        return json.loads(request.body)
    except (ValueError, RecursionError):
        return None  # the view answers a malformed body as it always has


def _fields(request: HttpRequest) -> Iterator[tuple[str, object]]:
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
                yield key, FileName(upload.name or "")
    yield from _json_items(_json_body(request), "")


def problem(request: HttpRequest) -> str | None:
    """What is wrong with the request's input, naming the field; None if nothing is."""
    for name, value in _fields(request):
        field = FORBIDDEN.sub("?", name)[:100] or "?"
        if isinstance(value, str) and has_forbidden_character(value):
            return _(
                "%(field)s: contains a character that cannot be stored "
                "(a NUL character or a lone surrogate). Remove it and try again."
            ) % {"field": field}
        if isinstance(value, FileName) and len(value.encode("utf-8", "replace")) > NAME_BYTES:
            return _("%(field)s: the file name is too long.") % {"field": field}
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST:
            return _("%(field)s: the number is too large.") % {"field": field}
        if isinstance(value, float) and not math.isfinite(value):
            return _("%(field)s: not a number.") % {"field": field}
    for name, values in request.GET.lists():
        if any(len(value) > QUERY_VALUE_LIMIT for value in values):
            return _("%(field)s: too long (at most %(limit)s characters).") % {
                "field": name[:100],
                "limit": QUERY_VALUE_LIMIT,
            }
    return None


class RefuseBadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        message = problem(request)
        if message is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=422)
        context = {"title": _("Invalid input"), "message": message}
        return HttpResponse(render_to_string("refused.html", context, request), status=400)


class AnswerConflictsMiddleware:
    """A write that a database constraint refused, because another request stored a clashing
    record at the same moment, answers 409 with a message instead of a server error.
    (Actions check their constraints first, see lib.models.insert_checked; this is the
    last net for a race they could not name.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, IntegrityError):
            return None
        logging.getLogger(__name__).warning("Refused write on %s: %s", request.path, exception)
        message = _(
            "Someone else saved a record that clashes with this one at the same moment. "
            "Reload the page to see it, then try again."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=409)
        context = {"title": _("Conflict"), "message": message}
        return HttpResponse(render_to_string("refused.html", context, request), status=409)
