"""Who may read and change the directory.

The directory is reference data: everyone signed in reads it. Administrators and
supervisors maintain it; a unit officer may maintain their own unit's record.
"""

import rules

from planwatch.accounts.rules import is_signed_in, is_unit_officer, manages_everything


@rules.predicate
def is_own_unit(user, organisation) -> bool:
    return organisation is not None and user.unit_id == organisation.pk


can_edit_organisation = manages_everything | (is_unit_officer & is_own_unit)

rules.add_perm("directory.view_organisation", is_signed_in)
rules.add_perm("directory.view_person", is_signed_in)
rules.add_perm("directory.view_post", is_signed_in)
rules.add_perm("directory.view_relation", is_signed_in)
rules.add_perm("directory.view_tenure", is_signed_in)
rules.add_perm("directory.view_alias", is_signed_in)
rules.add_perm("directory.add_organisation", manages_everything)
rules.add_perm("directory.change_organisation", can_edit_organisation)
# Where a unit sits in the structure (parent, kind, code) is the office's decision: an
# officer may correct their unit's names and description, not move or re-code it.
rules.add_perm("directory.restructure_organisation", manages_everything)
rules.add_perm("directory.archive_organisation", manages_everything)
rules.add_perm("directory.add_person", manages_everything)
rules.add_perm("directory.change_person", manages_everything)
rules.add_perm("directory.add_tenure", manages_everything)
for _model in ("person", "post", "relation", "tenure", "alias"):
    rules.add_perm(f"directory.archive_{_model}", manages_everything)
rules.add_perm("directory.change_post", manages_everything)
