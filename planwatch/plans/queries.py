"""What each user may see of the supervision loop, and the read models behind its pages."""

from django.db.models import Exists, OuterRef, QuerySet

from planwatch.accounts.models import Role
from planwatch.plans.models import Assignment, ProgressReport, Task


def tasks_visible_to(user) -> QuerySet[Task]:
    """Everything for those who read everything; for a unit officer, their unit's tasks."""
    tasks = Task.objects.active()
    if not user.is_authenticated:
        return tasks.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        if user.unit_id is None:
            return tasks.none()
        mine = Assignment.objects.filter(
            task=OuterRef("pk"), unit_id=user.unit_id, archived_at__isnull=True
        )
        return tasks.filter(Exists(mine))
    return tasks


def reports_visible_to(user) -> QuerySet[ProgressReport]:
    reports = ProgressReport.objects.active()
    if not user.is_authenticated:
        return reports.none()
    if user.role == Role.UNIT_OFFICER and not user.is_superuser:
        if user.unit_id is None:
            return reports.none()
        visible_tasks = tasks_visible_to(user).values("pk")
        return reports.filter(assignment__task__in=visible_tasks)
    return reports
