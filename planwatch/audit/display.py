"""An audit event's changes as a reader reads them: each field by its label, related
records by their names, choices by their labels, instants in the site's time zone, and
no internal field (a search key, a file's hash)."""

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.audit.models import AuditEvent

HIDDEN = {"key", "sha256", "password", "last_login"}

# Names the loop's step events use that are no field of the record they are written on.
STEP_FIELDS = {
    "report": gettext_lazy("report"),
    "unit": gettext_lazy("unit"),
    "role": gettext_lazy("role"),
    "issue": gettext_lazy("issue"),
    "progress": gettext_lazy("progress"),
    "deadline": gettext_lazy("deadline"),
    "addressees": gettext_lazy("addressees"),
    "assessed_units": gettext_lazy("units assessed"),
    "kept_from": gettext_lazy("kept from file"),
}


def _hidden(name: str) -> bool:
    return name in HIDDEN or name.endswith("_key")


def _instant(text: str) -> str:
    """An ISO date or date-time as the reader's date, or local date and time."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) <= 10:
        return date_format(moment.date(), "Y-m-d")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "Y-m-d H:i")


class _Reader:
    def __init__(self, model: type[models.Model] | None) -> None:
        self.model = model

    def field(self, name: str):
        if self.model is None:
            return None
        try:
            return self.model._meta.get_field(name)
        except Exception:  # FieldDoesNotExist, or a name no model field has
            return None

    def label(self, name: str) -> str:
        field = self.field(name)
        if field is not None and hasattr(field, "verbose_name"):
            return capfirst(str(field.verbose_name))
        if name in STEP_FIELDS:
            return capfirst(str(STEP_FIELDS[name]))
        return capfirst(name.replace("_", " "))

    def names(self, field, values: list[Any]) -> dict[Any, str]:
        """Names of the related records behind a foreign key's or many-to-many's ids."""
        ids = {v for value in values for v in (value if isinstance(value, list) else [value])}
        ids.discard(None)
        if not ids:
            return {}
        related = field.related_model._default_manager.filter(pk__in=ids)
        return {record.pk: str(record) for record in related}

    def value(self, field, value: Any, names: dict[Any, str]) -> str:
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, list):
            return ", ".join(self.value(field, v, names) for v in value)
        if field is not None and (field.many_to_one or field.many_to_many or field.one_to_one):
            return names.get(value, str(value))
        if field is not None and getattr(field, "choices", None):
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, str) and value[:4].isdigit() and value[4:5] == "-":
            return _instant(value)
        return str(value)


def readable_changes(event: AuditEvent) -> list[tuple[str, str, str]]:
    """(label, old, new) for each change of `event` a reader should see."""
    reader = _Reader(event.content_type.model_class())
    rows = []
    for name, change in (event.changes or {}).items():
        if _hidden(name) or not isinstance(change, list) or len(change) != 2:
            continue
        field = reader.field(name)
        related = field is not None and (
            field.many_to_one or field.many_to_many or field.one_to_one
        )
        names = reader.names(field, change) if related else {}
        old, new = (reader.value(field, v, names) for v in change)
        rows.append((reader.label(name), old, new))
    return rows
