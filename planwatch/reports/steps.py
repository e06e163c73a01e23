"""The steps reports write on a task's history (a notice issued about it, a leader's
instruction written on it), as the audit trail names them."""

from django.utils.translation import gettext_noop

from planwatch.audit import steps

STEPS = steps.register(gettext_noop("notice issued"), gettext_noop("instruction written"))
