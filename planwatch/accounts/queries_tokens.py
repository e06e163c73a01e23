"""Which tokens and service accounts a user may see."""

from django.db.models import QuerySet

from planwatch.accounts.models_tokens import ApiToken, ServiceAccount


def tokens_visible_to(user) -> QuerySet[ApiToken]:
    """A user's own tokens; every token for an administrator (to revoke any of them)."""
    tokens = ApiToken.objects.select_related("user")
    if user.has_perm("accounts.manage_service_accounts"):
        return tokens
    return tokens.filter(user=user)


def service_accounts_visible_to(user) -> QuerySet[ServiceAccount]:
    if not user.has_perm("accounts.manage_service_accounts"):
        return ServiceAccount.objects.none()
    return ServiceAccount.objects.select_related("user", "user__unit").order_by("user__username")
