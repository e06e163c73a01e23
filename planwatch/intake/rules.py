"""Who may use the intake: the supervision office reads documents in and reviews them;
leaders and auditors may look at the queue; unit officers do not see it."""

import rules

from planwatch.accounts.rules import manages_everything, reads_everything

rules.add_perm("intake.view", reads_everything)
rules.add_perm("intake.add_document", manages_everything)
rules.add_perm("intake.review", manages_everything)
