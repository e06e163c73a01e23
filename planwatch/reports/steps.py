"""The step a supervision notice writes on each task it names, as the audit trail
names it."""

from django.utils.translation import gettext_noop

from planwatch.audit import steps

STEPS = steps.register(gettext_noop("notice issued"))
