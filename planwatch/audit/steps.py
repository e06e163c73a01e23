"""The names of steps that apps record as audit actions, besides AuditEvent.Action's four.

Each app that records steps of its own lists them in its `steps.py`, marked with
gettext_noop so that the catalogue holds them (pages show {% translate e.action %}), and
registers them here; audit imports every app's `steps` module when Django starts.
"""

from django.utils.module_loading import autodiscover_modules

from planwatch.audit.models import AuditEvent

_registered: set[str] = set(AuditEvent.Action.values)


def register(*names: str) -> tuple[str, ...]:
    """Make `names` known as audit actions; returns them for the caller's module."""
    _registered.update(names)
    return names


def registered() -> frozenset[str]:
    """Every action an audit event may carry."""
    return frozenset(_registered)


def discover() -> None:
    """Import each installed app's `steps` module, which registers its names."""
    autodiscover_modules("steps")
