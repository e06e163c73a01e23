"""Who may do what in the supervision loop. One predicate per decision.

Supervisors and administrators see and manage everything; leaders and auditors read
everything; a unit officer sees only tasks their unit is assigned to, and acts only on
their own unit's assignment.
"""

import rules

from planwatch.accounts.rules import (
    is_signed_in,
    is_unit_officer,
    manages_everything,
    reads_everything,
)


@rules.predicate
def unit_is_assigned(user, task) -> bool:
    if task is None or user.unit_id is None:
        return False
    return task.assignments.active().filter(unit_id=user.unit_id).exists()


@rules.predicate
def unit_leads(user, task) -> bool:
    return task is not None and user.unit_id is not None and task.lead_unit_id == user.unit_id


@rules.predicate
def owns_assignment(user, assignment) -> bool:
    return (
        assignment is not None and user.unit_id is not None and assignment.unit_id == user.unit_id
    )


can_view_task = reads_everything | (is_unit_officer & unit_is_assigned)

rules.add_perm("plans.view_plan", is_signed_in)
rules.add_perm("plans.manage_plans", manages_everything)
rules.add_perm("plans.view_sourcedocument", is_signed_in)
rules.add_perm("plans.view_task", can_view_task)
rules.add_perm("plans.change_task", manages_everything)
rules.add_perm("plans.assign_task", manages_everything)
rules.add_perm("plans.acknowledge_assignment", is_unit_officer & owns_assignment)
rules.add_perm("plans.report_on_assignment", is_unit_officer & owns_assignment)
rules.add_perm("plans.review_report", manages_everything)
rules.add_perm("plans.request_extension", is_unit_officer & unit_leads)
rules.add_perm("plans.decide_extension", manages_everything)
rules.add_perm("plans.raise_issue", is_unit_officer & owns_assignment)
rules.add_perm("plans.resolve_issue", manages_everything)
rules.add_perm("plans.request_close", is_unit_officer & unit_leads)
rules.add_perm("plans.close_task", manages_everything)
rules.add_perm("plans.view_dashboard", is_signed_in)
rules.add_perm("plans.import_tasks", manages_everything)
