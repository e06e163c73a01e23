"""Major projects through their whole life, their approvals, and the zone's spatial layout.

A project runs from a lead to production; investment promotion and construction
tracking are one record here. Status is computed (status.py), never typed in; the
few dates the map needs per project are cached on the project by actions.py and can
be rebuilt from the stages and approvals at any time.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from planwatch.lib.models import DomainModel, pick_language

User = settings.AUTH_USER_MODEL
AMOUNT = {"max_digits": 20, "decimal_places": 2}


class Currency(models.TextChoices):
    CNY = "CNY", _("yuan (CNY)")
    KRW = "KRW", _("won (KRW)")
    USD = "USD", _("US dollar (USD)")


class Stage(models.TextChoices):
    """The main line of a project's life, in order."""

    LEAD = "lead", _("lead")
    NEGOTIATING = "negotiating", _("negotiating")
    SIGNED = "signed", _("signed")
    REGISTERED = "registered", _("registered")
    APPROVALS = "approvals", _("approvals")
    CONSTRUCTION = "construction", _("under construction")
    PRODUCTION = "production", _("in production")


STAGE_ORDER = list(Stage.values)


class SideStatus(models.TextChoices):
    """A state beside the main line: the project keeps its stage while it is delayed."""

    NONE = "", _("none")
    DELAYED = "delayed", _("delayed")
    DORMANT = "dormant", _("dormant")
    LOST = "lost", _("lost")


class NamedModel(DomainModel):
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick_language(self.name_en, self.name_zh)


class Country(NamedModel):
    """A partner country by its ISO 3166-1 alpha-2 code; administrators add any country."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=100)

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_iso_code")
        ]


class Industry(NamedModel):
    """One of the zone's leading industries, with an optional national industry code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    national_code = models.CharField(
        _("national industry code"),
        max_length=10,
        blank=True,
        help_text=_("GB/T 4754 classification, e.g. C27 for pharmaceuticals."),
    )
    position = models.PositiveSmallIntegerField(_("position in lists"), default=100)

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")


class ApprovalKind(NamedModel):
    """An entry of the approval template list that administrators edit."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    default_agency = models.CharField(_("usual issuing agency"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=100)

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("approval kind")
        verbose_name_plural = _("approval kinds")


class ExchangeRate(DomainModel):
    """How many yuan one unit of a currency was worth from `valid_from` on."""

    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    valid_from = models.DateField(_("valid from"))
    cny_per_unit = models.DecimalField(
        _("yuan per unit"),
        max_digits=18,
        decimal_places=8,
        validators=[MinValueValidator(0)],
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["currency", "-valid_from"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(
                fields=["currency", "valid_from"],
                condition=Q(archived_at__isnull=True),
                name="one_rate_per_currency_and_day",
            ),
            models.CheckConstraint(condition=Q(cny_per_unit__gt=0), name="rate_positive"),
        ]

    def __str__(self) -> str:
        return f"1 {self.currency} = {self.cny_per_unit} CNY ({self.valid_from})"


class Region(NamedModel):
    """A named part of the spatial layout, with its GeoJSON geometry (WGS84)."""

    class Role(models.TextChoices):
        MASTER = "master", _("one master")
        WING = "wing", _("wing")
        RING = "ring", _("ring")
        RAY = "ray", _("ray")
        ZONE_INITIAL = "zone_initial", _("zone: initial area")
        ZONE_PLANNED = "zone_planned", _("zone: planned area")
        PARK = "park", _("park")
        CIRCLE = "circle", _("economic circle / city cluster")
        PLACE = "place", _("place")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    geometry = models.JSONField(_("geometry (GeoJSON)"))
    park = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("park"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="regions",
        limit_choices_to={"kind": "park"},
    )
    description = models.TextField(_("description"), blank=True)
    west = models.FloatField(editable=False, default=0)
    south = models.FloatField(editable=False, default=0)
    east = models.FloatField(editable=False, default=0)
    north = models.FloatField(editable=False, default=0)

    class Meta:
        ordering = ["role", "code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Project(NamedModel):
    """A major investment project, from a lead to production. `code` is its public identity."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    investor = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("investor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invested_projects",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("partner country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    industry = models.ForeignKey(
        Industry, verbose_name=_("industry"), on_delete=models.PROTECT, related_name="projects"
    )
    park = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("park"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="park_projects",
        limit_choices_to={"kind": "park"},
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    outline = models.JSONField(_("outline (GeoJSON)"), null=True, blank=True)
    lead_unit = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("lead unit"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    leader = models.ForeignKey(
        "directory.Person",
        verbose_name=_("responsible leader"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.CNY
    )
    amounts_as_of = models.DateField(
        _("amounts as of"), help_text=_("The day whose exchange rate converts the amounts to CNY.")
    )
    total_planned = models.DecimalField(_("total investment, planned"), default=0, **AMOUNT)
    total_completed = models.DecimalField(_("total investment, completed"), default=0, **AMOUNT)
    foreign_planned = models.DecimalField(_("foreign investment, planned"), default=0, **AMOUNT)
    foreign_completed = models.DecimalField(_("foreign investment, completed"), default=0, **AMOUNT)
    jobs_planned = models.PositiveIntegerField(_("jobs planned"), default=0)
    jobs_created = models.PositiveIntegerField(_("jobs created"), default=0)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.LEAD)
    side_status = models.CharField(
        _("side status"), max_length=10, choices=SideStatus.choices, blank=True, default=""
    )
    side_reason = models.TextField(_("reason for the side status"), blank=True)
    description = models.TextField(_("description"), blank=True)
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), blank=True, related_name="projects"
    )
    tasks = models.ManyToManyField(
        "plans.Task", verbose_name=_("plan tasks"), blank=True, related_name="projects"
    )
    # Schedule cache (see actions.refresh_schedule): rebuilt from stages and approvals.
    next_approval_due = models.DateField(null=True, blank=True, editable=False)
    next_milestone_due = models.DateField(null=True, blank=True, editable=False)
    slipped = models.BooleanField(default=False, editable=False)
    signed_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            models.Index(fields=["lead_unit"]),
            models.Index(fields=["stage"]),
            models.Index(fields=["archived_at", "code"]),
            models.Index(fields=["updated_at"]),  # queries.data_stamp
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="") | ~Q(name_zh=""), name="project_has_a_name"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="project_location_in_range",
            ),
            models.CheckConstraint(
                condition=~Q(side_status="lost") | ~Q(side_reason=""),
                name="lost_project_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def stage_index(self) -> int:
        return STAGE_ORDER.index(self.stage)


class ProjectStage(DomainModel):
    """The planned and actual date a project reaches one stage of its life."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="stages")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    planned_on = models.DateField(_("planned"), null=True, blank=True)
    actual_on = models.DateField(_("reached"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage date")
        verbose_name_plural = _("stage dates")
        constraints = [
            models.UniqueConstraint(fields=["project", "stage"], name="one_row_per_project_stage")
        ]
        indexes = [models.Index(fields=["updated_at"])]  # queries.data_stamp

    def __str__(self) -> str:
        return f"{self.project.code} {self.get_stage_display()}"

    @property
    def slipped(self) -> bool:
        return bool(self.planned_on and self.actual_on and self.actual_on > self.planned_on)


class StageLog(models.Model):
    """Who moved a project to which stage or side status, when and why. Append-only."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="stage_log")
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices)
    from_side_status = models.CharField(max_length=10, choices=SideStatus.choices, blank=True)
    to_side_status = models.CharField(
        _("side status"), max_length=10, choices=SideStatus.choices, blank=True
    )
    moved_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moved_at = models.DateTimeField(_("when"))
    reached_on = models.DateField(_("reached on"))
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        ordering = ["-moved_at", "-id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.project.code}: {self.from_stage} → {self.to_stage}"


class Approval(DomainModel):
    """One administrative approval a project needs: land, planning permit, EIA..."""

    class State(models.TextChoices):
        NOT_APPLIED = "not_applied", _("not applied for")
        APPLIED = "applied", _("applied for")
        GRANTED = "granted", _("granted")
        REFUSED = "refused", _("refused")
        NOT_NEEDED = "not_needed", _("not needed")

    DONE = (State.GRANTED, State.NOT_NEEDED)

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="approvals")
    kind = models.ForeignKey(
        ApprovalKind, verbose_name=_("approval"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.CharField(_("issuing agency"), max_length=300, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.NOT_APPLIED
    )
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    reference = models.CharField(_("document number"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["project", "due_on", "kind__position"]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "kind"],
                condition=Q(archived_at__isnull=True),
                name="one_approval_of_a_kind_per_project",
            )
        ]
        indexes = [models.Index(fields=["state", "due_on"]), models.Index(fields=["updated_at"])]

    def __str__(self) -> str:
        return f"{self.project.code}: {self.kind}"

    @property
    def is_done(self) -> bool:
        return self.state in self.DONE

    def is_late(self, today) -> bool:
        return not self.is_done and self.due_on is not None and self.due_on < today


class ApprovalDocument(DomainModel):
    """A file of an approval (the permit, the application). Served only to readers of the
    project, never as a static file."""

    approval = models.ForeignKey(Approval, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to="approvals/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("approval document")
        verbose_name_plural = _("approval documents")

    def __str__(self) -> str:
        return self.name


class CapitalPayment(DomainModel):
    """Registered capital actually paid in, on a day, in a currency."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="payments")
    paid_on = models.DateField(_("paid on"))
    amount = models.DecimalField(_("amount"), validators=[MinValueValidator(0)], **AMOUNT)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["project", "paid_on"]
        verbose_name = _("capital payment")
        verbose_name_plural = _("capital payments")

    def __str__(self) -> str:
        return f"{self.project.code} {self.paid_on} {self.amount} {self.currency}"


class TaskPlacement(DomainModel):
    """A plan task placed in a region of the layout, so that it shows on the battle map."""

    task = models.ForeignKey("plans.Task", on_delete=models.PROTECT, related_name="placements")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="placements")

    class Meta:
        verbose_name = _("task placement")
        verbose_name_plural = _("task placements")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "region"],
                condition=Q(archived_at__isnull=True),
                name="task_placed_once_per_region",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task.reference} @ {self.region.code}"
