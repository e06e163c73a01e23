"""The steps of the supervision loop, as the audit trail names them on a task."""

from django.utils.translation import gettext_noop

from planwatch.audit import steps

STEPS = steps.register(
    gettext_noop("assigned"),
    gettext_noop("unassigned"),
    gettext_noop("acknowledged"),
    gettext_noop("report submitted"),
    gettext_noop("report revised"),
    gettext_noop("report approved"),
    gettext_noop("report returned"),
    gettext_noop("extension requested"),
    gettext_noop("extension approved"),
    gettext_noop("extension refused"),
    gettext_noop("major issue raised"),
    gettext_noop("major issue resolved"),
    gettext_noop("close requested"),
    gettext_noop("closed"),
    gettext_noop("reopened"),
)
