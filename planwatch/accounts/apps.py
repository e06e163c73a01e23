from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "planwatch.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        # `planwatch check --deploy` also checks the installation itself.
        import planwatch.lib.deploy  # noqa: F401
        from planwatch.accounts.middleware import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="planwatch-idle-clock")

        from planwatch.accounts.models_channels import Channel
        from planwatch.accounts.queries_channels import channels_visible_to
        from planwatch.audit.history import register_history

        # A channel's history is read by those who manage the channel.
        register_history(Channel, channels_visible_to)
