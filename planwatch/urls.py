"""The one place that sees every app's routes."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from planwatch import views
from planwatch.accounts import oidc
from planwatch.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("planwatch.accounts.urls")),
    path("oidc/authenticate/", oidc.sign_on, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.sign_on_callback, name="oidc_authentication_callback"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("directory/", include("planwatch.directory.urls")),
    path("plans/", include("planwatch.plans.urls")),
    path("dashboard/", include("planwatch.plans.urls_dashboard")),
    path("projects/", include("planwatch.projects.urls")),
    path("intake/", include("planwatch.intake.urls")),
    path("reports/", include("planwatch.reports.urls")),
    path("audit/", include("planwatch.audit.urls")),
    path("account/tokens/", include("planwatch.accounts.urls_tokens")),
    path("channels/", include("planwatch.accounts.urls_channels")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
