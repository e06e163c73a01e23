from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.intake.read import SUPPORTED


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    files = forms.FileField(
        label=_("Documents"),
        widget=MultipleFileInput(attrs={"accept": ",".join(SUPPORTED)}),
        help_text=_("Text, HTML, PDF or Word (.docx) files; up to 20 MB each."),
    )

    def clean_files(self):
        files = self.files.getlist("files")
        if not files:
            raise forms.ValidationError(_("Choose at least one file."))
        return files


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)
