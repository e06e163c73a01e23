"""The JSON API: mounts each app's router. OpenAPI at /api/openapi.json, docs at /api/docs."""

from django.contrib.auth.decorators import login_required
from ninja import NinjaAPI
from ninja.security import django_auth

from planwatch.accounts.api_tokens import router as accounts_router
from planwatch.accounts.tokens import TokenAuth, TokenRateThrottle
from planwatch.audit.api import router as audit_router
from planwatch.directory.api import router as directory_router
from planwatch.intake.api import router as intake_router
from planwatch.lib.api import VendoredSwagger
from planwatch.plans.api import router as plans_router
from planwatch.plans.api_dashboard import router as dashboard_router
from planwatch.projects.api import router as projects_router
from planwatch.reports.api import router as reports_router

# A bearer token or the session, in that order: a request that sends a token is judged by
# it alone, never by a session cookie it may also carry.
api = NinjaAPI(
    title="Planwatch API",
    version="1",
    auth=[TokenAuth(), django_auth],
    throttle=[TokenRateThrottle()],
    docs=VendoredSwagger(),
    docs_decorator=login_required,
)
api.add_router("/accounts", accounts_router)
api.add_router("/directory", directory_router)
api.add_router("/plans", plans_router)
api.add_router("/dashboard", dashboard_router)
api.add_router("/intake", intake_router)
api.add_router("/audit", audit_router)
api.add_router("/projects", projects_router)
api.add_router("/reports", reports_router)
