"""Single sign-on through OpenID Connect (mozilla-django-oidc), and the switch that turns
local passwords off.

On first sign-in a person's unit and role come from two claims of the identity provider
(settings.PLANWATCH_OIDC_UNIT_CLAIM names a unit by its directory code,
PLANWATCH_OIDC_ROLE_CLAIM a role); someone whose claims map to no unit or to no role a
provider may grant is refused with a message, and no account is made. Later sign-ins
find the person by the provider's subject and keep the unit and role Planwatch holds.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from planwatch.accounts.models import Role, User
from planwatch.accounts.models_oidc import SignInIdentity
from planwatch.audit.actions import record_created

# A provider may make officers, supervisors, leaders and auditors; administrators are made
# in Planwatch itself.
GRANTABLE_ROLES = [Role.SUPERVISOR, Role.UNIT_OFFICER, Role.LEADER, Role.AUDITOR]


def sso_enabled() -> bool:
    return bool(settings.OIDC_RP_CLIENT_ID)


class PasswordBackend(ModelBackend):
    """Django's username and password sign-in, unless settings.LOCAL_PASSWORDS is off."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.LOCAL_PASSWORDS:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class SignOnBackend(OIDCAuthenticationBackend):
    """Matches people by the provider's subject; maps claims to unit and role once."""

    def __init__(self, *args, **kwargs):
        self.enabled = sso_enabled()
        if self.enabled:
            super().__init__(*args, **kwargs)
        else:
            self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if not self.enabled:
            return None
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims) -> bool:
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return User.objects.filter(
            sign_in_identities__subject=str(claims["sub"]), is_active=True
        ).distinct()

    def _refuse(self, text: str) -> None:
        messages.error(self.request, text)

    def _mapping(self, claims) -> tuple | None:
        Organisation = User._meta.get_field("unit").related_model
        unit_code = str(claims.get(settings.OIDC_UNIT_CLAIM) or "").strip()
        role = str(claims.get(settings.OIDC_ROLE_CLAIM) or "").strip()
        unit = Organisation.objects.active().filter(code=unit_code).first() if unit_code else None
        if unit is None or role not in GRANTABLE_ROLES:
            return None
        return unit, role

    def _free_username(self, claims) -> str:
        base = str(claims.get("preferred_username") or claims["sub"])[:120]
        username, n = base, 1
        while User.objects.filter(username__iexact=username).exists():
            n += 1
            username = f"{base}-{n}"
        return username

    @transaction.atomic
    def create_user(self, claims):
        mapping = self._mapping(claims)
        if mapping is None:
            self._refuse(
                _(
                    "Your identity provider signed you in, but gives no Planwatch unit and "
                    "role for you. Ask an administrator to map your account."
                )
            )
            return None
        unit, role = mapping
        user = User(
            username=self._free_username(claims),
            email=str(claims.get("email") or "")[:254],
            first_name=str(claims.get("given_name") or claims.get("name") or "")[:150],
            last_name=str(claims.get("family_name") or "")[:150],
            unit=unit,
            role=role,
        )
        user.set_unusable_password()
        user.save()
        record_created(None, user, _("first single sign-on"))
        SignInIdentity.objects.create(user=user, subject=str(claims["sub"])[:255])
        return user

    def update_user(self, user, claims):
        return user


@login_not_required
def sign_on(request: HttpRequest) -> HttpResponse:
    """Start single sign-on: off (404) unless PLANWATCH_OIDC_CLIENT_ID is set."""
    if not sso_enabled():
        raise Http404
    return OIDCAuthenticationRequestView.as_view()(request)


@login_not_required
def sign_on_callback(request: HttpRequest) -> HttpResponse:
    if not sso_enabled():
        raise Http404
    return OIDCAuthenticationCallbackView.as_view()(request)


def sign_in_options(request: HttpRequest) -> dict:
    """For the sign-in page: which ways of signing in are on."""
    return {"sso_enabled": sso_enabled(), "local_passwords": settings.LOCAL_PASSWORDS}
