"""The intake's records for the audit history pages: shown to those who see the intake
queue (see planwatch/audit/history.py); unit officers do not."""

from django.db.models import QuerySet

from planwatch.audit.history import register_history
from planwatch.intake.models import DraftDirective, IntakeDocument, Proposal


def _for_intake_readers(model):
    def visible(user) -> QuerySet:
        if not user.has_perm("intake.view"):
            return model.objects.none()
        return model.objects.active()

    return visible


def register() -> None:
    for model in (IntakeDocument, Proposal, DraftDirective):
        register_history(model, _for_intake_readers(model))
