"""Who may do what with supervision documents. One predicate per decision.

Supervisors and administrators issue, withdraw and configure; leaders and auditors read
everything; a unit officer sees the notices addressed to their unit once issued (never a
proposal, never another unit's) and answers them.
"""

import rules

from planwatch.accounts.rules import (
    is_administrator,
    is_leader,
    is_signed_in,
    is_unit_officer,
    manages_everything,
    reads_everything,
)


@rules.predicate
def addressed_to_own_unit(user, notice) -> bool:
    return notice is not None and user.unit_id is not None and notice.unit_id == user.unit_id


@rules.predicate
def notice_is_issued(user, notice) -> bool:
    return notice is not None and not notice.is_draft


@rules.predicate
def card_of_own_unit(user, card) -> bool:
    return card is not None and user.unit_id is not None and card.unit_id == user.unit_id


@rules.predicate
def bulletin_for_all_or_own(user, bulletin) -> bool:
    return bulletin is not None and (bulletin.unit_id is None or bulletin.unit_id == user.unit_id)


can_view_notice = reads_everything | (is_unit_officer & addressed_to_own_unit & notice_is_issued)

rules.add_perm("reports.view_reports", is_signed_in)
rules.add_perm("reports.view_notice", can_view_notice)
rules.add_perm("reports.issue_notice", manages_everything)
rules.add_perm("reports.withdraw_notice", manages_everything)
rules.add_perm("reports.answer_notice", is_unit_officer & addressed_to_own_unit & notice_is_issued)
rules.add_perm("reports.manage_series", manages_everything)
rules.add_perm("reports.manage_ladder", manages_everything)
rules.add_perm("reports.issue_card", manages_everything)
rules.add_perm("reports.issue_bulletin", manages_everything)
rules.add_perm("reports.evaluate_plan", manages_everything)
rules.add_perm("reports.view_evaluation", reads_everything)
rules.add_perm("reports.write_instruction", is_leader | is_administrator)
rules.add_perm("reports.instruction_to_task", manages_everything)
rules.add_perm(
    "reports.view_bulletin", reads_everything | (is_unit_officer & bulletin_for_all_or_own)
)
rules.add_perm("reports.view_card", reads_everything | (is_unit_officer & card_of_own_unit))
