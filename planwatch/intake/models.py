"""What the intake has read, and what it proposes: nothing reaches the directory or the
supervision loop until a person accepts it in the review queue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from planwatch.lib.models import DomainModel

User = settings.AUTH_USER_MODEL


class Decision(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class Batch(models.Model):
    """One upload or command run: several files, read now or on the background queue."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")

    created_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    staging_dir = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("intake batch")
        verbose_name_plural = _("intake batches")

    def __str__(self) -> str:
        return f"#{self.pk} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)


class IntakeDocument(DomainModel):
    """One document as read: the whole intake record, or the reason it could not be read."""

    batch = models.ForeignKey(
        Batch, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    name = models.CharField(_("file"), max_length=500)
    sha256 = models.CharField(max_length=64, db_index=True)
    fingerprint = models.BigIntegerField(
        null=True, blank=True, help_text="64-bit SimHash of the body, for near-duplicates"
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="duplicates"
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    record = models.JSONField(_("intake record"), default=dict)
    terms = models.JSONField(_("projects, industries and places named"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    source_document = models.ForeignKey(
        "plans.SourceDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="intake_documents",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("intake document")
        verbose_name_plural = _("intake documents")

    def __str__(self) -> str:
        return self.title or self.name


class Proposal(DomainModel):
    """A new fact for the directory, with the sentence it came from."""

    class Kind(models.TextChoices):
        ALIAS = "alias", _("new alias")
        PERSON = "person", _("new person")
        ORGANISATION = "organisation", _("new organisation")
        TENURE = "tenure", _("new tenure evidence")

    document = models.ForeignKey(IntakeDocument, on_delete=models.PROTECT, related_name="proposals")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("proposal"), max_length=500)
    payload = models.JSONField(default=dict)
    sentence = models.TextField(_("from the sentence"), blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "kind", "summary"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return self.summary


class DraftDirective(DomainModel):
    """A directive found in a document; accepting it creates a task linked to its clause."""

    document = models.ForeignKey(IntakeDocument, on_delete=models.PROTECT, related_name="drafts")
    position = models.PositiveIntegerField()
    ordinal = models.CharField(_("ordinal as written"), max_length=40, blank=True)
    text = models.TextField(_("text"))
    issuer = models.CharField(_("issuer"), max_length=300, blank=True)
    responsible = models.JSONField(_("responsible bodies"), default=list)
    co_units = models.JSONField(_("co-units"), default=list, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_as_written = models.CharField(_("deadline as written"), max_length=200, blank=True)
    reporting_rule = models.JSONField(_("reporting rule"), null=True, blank=True)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    task = models.ForeignKey(
        "plans.Task", null=True, blank=True, on_delete=models.PROTECT, related_name="intake_drafts"
    )

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("draft directive")
        verbose_name_plural = _("draft directives")

    def __str__(self) -> str:
        return f"{self.ordinal} {self.text[:80]}".strip()
