from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "planwatch.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # `planwatch check --deploy` also checks the installation itself.
        import planwatch.lib.deploy  # noqa: F401
