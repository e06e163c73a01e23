"""Who may read and change projects. One predicate per decision.

Everyone signed in reads projects, except a unit officer, who reads the projects their
unit leads or is assigned to through a project's plan tasks. Supervisors and
administrators manage projects, approvals, regions and exchange rates.
"""

import rules

from planwatch.accounts.rules import (
    is_signed_in,
    is_unit_officer,
    manages_everything,
    reads_everything,
)


@rules.predicate
def unit_leads_or_is_assigned(user, project) -> bool:
    if project is None or user.unit_id is None:
        return False
    if project.lead_unit_id == user.unit_id:
        return True
    return project.tasks.filter(
        assignments__unit_id=user.unit_id, assignments__archived_at__isnull=True
    ).exists()


can_view_project = reads_everything | (is_unit_officer & unit_leads_or_is_assigned)

rules.add_perm("projects.view_project", can_view_project)
rules.add_perm("projects.add_project", manages_everything)
rules.add_perm("projects.change_project", manages_everything)
rules.add_perm("projects.archive_project", manages_everything)
rules.add_perm("projects.import_projects", manages_everything)
rules.add_perm("projects.export_projects", is_signed_in)
rules.add_perm("projects.view_map", is_signed_in)
rules.add_perm("projects.view_figures", is_signed_in)
rules.add_perm("projects.view_region", is_signed_in)
rules.add_perm("projects.change_region", manages_everything)
rules.add_perm("projects.place_task", manages_everything)
rules.add_perm("projects.view_exchangerate", is_signed_in)
rules.add_perm("projects.change_exchangerate", manages_everything)
for _model in ("approval", "projectstage", "capitalpayment", "approvaldocument"):
    rules.add_perm(f"projects.view_{_model}", is_signed_in)
