"""Webhook channels: where a unit's notifications are also posted (a DingTalk or WeCom
group robot, or any system through a signed webhook), and the record of every delivery."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planwatch.lib.models import DomainModel

# Robots and webhooks are reached over the web only (no ftp:, no file:).
WEB_ADDRESS = URLValidator(schemes=["http", "https"])


class Channel(DomainModel):
    class Kind(models.TextChoices):
        DINGTALK = "dingtalk", _("DingTalk group robot")
        WECOM = "wecom", _("WeCom group robot")
        WEBHOOK = "webhook", _("Signed webhook")

    unit = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="channels",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=1000, validators=[WEB_ADDRESS])
    # The signing secret must be read back to sign, so it is stored as given; pages never
    # show it again, and the audit trail records only that it changed.
    secret = models.CharField(_("signing secret"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == self.Kind.WEBHOOK and not self.secret:
            raise ValidationError({"secret": _("A signed webhook needs a secret to sign with.")})


class Delivery(models.Model):
    """One message to one channel, from its queueing to its last attempt. `key` and `day`
    are the notification's: the same notification never goes twice to one channel."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="deliveries")
    key = models.CharField(max_length=200)
    day = models.DateField()
    kind = models.CharField(_("kind"), max_length=40)
    text = models.TextField(_("message"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    log = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "key", "day"], name="one_delivery_per_channel_and_notice"
            )
        ]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.channel} {self.key} {self.state}"

    @property
    def last_error(self) -> str:
        return self.log[-1].get("error", "") if self.log else ""
