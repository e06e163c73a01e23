"""Base classes for domain records: archived instead of deleted, versioned for safe edits."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import get_language

from planwatch.lib.dates import out_of_range, out_of_range_message


class ArchiveInstead(Exception):
    """Raised when code tries to hard-delete a domain record."""


class DomainQuerySet(models.QuerySet):
    def active(self) -> "DomainQuerySet":
        return self.filter(archived_at__isnull=True)

    def delete(self):
        raise ArchiveInstead("Domain records are archived, never deleted.")


class DomainModel(models.Model):
    """A record users care about: it keeps its history and is archived, not deleted.

    `version` grows by one on every saved change, so that two people editing the same
    record find out instead of overwriting each other.
    """

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = DomainQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def delete(self, *args, **kwargs):
        raise ArchiveInstead(f"{self._meta.verbose_name} records are archived, never deleted.")

    def clean_fields(self, exclude=None) -> None:
        """Django's checks, and two it leaves out: an explicit null for a text field that
        may be blank (Django lets it through, the database then refuses it), and every
        date within the years a record may name."""
        errors = {}
        try:
            super().clean_fields(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if field.name in (exclude or ()) or field.name in errors:
                continue
            value = getattr(self, field.attname)
            text = isinstance(field, models.CharField | models.TextField)
            if text and value is None and not field.null:
                errors[field.name] = [field.error_messages["null"]]
            elif isinstance(field, models.DateField) and out_of_range(value):
                errors[field.name] = [out_of_range_message()]
        if errors:
            raise ValidationError(errors)


def pick_language(en: str, zh: str) -> str:
    """The name in the active language, falling back to the other one."""
    language = (get_language() or "en").lower()
    if language.startswith("zh"):
        return zh or en
    return en or zh


class StaleRecord(Exception):
    """Someone else saved the record after the editor loaded it."""


def save_checked(obj: DomainModel, expected_version: int | None) -> None:
    """Save `obj` only if its stored version is still the one the editor saw.

    Call inside a transaction: the row is locked (PostgreSQL) or the database is
    write-locked from BEGIN (SQLite with IMMEDIATE transactions), so two savers
    cannot both pass the check.
    """
    if obj.pk is not None:
        stored = (
            type(obj)
            .objects.select_for_update()
            .filter(pk=obj.pk)
            .values_list("version", flat=True)
        )
        current = stored.first()
        if expected_version is not None and current != expected_version:
            raise StaleRecord(obj)
        obj.version = (current or 0) + 1
    obj.save()


def insert_checked(record: DomainModel, exclude: list[str] | None = None) -> None:
    """Validate and insert a new record. full_clean() finds a taken unique value, but two
    requests can both pass it before either inserts; the loser's insert then fails in
    the database, and is answered with the same ValidationError naming the field."""
    record.full_clean(exclude=exclude)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        record.full_clean(exclude=exclude)  # the winner is stored now: this names the field
        raise
