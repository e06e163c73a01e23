"""Request guards that protect the server itself: a cap on a request's size, and
admission control so that a full server answers 503 at once instead of queueing work
until every client times out.

OverloadGuardMiddleware runs first. It refuses a request

- that has already waited longer than OVERLOAD_MAX_WAIT_SECONDS since it reached the
  server (the time comes from X-Request-Start, set by a reverse proxy, or from
  X-Planwatch-Queued-At, set by `planwatch.lib.server.QueueStampingThreadWorker` when
  gunicorn accepted it): its client has probably given up, and serving it would only
  make the requests behind it late too;
- when all in-flight slots (OVERLOAD_MAX_IN_FLIGHT per process) are taken and the
  waiting room (OVERLOAD_MAX_WAITING requests that wait for a slot) is full;
- that waited in the waiting room until its time was up.

A refusal costs well under a millisecond, so the gunicorn threads beyond slots and
waiting room drain a flood at once while the slots keep serving at full speed.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

QUEUED_AT_HEADERS = ("HTTP_X_PLANWATCH_QUEUED_AT", "HTTP_X_REQUEST_START")


def _bilingual(message: Callable[[], str]) -> str:
    """The message in English and Chinese: the guards run before the user's language is
    known (reading it would need the session, which costs a query)."""
    parts = []
    for language in ("en", "zh-hans"):
        with translation.override(language):
            parts.append(message())
    return " / ".join(parts)


def _refusal(
    request: HttpRequest, status: int, message: str, headers: dict[str, str] | None = None
) -> HttpResponse:
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=status)
    else:
        response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    for name, value in (headers or {}).items():
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response


def queued_at(meta: dict) -> float | None:
    """When the request reached the server (Unix seconds): the earlier of the proxy's
    and the worker's stamps, "t=1700000000.123" (nginx $msec) or milli-/microseconds."""
    stamps = []
    for key in QUEUED_AT_HEADERS:
        raw = meta.get(key, "")
        try:
            value = float(raw[2:] if raw.startswith("t=") else raw)
        except ValueError:
            continue
        if not math.isfinite(value):  # "inf" would never shrink below
            continue
        while value > 1e11:  # milliseconds or microseconds since the epoch
            value /= 1000
        stamps.append(value)
    return min(stamps, default=None)


class OverloadGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.slots = threading.BoundedSemaphore(settings.OVERLOAD_MAX_IN_FLIGHT)
        self.waiting_room = threading.BoundedSemaphore(settings.OVERLOAD_MAX_WAITING)
        self.max_wait = settings.OVERLOAD_MAX_WAIT_SECONDS
        # The health check answers even when the pages cannot: a full server is alive.
        self.exempt = {"/healthz"}

    def busy(self, request: HttpRequest) -> HttpResponse:
        return _refusal(
            request,
            503,
            _bilingual(lambda: _("The server is busy; please try again in a few seconds.")),
            {"Retry-After": str(settings.OVERLOAD_RETRY_AFTER_SECONDS)},
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path in self.exempt or request.path.startswith(settings.STATIC_URL):
            return self.get_response(request)
        arrived = queued_at(request.META)
        waited = max(0.0, time.time() - arrived) if arrived is not None else 0.0
        if waited > self.max_wait:
            return self.busy(request)
        if not self.slots.acquire(blocking=False):
            if not self.waiting_room.acquire(blocking=False):
                return self.busy(request)
            try:
                got_slot = self.slots.acquire(timeout=self.max_wait - waited)
            finally:
                self.waiting_room.release()
            if not got_slot:
                return self.busy(request)
        try:
            return self.get_response(request)
        finally:
            self.slots.release()


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body exceeds MAX_REQUEST_BYTES before reading it.

    Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not uploaded files, which
    it streams to disk whatever their size; each importer checks its own file after.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.MAX_REQUEST_BYTES
        if length > limit:
            message = _(
                "The upload is %(size).1f MB, over the %(limit)d MB limit of one request; "
                "send fewer or smaller files."
            ) % {"size": length / 1048576, "limit": limit // 1048576}
            return _refusal(request, 413, message)
        return self.get_response(request)
