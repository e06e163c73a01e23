"""Forms of the supervision documents. They parse and validate input; actions do the rest."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.directory.models import Organisation
from planwatch.plans.forms import DATE, MultipleFileField, QuickSelect
from planwatch.plans.models import Plan
from planwatch.reports.models import Bulletin, Card, Ladder, NoticeKind, NoticeSeries

TEXT_LIMIT = 20_000


def _unit_choices() -> list[tuple[str, str]]:
    units = Organisation.objects.active().only("pk", "name_en", "name_zh").order_by("name_en")
    return [("", "—")] + [(str(u.pk), str(u)) for u in units]


class NoticeForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Addressed unit"), coerce=int, widget=QuickSelect)
    kind = forms.ChoiceField(label=_("Kind"), choices=NoticeKind.choices)
    tasks = forms.CharField(
        label=_("Tasks"),
        max_length=5000,
        help_text=_(
            "Reference numbers of the unit's overdue tasks, separated by spaces or commas."
        ),
    )
    required_response = forms.CharField(
        label=_("Required response"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT,
    )
    answer_due = forms.DateField(
        label=_("Answer due"),
        required=False,
        widget=DATE,
        help_text=_("Empty: the plan's days to answer from today."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _unit_choices()

    def clean_tasks(self) -> list[str]:
        references = [r for r in re.split(r"[\s,，、;；]+", self.cleaned_data["tasks"]) if r]
        if not references:
            raise forms.ValidationError(_("Name at least one task."))
        return references


class BulkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NoticeKind.choices)
    more_than_days = forms.IntegerField(
        label=_("Overdue by more than (days)"), min_value=0, max_value=3650, initial=15
    )
    plan = forms.ModelChoiceField(
        label=_("Plan"), queryset=Plan.objects.active(), required=False, empty_label=_("all plans")
    )
    required_response = forms.CharField(
        label=_("Required response"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT,
    )
    answer_due = forms.DateField(label=_("Answer due"), required=False, widget=DATE)


class ConfirmForm(forms.Form):
    required_response = forms.CharField(
        label=_("Required response"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT,
    )
    answer_due = forms.DateField(label=_("Answer due"), required=False, widget=DATE)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"), widget=forms.Textarea(attrs={"rows": 5}), max_length=TEXT_LIMIT
    )
    files = MultipleFileField(label=_("Evidence"))


class SeriesForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = NoticeSeries
        fields = ["kind", "plan", "number_format", "header"]


class LadderForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Ladder
        fields = ["urging_after", "supervision_after", "summons_after", "answer_within"]


class CardForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Unit"), coerce=int, widget=QuickSelect)
    colour = forms.ChoiceField(label=_("Colour"), choices=Card.Colour.choices)
    task = forms.CharField(
        label=_("Task"),
        max_length=60,
        required=False,
        help_text=_("Reference number of the task the card is about, if any."),
    )
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=TEXT_LIMIT
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _unit_choices()


class BulletinForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=Bulletin.Period.choices)
    day = forms.DateField(
        label=_("A day in the period"),
        required=False,
        widget=DATE,
        help_text=_("For a week, month or quarter: any day of it."),
    )
    period_start = forms.DateField(label=_("Period start"), required=False, widget=DATE)
    period_end = forms.DateField(label=_("Period end"), required=False, widget=DATE)
    plan = forms.ModelChoiceField(
        label=_("Plan"), queryset=Plan.objects.active(), required=False, empty_label=_("all plans")
    )
    unit = forms.TypedChoiceField(
        label=_("Unit"), coerce=int, required=False, empty_value=None, widget=QuickSelect
    )
    corrects = forms.CharField(
        label=_("Corrects"),
        required=False,
        max_length=120,
        help_text=_("The number of the bulletin this one corrects, if it is a correction."),
    )
    correction_note = forms.CharField(
        label=_("What it corrects"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _unit_choices()

    def clean(self):
        data = super().clean()
        if data.get("period") == Bulletin.Period.CUSTOM:
            if not data.get("period_start") or not data.get("period_end"):
                raise forms.ValidationError(_("A custom period needs its start and its end."))
        elif data.get("period") and not data.get("day"):
            self.add_error("day", _("Give a day of the period."))
        return data


class InstructionForm(forms.Form):
    text = forms.CharField(
        label=_("Instruction"), widget=forms.Textarea(attrs={"rows": 4}), max_length=TEXT_LIMIT
    )


class InstructionTaskForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.active())
    reference = forms.CharField(label=_("Reference number"), max_length=60)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=500, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=500, required=False)
    lead_unit = forms.TypedChoiceField(
        label=_("Lead unit"), coerce=int, required=False, empty_value=None, widget=QuickSelect
    )
    start_date = forms.DateField(label=_("Start date"), widget=DATE)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].choices = _unit_choices()


class EvaluationForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.active())
    as_of = forms.DateField(label=_("As of"), widget=DATE)
