"""Forms of the supervision loop. They parse and validate input; actions do the rest."""

import datetime as dt

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from planwatch.directory.models import Organisation
from planwatch.plans.models import (
    Assignment,
    Clause,
    EvidenceFile,
    Indicator,
    Milestone,
    Plan,
    SourceDocument,
    Task,
)
from planwatch.plans.queries import tasks_visible_to
from planwatch.plans.status import LABELS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Length limits of free text: enough for any real report, short of a page-long word.
SHORT_TEXT = 5_000
LONG_TEXT = 20_000


def _units():
    return Organisation.objects.active().order_by("name_en")


class QuickSelect(forms.Select):
    """A <select> built in Python: Django's template per <option> cost 150 ms for the
    2,000 units of the task list's filter and of the task page's forms (measured)."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        final = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, final, options)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by files.check_upload in the action."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)


class PlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The code is the plan's identity; an edit must say which version it started from.
            self.fields["code"].disabled = True
            self.fields["version"].required = True
        for name in self.KEPT_WHEN_LEFT_OUT:
            self.fields[name].required = False

    # Rules added later than the form's first fields: left out, they keep their value.
    KEPT_WHEN_LEFT_OUT = ("escalate_after_days", "closed_child_counts")

    def clean(self):
        data = super().clean()
        for name in self.KEPT_WHEN_LEFT_OUT:
            if data.get(name) in (None, ""):
                data[name] = getattr(self.instance, name)
        return data

    class Meta:
        model = Plan
        fields = [
            "code",
            "title_en",
            "title_zh",
            "description",
            "document",
            "report_every_months",
            "report_due_day",
            "at_risk_gap",
            "warn_days",
            "escalate_after_days",
            "close_needs_evidence",
            "close_needs_final_reports",
            "closed_child_counts",
            "assessed_units",
        ]
        widgets = {"assessed_units": forms.SelectMultiple(attrs={"size": 8})}


class DocumentForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)
    attachments = MultipleFileField(label=_("Attachments"))

    class Meta:
        model = SourceDocument
        fields = [
            "kind",
            "title",
            "reference",
            "issuer",
            "issuer_person",
            "addressees",
            "document_date",
            "event_date",
            "source_url",
            "text",
        ]
        widgets = {"document_date": DATE, "event_date": DATE, "issuer": QuickSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = _units()
        self.fields["addressees"].queryset = _units()
        self.fields["addressees"].widget.attrs["size"] = 6
        if self.instance.pk:
            del self.fields["attachments"]


class ClauseForm(forms.ModelForm):
    class Meta:
        model = Clause
        fields = ["ordinal", "text", "span_start", "span_end"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "span_start": _("Leave the span empty to find the clause's text in the document."),
        }


class AttachmentForm(forms.Form):
    attachments = MultipleFileField(label=_("Attachments"), required=True)


class TaskForm(forms.ModelForm):
    """A task; the parent is named by its reference number, the source clause by the link
    from the document page, so neither needs a list of every task or clause."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)
    parent_reference = forms.CharField(
        label=_("Parent task (reference number)"), required=False, max_length=60
    )
    source_clause = forms.ModelChoiceField(
        queryset=Clause.objects.active(), required=False, widget=forms.HiddenInput
    )
    stamp_milestones = forms.BooleanField(
        label=_("Add the milestones of the stage template for this kind of task"),
        required=False,
        initial=True,
    )

    class Meta:
        model = Task
        fields = [
            "plan",
            "reference",
            "kind",
            "title_en",
            "title_zh",
            "description",
            "source_clause",
            "source_span_start",
            "source_span_end",
            "lead_unit",
            "start_date",
            "deadline",
            "weight",
        ]
        widgets = {"start_date": DATE, "deadline": DATE, "lead_unit": QuickSelect}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["plan"].queryset = Plan.objects.active()
        self.fields["lead_unit"].queryset = _units()
        self.fields["description"].max_length = LONG_TEXT
        self.fields["description"].validators.append(MaxLengthValidator(LONG_TEXT))
        self.fields["description"].widget.attrs["maxlength"] = LONG_TEXT
        self.fields["source_span_start"].label = _("Span in the document's text: from")
        self.fields["source_span_end"].label = _("to")
        if self.instance.pk:
            self.fields["reference"].disabled = True
            self.fields["reference"].help_text = _("The reference number never changes.")
            del self.fields["stamp_milestones"]
            if self.instance.parent_id:
                self.initial.setdefault("parent_reference", self.instance.parent.reference)
        else:
            self.initial.setdefault("start_date", timezone.localdate())

    def clean_parent_reference(self):
        reference = self.cleaned_data["parent_reference"].strip()
        if not reference:
            return None
        parent = tasks_visible_to(self.user).filter(reference=reference).first()
        if parent is None:
            raise forms.ValidationError(
                _("No task has the reference number %(ref)s.") % {"ref": reference}
            )
        return parent

    def action_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["parent"] = self.cleaned_data["parent_reference"]
        return fields


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Organisation.objects.none(), widget=QuickSelect
    )
    role = forms.ChoiceField(label=_("Role"), choices=Assignment.Role.choices)
    share = forms.CharField(label=_("Share of the work"), required=False, max_length=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit_of_measure", "baseline", "target", "target_date"]
        widgets = {"target_date": DATE}


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["name", "due_date", "expected_percent"]
        widgets = {"due_date": DATE}


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Done on"), widget=DATE)


class ReportForm(forms.Form):
    period_start = forms.TypedChoiceField(
        label=_("Period reported on"),
        coerce=dt.date.fromisoformat,
        help_text=_("A period of the plan's reporting rule, from the task's start to today."),
    )
    # The percent sign is literal, not a placeholder:
    # xgettext:no-python-format
    percent_complete = forms.IntegerField(label=_("% complete"), min_value=0, max_value=100)
    narrative = forms.CharField(
        label=_("What was done"), max_length=LONG_TEXT, widget=forms.Textarea
    )
    blockers = forms.CharField(
        label=_("Blockers"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    raise_issue = forms.BooleanField(
        label=_("Flag the blockers as a major issue for supervisors and leaders"), required=False
    )
    evidence = MultipleFileField(
        label=_("Evidence files"),
        help_text=_("PDF, images, Office documents or text; up to 20 MB each."),
    )
    keep_evidence = forms.ModelMultipleChoiceField(
        label=_("Keep the files of the earlier report"),
        queryset=EvidenceFile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, indicators=(), periods=(), earlier_evidence=None, **kwargs):
        """`periods`: (period start, label) the unit may report on; `earlier_evidence`: the
        files of the report this one answers, offered to keep."""
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.fields["period_start"].choices = [(p.isoformat(), label) for p, label in periods]
        if earlier_evidence is not None:
            self.fields["keep_evidence"].queryset = earlier_evidence
        else:
            del self.fields["keep_evidence"]
        for indicator in self.indicators:
            label = indicator.name
            if indicator.unit_of_measure:
                label = f"{label} ({indicator.unit_of_measure})"
            self.fields[f"actual_{indicator.pk}"] = forms.DecimalField(
                label=label,
                required=False,
                max_digits=18,
                decimal_places=4,
                help_text=_("Target %(target)s") % {"target": f"{indicator.target.normalize():f}"},
            )

    def actuals(self) -> dict:
        return {
            indicator.pk: self.cleaned_data[f"actual_{indicator.pk}"]
            for indicator in self.indicators
            if self.cleaned_data.get(f"actual_{indicator.pk}") is not None
        }


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("return", _("Return"))]
    )
    comment = forms.CharField(
        label=_("Comments"),
        required=False,
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ExtensionRequestForm(forms.Form):
    requested_deadline = forms.DateField(label=_("New deadline"), widget=DATE)
    reason = forms.CharField(
        label=_("Why more time is needed"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )


class IssueForm(forms.Form):
    description = forms.CharField(
        label=_("The issue"), max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("How it was resolved"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CloseForm(forms.Form):
    """Closing a task: what was verified, why below 100 % if so, and a confirmation."""

    note = forms.CharField(
        label=_("What was verified"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    incomplete_reason = forms.CharField(
        label=_("Why it closes below 100 %"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the task's progress is under 100 %."),
    )
    confirm = forms.BooleanField(
        label=_("I have checked the reports and evidence; close the task."),
        error_messages={"required": _("Tick the box to confirm closing.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000)


class TaskFilterForm(forms.Form):
    q = forms.CharField(label=_("Reference or title"), required=False)
    plan = forms.ModelChoiceField(
        label=_("Plan"), queryset=Plan.objects.active(), required=False, to_field_name="code"
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Organisation.objects.none(), required=False, widget=QuickSelect
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    deadline_from = forms.DateField(label=_("Deadline from"), required=False, widget=DATE)
    deadline_to = forms.DateField(label=_("Deadline until"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()
        self.fields["status"].choices = [("", _("any"))] + [
            (status.value, label) for status, label in LABELS.items()
        ]
