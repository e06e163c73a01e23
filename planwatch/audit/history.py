"""Who may read one record's history: exactly those who may see the record.

audit is layer 1 and never imports the apps above it; each app registers, for every model
whose changes it audits, the queryset of records a user may see (its `visible_to` rule),
e.g. from its AppConfig.ready(). A model nobody registered has no history page, except for
those who read the whole audit log anyway.
"""

from collections.abc import Callable

from django.db import models
from django.db.models import QuerySet

Visible = Callable[[object], QuerySet]

_visible: dict[type[models.Model], Visible] = {}


def register_history(model: type[models.Model], visible: Visible) -> None:
    """visible(user) -> the records of `model` this user may see, hence whose history."""
    _visible[model] = visible


def registered_models() -> set[type[models.Model]]:
    return set(_visible)


def record_for_history(user, model: type[models.Model], pk: str) -> models.Model | None:
    """The record, if this user may read its history; None otherwise (or if there is none).

    Readers of the whole audit log see every record's history, archived ones included;
    everyone else only what the record's own app shows them."""
    if user.has_perm("accounts.view_audit_log"):
        records = model._default_manager.all()
    elif model in _visible:
        records = _visible[model](user)
    else:
        return None
    return records.filter(pk=pk).first()


def signed_in_users(model: type[models.Model]) -> Visible:
    """For reference data that every signed-in user reads: its records not archived."""

    def visible(user) -> QuerySet:
        if not user.is_authenticated:
            return model._default_manager.none()
        return model._default_manager.filter(archived_at__isnull=True)

    return visible
