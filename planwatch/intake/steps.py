"""The review queue's decisions on a draft directive, as the audit trail names them
(accepted as a new task, merged into an existing one, or rejected)."""

from django.utils.translation import gettext_noop

from planwatch.audit import steps

STEPS = steps.register(gettext_noop("accepted"), gettext_noop("merged"), gettext_noop("rejected"))
