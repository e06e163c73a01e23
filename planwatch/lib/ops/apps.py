from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running Planwatch: `planwatch backup` and `planwatch restore`. Layer 0: it knows
    the database and the uploads folder, never an app's models."""

    name = "planwatch.lib.ops"
    label = "ops"
    verbose_name = _("Operations")
