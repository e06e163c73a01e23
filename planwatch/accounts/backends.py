"""Administrators hold Django's model permissions (add, change, delete, view), so the
admin site works for them whether or not the superuser flag is set. Workflow
permissions stay with the rules in each app's rules.py."""

from django.apps import apps

from planwatch.accounts.models import Role

MODEL_ACTIONS = ("add", "change", "delete", "view")


class AdministratorBackend:
    def authenticate(self, request, **credentials):
        return None

    def _is_administrator(self, user) -> bool:
        return user.is_active and getattr(user, "role", None) == Role.ADMINISTRATOR

    def has_perm(self, user, perm: str, obj=None) -> bool:
        if not self._is_administrator(user) or "." not in perm:
            return False
        app_label, codename = perm.split(".", 1)
        action, _, model = codename.partition("_")
        if action not in MODEL_ACTIONS:
            return False
        try:
            apps.get_model(app_label, model)
        except LookupError:
            return False
        return True

    def has_module_perms(self, user, app_label: str) -> bool:
        return self._is_administrator(user)
