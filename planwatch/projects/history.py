"""Which project records a user may read the history of: those the project pages show
them (see planwatch/audit/history.py). A unit officer reads the history of the projects
their unit leads or is assigned to, and of their stages, approvals, documents and
payments; never another unit's."""

from django.db.models import QuerySet

from planwatch.audit.history import register_history, signed_in_users
from planwatch.plans.queries import tasks_visible_to
from planwatch.projects.models import (
    Approval,
    ApprovalDocument,
    ApprovalKind,
    CapitalPayment,
    Country,
    ExchangeRate,
    Industry,
    Project,
    ProjectStage,
    Region,
    TaskPlacement,
)
from planwatch.projects.queries import projects_visible_to


def _on_visible_projects(model, path: str = "project"):
    def visible(user) -> QuerySet:
        return model.objects.active().filter(**{f"{path}__in": projects_visible_to(user)})

    return visible


def _placements(user) -> QuerySet[TaskPlacement]:
    return TaskPlacement.objects.active().filter(task__in=tasks_visible_to(user))


def register() -> None:
    for model in (Country, Industry, ApprovalKind, ExchangeRate, Region):
        register_history(model, signed_in_users(model))
    register_history(Project, projects_visible_to)
    for model in (ProjectStage, Approval, CapitalPayment):
        register_history(model, _on_visible_projects(model))
    register_history(ApprovalDocument, _on_visible_projects(ApprovalDocument, "approval__project"))
    register_history(TaskPlacement, _placements)
