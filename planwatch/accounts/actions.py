"""Changes a user makes to their own account."""

from django.contrib.auth import update_session_auth_hash
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_noop

from planwatch.audit.actions import record_event

# Shown in the audit log with {% translate %}; listed so the catalogue holds it.
PASSWORD_CHANGED = gettext_noop("password changed")


def do_change_own_password(request: HttpRequest, form) -> None:
    """Save the new password from a valid PasswordChangeForm, keep this session signed in
    (Django rotates the others out) and record that the password changed, never its value."""
    with transaction.atomic():
        user = form.save()
        record_event(request.user, PASSWORD_CHANGED, user)
    update_session_auth_hash(request, user)
