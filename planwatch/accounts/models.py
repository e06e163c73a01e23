"""Users, their unit and their role: the two facts every permission rests on."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    SUPERVISOR = "supervisor", _("Supervisor")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    LEADER = "leader", _("Leader")
    AUDITOR = "auditor", _("Auditor")


class User(AbstractUser):
    """A person who signs in. Belongs to one unit (an organisation of the directory)."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEADER)
    unit = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def reads_everything(self) -> bool:
        """accounts.rules.sees_everything, the one rule of who sees every record."""
        from planwatch.accounts.rules import sees_everything

        return sees_everything(self)

    def save(self, *args, **kwargs):
        # The admin site lets in staff only; being an administrator is what makes staff.
        self.is_staff = self.role == Role.ADMINISTRATOR
        super().save(*args, **kwargs)


# Models kept in their own modules, registered with the app here.
from planwatch.accounts.models_channels import Channel, Delivery  # noqa: E402
from planwatch.accounts.models_oidc import SignInIdentity  # noqa: E402
from planwatch.accounts.models_tokens import ApiToken, ServiceAccount, TokenWindow  # noqa: E402

__all__ = [
    "ApiToken",
    "Channel",
    "Delivery",
    "Role",
    "ServiceAccount",
    "SignInIdentity",
    "TokenWindow",
    "User",
]
