from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "planwatch.reports"
    label = "reports"
    verbose_name = _("Supervision documents")

    def ready(self) -> None:
        from planwatch.plans.extensions import register_dashboard_panel, register_unit_penalty
        from planwatch.reports.dashboard import PENALTY_RULE, card_penalty, cards_panel

        register_dashboard_panel(cards_panel)
        register_unit_penalty(card_penalty, rule=PENALTY_RULE)

        from planwatch.reports import history

        history.register()
