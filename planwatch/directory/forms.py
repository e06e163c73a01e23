from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.directory.actions import STRUCTURE_FIELDS
from planwatch.directory.models import Alias, Organisation, Person


class OrganisationForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)

    class Meta:
        model = Organisation
        fields = [
            "name_en",
            "name_zh",
            "name_ko",
            "name_ko_romanised",
            "kind",
            "parent",
            "code",
            "description",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if (
            self.instance.pk
            and user
            and not user.has_perm("directory.restructure_organisation", self.instance)
        ):
            for name in STRUCTURE_FIELDS:
                self.fields[name].disabled = True
        parents = Organisation.objects.active()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        # An edit must say which version it started from, or it could overwrite unseen.
        self.fields["version"].required = bool(self.instance.pk)


class PersonForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)

    class Meta:
        model = Person
        fields = ["name_en", "name_zh", "name_ko", "name_ko_romanised", "note"]


class AliasForm(forms.Form):
    name = forms.CharField(label=_("Alias"), max_length=300)
    language = forms.ChoiceField(label=_("Language"), choices=Alias.Language.choices)
    kind = forms.ChoiceField(label=_("Kind"), choices=Alias.Kind.choices)


class ArchiveForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)
