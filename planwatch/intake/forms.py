from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.intake.read import SUPPORTED


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files and cleans each one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(SUPPORTED)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Documents"),
        help_text=_("Text, HTML, PDF or Word (.docx) files; up to 20 MB each."),
        error_messages={"required": _("Choose at least one file.")},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class DraftDecisionForm(DecisionForm):
    """A draft is accepted as it stands or as edited, merged into a task, or rejected."""

    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("merge", _("Merge")), ("reject", _("Reject"))]
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    deadline = forms.DateField(label=_("Deadline"), required=False)
    lead = forms.CharField(label=_("Lead unit"), required=False, max_length=300)
    co_units = forms.CharField(
        label=_("Co-units"),
        required=False,
        max_length=2000,
        help_text=_("Separated by semicolons."),
    )
    task = forms.CharField(label=_("Existing task"), required=False, max_length=60)

    def edits(self, draft) -> dict:
        """The reviewer's changes to the draft: the fields sent that differ from it."""
        data, sent = self.cleaned_data, self.data
        edits: dict = {}
        if "title" in sent and data["title"].strip() and data["title"].strip() != draft.title:
            edits["title"] = data["title"].strip()
        if "deadline" in sent and data["deadline"] != draft.deadline:
            edits["deadline"] = data["deadline"]
        lead = [n.strip() for n in data["lead"].split(";") if n.strip()]
        if "lead" in sent and lead != list(draft.responsible):
            edits["responsible"] = lead
        co = [n.strip() for n in data["co_units"].split(";") if n.strip()]
        if "co_units" in sent and co != list(draft.co_units):
            edits["co_units"] = co
        return edits


class AcceptAllForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)
