from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "planwatch.projects"
    label = "projects"
    verbose_name = _("Major projects")

    def ready(self) -> None:
        from planwatch.plans.extensions import register_dashboard_panel, register_unit_penalty
        from planwatch.projects import history
        from planwatch.projects.dashboard import (
            PENALTY_RULE,
            late_approvals_panel,
            project_penalty,
        )

        history.register()
        register_dashboard_panel(late_approvals_panel)
        register_unit_penalty(project_penalty, rule=PENALTY_RULE)
