from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.accounts.models import Role
from planwatch.accounts.models_channels import WEB_ADDRESS, Channel


class ChannelForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Channel.unit.field.related_model.objects.none()
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Channel.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=100)
    url = forms.URLField(
        label=_("URL"), max_length=1000, assume_scheme="https", validators=[WEB_ADDRESS]
    )
    secret = forms.CharField(
        label=_("Signing secret"),
        max_length=200,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Needed for a signed webhook; optional for DingTalk; not used by WeCom."),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = Channel.unit.field.related_model.objects.active()
        if user.role == Role.UNIT_OFFICER:
            units = units.filter(pk=user.unit_id)
        self.fields["unit"].queryset = units


class ChannelEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=100)
    url = forms.URLField(
        label=_("URL"), max_length=1000, assume_scheme="https", validators=[WEB_ADDRESS]
    )
    secret = forms.CharField(
        label=_("Signing secret"),
        max_length=200,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the secret stored."),
    )


class ArchiveChannelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)
