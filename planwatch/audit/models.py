"""The audit trail: who changed which record, when, from what to what, and why."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# The steps the apps record as actions besides the four of AuditEvent.Action. Listed here
# so that the catalogue holds them: the pages show an action with {% translate e.action %}.
STEP_ACTIONS = [
    gettext_noop("assigned"),
    gettext_noop("acknowledged"),
    gettext_noop("report submitted"),
    gettext_noop("report revised"),
    gettext_noop("report approved"),
    gettext_noop("report returned"),
    gettext_noop("extension requested"),
    gettext_noop("extension approved"),
    gettext_noop("extension refused"),
    gettext_noop("major issue raised"),
    gettext_noop("major issue resolved"),
    gettext_noop("close requested"),
    gettext_noop("closed"),
    gettext_noop("reopened"),
    gettext_noop("accepted"),
    gettext_noop("rejected"),
]


class AuditEventQuerySet(models.QuerySet):
    def delete(self):
        raise ValueError("Audit events are never deleted.")


class AuditEvent(models.Model):
    """One change to one record. Append-only: never edited, never deleted."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        CHANGED = "changed", _("changed")
        ARCHIVED = "archived", _("archived")
        RESTORED = "restored", _("restored")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("record"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are never deleted.")
