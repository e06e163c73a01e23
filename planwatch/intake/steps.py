"""The review queue's decisions on a draft directive, as the audit trail names them."""

from django.utils.translation import gettext_noop

from planwatch.audit import steps

STEPS = steps.register(gettext_noop("accepted"), gettext_noop("rejected"))
