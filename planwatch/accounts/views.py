"""A user's own account: changing their password."""

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect

from planwatch.accounts.actions import do_change_own_password


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's form (old password, new password twice, every validator), saved through
    the account action so that the change is audited."""

    template_name = "registration/password_change_form.html"

    def form_valid(self, form):
        do_change_own_password(self.request, form)
        return redirect("password_change_done")


password_change = PasswordChangeView.as_view()
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/password_change_done.html"
)
