import json

from django import forms
from django.utils.translation import gettext_lazy as _

from planwatch.directory.models import Organisation, Person
from planwatch.projects import geo
from planwatch.projects.models import (
    Approval,
    ApprovalKind,
    CapitalPayment,
    Country,
    ExchangeRate,
    Industry,
    Project,
    Region,
    SideStatus,
    Stage,
)

DATE = forms.DateInput(attrs={"type": "date"})


class ReasonMixin(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)


class ProjectForm(ReasonMixin, forms.ModelForm):
    outline_text = forms.CharField(
        label=_("Outline (GeoJSON polygon)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_('e.g. {"type": "Polygon", "coordinates": [[[125.4, 43.9], ...]]}'),
    )

    class Meta:
        model = Project
        fields = [
            "code",
            "name_en",
            "name_zh",
            "stage",
            "investor",
            "country",
            "industry",
            "park",
            "latitude",
            "longitude",
            "lead_unit",
            "leader",
            "currency",
            "amounts_as_of",
            "total_planned",
            "total_completed",
            "foreign_planned",
            "foreign_completed",
            "jobs_planned",
            "jobs_created",
            "regions",
            "description",
        ]
        widgets = {"amounts_as_of": DATE, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.active()
        for name in ("investor", "lead_unit"):
            self.fields[name].queryset = organisations
        self.fields["park"].queryset = organisations.filter(kind=Organisation.Kind.PARK)
        self.fields["leader"].queryset = Person.objects.active()
        self.fields["country"].queryset = Country.objects.active()
        self.fields["industry"].queryset = Industry.objects.active()
        self.fields["regions"].queryset = Region.objects.active()
        if self.instance.pk:
            del self.fields["stage"]
            if self.instance.outline:
                self.initial["outline_text"] = json.dumps(self.instance.outline)

    def clean_outline_text(self) -> dict | None:
        text = self.cleaned_data["outline_text"].strip()
        if not text:
            return None
        try:
            return geo.parse_geojson(text)
        except geo.BadGeometry as error:
            raise forms.ValidationError(str(error)) from None


class MoveForm(ReasonMixin):
    to_stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    side_status = forms.ChoiceField(
        label=_("Side status"), choices=SideStatus.choices, required=False
    )
    on = forms.DateField(label=_("Reached on"), widget=DATE, required=False)


class StageDatesForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    planned_on = forms.DateField(label=_("Planned"), widget=DATE, required=False)
    actual_on = forms.DateField(label=_("Reached"), widget=DATE, required=False)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class ApprovalForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Approval
        fields = [
            "kind",
            "agency",
            "due_on",
            "state",
            "applied_on",
            "decided_on",
            "reference",
            "note",
        ]
        widgets = {
            "due_on": DATE,
            "applied_on": DATE,
            "decided_on": DATE,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = ApprovalKind.objects.active()


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))


class PaymentForm(forms.ModelForm):
    class Meta:
        model = CapitalPayment
        fields = ["paid_on", "amount", "currency", "note"]
        widgets = {"paid_on": DATE}


class TaskLinkForm(forms.Form):
    reference = forms.CharField(label=_("Task reference number"), max_length=60)
    unlink = forms.BooleanField(required=False, widget=forms.HiddenInput)


class RegionForm(ReasonMixin, forms.ModelForm):
    geometry_text = forms.CharField(
        label=_("Geometry (GeoJSON, longitude before latitude)"),
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    class Meta:
        model = Region
        fields = ["code", "name_en", "name_zh", "role", "park", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["park"].queryset = Organisation.objects.active().filter(
            kind=Organisation.Kind.PARK
        )
        if self.instance.pk:
            self.initial["geometry_text"] = json.dumps(self.instance.geometry)

    def clean_geometry_text(self) -> str:
        text = self.cleaned_data["geometry_text"]
        try:
            geo.parse_geojson(text)
        except geo.BadGeometry as error:
            raise forms.ValidationError(str(error)) from None
        return text


class PlaceTaskForm(forms.Form):
    reference = forms.CharField(label=_("Task reference number"), max_length=60)


class RateForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ["currency", "valid_from", "cny_per_unit", "source"]
        widgets = {"valid_from": DATE}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))


class ArchiveForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)
