"""Request guards of the accounts layer: the admin site for administrators only, sign-in
required for pages, idle sessions ended, signed-in pages never cached."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import middleware as auth_middleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _


class AdminOnlyForAdministratorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = reverse("admin:index")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.prefix):
            user = request.user
            if not user.is_authenticated:
                return redirect(f"{reverse('login')}?next={request.path}")
            if not user.has_perm("accounts.use_admin"):
                return HttpResponse(status=403)
        return self.get_response(request)


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    """Django's sign-in requirement for pages; the JSON API answers 401 on its own instead."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class IdleSessionTimeoutMiddleware:
    """Sign a user out after SESSION_IDLE_SECONDS without a request, and in any case
    SESSION_COOKIE_AGE after signing in.

    The last-seen time is set at sign-in (`stamp_sign_in`) and then written at most once
    a minute, so pages do not pay a session write per request. Each such write renews
    the session cookie, so the sign-in time is kept too, for the absolute limit.
    """

    KEY = "planwatch_last_seen"
    SIGNED_IN_KEY = "planwatch_signed_in_at"
    WRITE_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.KEY)
            signed_in_at = request.session.get(self.SIGNED_IN_KEY)
            idle = last_seen is not None and now - last_seen > settings.SESSION_IDLE_SECONDS
            too_old = signed_in_at is not None and now - signed_in_at > settings.SESSION_COOKIE_AGE
            if idle or too_old:
                # Signed out, the request goes on as an anonymous one: pages send the
                # user to sign in (and back here after), the API answers 401.
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after a time without activity.")
                    if idle
                    else _("You were signed out: a session lasts a working day at most."),
                )
                return self.get_response(request)
            if last_seen is None or now - last_seen >= self.WRITE_EVERY:
                request.session[self.KEY] = now
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Nothing shown to a signed-in user is kept by a browser or a shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def stamp_sign_in(sender, request, user, **kwargs) -> None:
    """Connected to user_logged_in: the idle clock starts at sign-in."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[IdleSessionTimeoutMiddleware.KEY] = now
        request.session[IdleSessionTimeoutMiddleware.SIGNED_IN_KEY] = now
