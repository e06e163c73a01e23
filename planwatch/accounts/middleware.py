"""Keep Django's admin site to administrators, whatever staff flags a user carries."""

from django.contrib.auth import middleware as auth_middleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


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
