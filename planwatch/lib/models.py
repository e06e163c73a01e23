"""Base classes for domain records: archived instead of deleted, versioned for safe edits."""

from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from planwatch.lib.dates import out_of_range, out_of_range_message


class ArchiveInstead(Exception):
    """Raised when code tries to hard-delete a domain record."""


class DomainQuerySet(models.QuerySet[Any]):
    def active(self) -> "DomainQuerySet":
        return self.filter(archived_at__isnull=True)

    def delete(self) -> NoReturn:
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

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
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


def missing_version() -> ValidationError:
    return ValidationError(
        {
            "version": _(
                "The change does not say which version of the record it was made on. "
                "Reload the record and make the change again."
            )
        },
        code="version_missing",
    )


def check_version(current: int, expected_version: int | None, obj: models.Model) -> None:
    """Refuse a change made without the version it was read at, or on an older one."""
    if expected_version is None:
        raise missing_version()
    if current != expected_version:
        raise StaleRecord(obj)


def save_checked(obj: DomainModel, expected_version: int | None) -> None:
    """Save a change to `obj` only if its stored version is still the one the editor read;
    a change that does not say which version it read is refused too (ValidationError on
    `version`), or fifty editors would all overwrite each other.

    Call inside a transaction: the row is locked (PostgreSQL) or the database is
    write-locked from BEGIN (SQLite with IMMEDIATE transactions), so two savers
    cannot both pass the check.
    """
    if obj.pk is not None:
        check_version(_locked_version(obj), expected_version, obj)
    _save_next_version(obj)


def save_following(obj: DomainModel) -> None:
    """Save a change that follows from another one, already checked in the same
    transaction (a task's status after its report's review, a record archived): no
    version to compare, but the version still grows."""
    _save_next_version(obj)


def _locked_version(obj: DomainModel) -> int:
    stored = type(obj).objects.select_for_update().filter(pk=obj.pk).values_list("version")
    row = stored.first()
    return row[0] if row else 0


def _save_next_version(obj: DomainModel) -> None:
    if obj.pk is not None:
        obj.version = _locked_version(obj) + 1
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
