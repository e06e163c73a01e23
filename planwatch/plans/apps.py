from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "planwatch.plans"
    label = "plans"
    verbose_name = _("Plans and supervision")

    def ready(self) -> None:
        from planwatch.plans import figures, history

        figures.connect()
        history.register()
