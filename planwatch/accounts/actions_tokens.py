"""Making and revoking API tokens and service accounts: one transaction each, permission
checked, audited. The token itself leaves only through the return value of a create."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.accounts.models import Role, User
from planwatch.accounts.models_tokens import ApiToken, ServiceAccount
from planwatch.accounts.tokens import new_secret
from planwatch.audit.actions import diff, record_created, record_event, snapshot
from planwatch.audit.models import AuditEvent

TOKEN_FIELDS = ["user", "name", "prefix", "scope", "expires_at", "revoked_at"]


def _require(actor: User, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def _expiry(expires_on: dt.date, today: dt.date) -> dt.datetime:
    """The end of `expires_on` in the active time zone, within the allowed lifetime."""
    longest = settings.API_TOKEN_MAX_DAYS
    if expires_on <= today:
        raise ValidationError({"expires_on": _("Choose a day after today.")})
    if (expires_on - today).days > longest:
        raise ValidationError(
            {"expires_on": _("At most %(days)d days from today.") % {"days": longest}}
        )
    end = dt.datetime.combine(expires_on + dt.timedelta(days=1), dt.time())
    return timezone.make_aware(end)


@transaction.atomic
def do_create_token(
    actor: User, *, user: User, name: str, scope: str, expires_on: dt.date
) -> tuple[ApiToken, str]:
    """A token for `user`: their own, or (for an administrator) a service account's.
    Returns the record and the token, which is never shown again."""
    if user.pk == actor.pk:
        _require(actor, "accounts.create_own_token")
    else:
        _require(actor, "accounts.manage_service_accounts")
        if not ServiceAccount.objects.filter(user=user).exists():
            raise PermissionDenied(_("Tokens for other people are made by themselves."))
    raw, prefix, digest = new_secret()
    token = ApiToken(
        user=user,
        name=name.strip(),
        prefix=prefix,
        digest=digest,
        scope=scope,
        expires_at=_expiry(expires_on, timezone.localdate()),
        created_by=actor,
    )
    token.full_clean()
    token.save()
    changes = diff({}, snapshot(token, TOKEN_FIELDS))
    record_event(actor, AuditEvent.Action.CREATED, token, changes)
    return token, raw


@transaction.atomic
def do_revoke_token(actor: User, token: ApiToken, reason: str = "") -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    _require(actor, "accounts.revoke_token", token)
    if token.is_revoked:
        raise ValidationError(_("This token was already revoked."))
    before = snapshot(token, TOKEN_FIELDS)
    token.revoked_at = timezone.now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    changes = diff(before, snapshot(token, TOKEN_FIELDS))
    record_event(actor, AuditEvent.Action.CHANGED, token, changes, reason or _("revoked"))
    return token


@transaction.atomic
def do_create_service_account(
    actor: User, *, username: str, name: str, unit, role: str, description: str = ""
) -> ServiceAccount:
    """A user for another system, bound to a unit and a role; it has no password and signs
    in only with the tokens an administrator makes for it."""
    _require(actor, "accounts.manage_service_accounts")
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the list.")})
    user = User(username=username.strip(), first_name=name.strip(), role=role, unit=unit)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    record_created(actor, user, _("service account"))
    account = ServiceAccount(user=user, description=description.strip(), created_by=actor)
    account.full_clean()
    account.save()
    record_created(actor, account)
    return account
