"""Pages that belong to no single app: the home page and the health check."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from planwatch.audit.queries import events_visible_to
from planwatch.directory.queries import organisations_visible_to, people_visible_to


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "home.html",
        {
            "organisation_count": organisations_visible_to(user).count(),
            "person_count": people_visible_to(user).count(),
            "recent_events": events_visible_to(user)[:10],
        },
    )
