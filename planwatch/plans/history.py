"""Which records of the supervision loop a user may read the history of: those the task
pages show them (see planwatch/audit/history.py). A unit officer reads the history of
their unit's tasks and of what hangs on them, never of another unit's."""

from django.db.models import Q, QuerySet

from planwatch.audit.history import register_history, signed_in_users
from planwatch.plans.models import (
    Assignment,
    Clause,
    EvidenceFile,
    ExtensionRequest,
    Indicator,
    MajorIssue,
    Milestone,
    Plan,
    ProgressReport,
    SourceDocument,
    StageTemplate,
    Task,
)
from planwatch.plans.queries import reports_visible_to, tasks_visible_to


def _on_visible_tasks(model):
    def visible(user) -> QuerySet:
        return model.objects.active().filter(task__in=tasks_visible_to(user))

    return visible


def _evidence(user) -> QuerySet[EvidenceFile]:
    if not user.is_authenticated:
        return EvidenceFile.objects.none()
    return EvidenceFile.objects.active().filter(
        Q(report__in=reports_visible_to(user)) | Q(report__isnull=True, document__isnull=False)
    )


def register() -> None:
    for model in (SourceDocument, Clause, Plan, StageTemplate):
        register_history(model, signed_in_users(model))
    register_history(Task, tasks_visible_to)
    register_history(ProgressReport, reports_visible_to)
    for model in (Assignment, Milestone, Indicator, ExtensionRequest, MajorIssue):
        register_history(model, _on_visible_tasks(model))
    register_history(EvidenceFile, _evidence)
