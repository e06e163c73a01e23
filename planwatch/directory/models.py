"""The governance directory, after the Popolo open-government data standard.

Organisations and the typed relations between them (a directed graph, not a tree);
people; posts (a role in an organisation); tenures (evidence that a person held a
post, with its source); aliases that let any spelling find its record.
"""

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from planwatch.lib.models import DomainModel, pick_language
from planwatch.lib.text import normalise_name

# Which name a reader of each language sees first; the first one filled in wins. An English
# reader is better served by a Korean name's romanisation than by its Hangul.
NAME_ORDER = {
    "en": ("name_en", "name_ko_romanised", "name_zh", "name_ko"),
    "zh": ("name_zh", "name_en", "name_ko", "name_ko_romanised"),
    "ko": ("name_ko", "name_en", "name_zh", "name_ko_romanised"),
}


class Named:
    """Names in English, Chinese and Korean (Hangul with its romanisation), shown in the
    reader's language and falling back to the others."""

    name_en: str
    name_zh: str
    name_ko: str
    name_ko_romanised: str

    def display_name(self, language: str | None = None) -> str:
        """The name for a reader of `language` (default: the active language)."""
        order = NAME_ORDER.get((language or get_language() or "en").lower()[:2], NAME_ORDER["en"])
        return next((getattr(self, field) for field in order if getattr(self, field)), "")

    @property
    def name(self) -> str:
        return self.display_name()

    @property
    def all_names(self) -> str:
        """Every name, English, Chinese and Korean (with its romanisation), for a heading."""
        korean = self.name_ko
        if korean and self.name_ko_romanised:
            korean = f"{korean} ({self.name_ko_romanised})"
        return " · ".join(name for name in (self.name_en, self.name_zh, korean) if name)

    @property
    def other_names(self) -> str:
        """The names besides the one shown, for a line under it."""
        shown = self.display_name()
        others = (self.name_en, self.name_zh, self.name_ko)
        return " · ".join(name for name in others if name and name != shown)

    def clean_names(self, message: str) -> None:
        """Refuse a record with no name, a romanisation without its Hangul, and NUL
        characters (PostgreSQL cannot store them), each at its own field."""
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if isinstance(value, str) and "\x00" in value:
                raise ValidationError({field.name: ProhibitNullCharactersValidator.message})
        if not any(n.strip() for n in (self.name_en, self.name_zh, self.name_ko)):
            raise ValidationError({"name_en": message})
        if self.name_ko_romanised.strip() and not self.name_ko.strip():
            raise ValidationError(
                {"name_ko_romanised": _("A romanisation needs the Korean name it spells.")}
            )


def korean_name_fields(max_length: int) -> tuple[models.CharField, models.CharField]:
    return (
        models.CharField(_("name (Korean)"), max_length=max_length, blank=True),
        models.CharField(
            _("name (Korean, romanised)"),
            max_length=max_length,
            blank=True,
            help_text=_("The Korean name in Latin letters (Revised Romanization of Korean)."),
        ),
    )


class Organisation(Named, DomainModel):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government")
        PARTY_COMMITTEE = "party_committee", _("party committee")
        DEPARTMENT = "department", _("department")
        AGENCY = "agency", _("agency")
        DEVELOPMENT_ZONE = "development_zone", _("development zone")
        ZONE_COMMITTEE = "zone_committee", _("zone committee")
        LEADING_GROUP = "leading_group", _("leading group")
        OFFICE = "office", _("office")
        CITY = "city", _("city")
        ENTERPRISE = "enterprise", _("enterprise")
        PARK = "park", _("park")
        OTHER = "other", _("other")

    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A stable identifier for imports, exports and links."),
    )
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=300, blank=True)
    name_ko, name_ko_romanised = korean_name_fields(300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name_en", "name_zh"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="") | ~Q(name_zh="") | ~Q(name_ko=""),
                name="organisation_has_a_name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Name the field, so that a form or the API can say what is missing."""
        super().clean()
        self.clean_names(_("Give the organisation a name in English, Chinese or Korean."))


class Relation(DomainModel):
    """A typed, dated edge of the organisation graph: `source` <kind> `target`."""

    class Kind(models.TextChoices):
        DISPATCHED_AGENCY_OF = "dispatched_agency_of", _("is a dispatched agency of")
        MANAGEMENT_ENTRUSTED_TO = "management_entrusted_to", _("has its management entrusted to")
        MEMBER_UNIT_OF = "member_unit_of", _("is a member unit of")
        OFFICE_OF = "office_of", _("is the office of")
        SUPERVISES = "supervises", _("supervises")
        GUIDES = "guides", _("guides and supports")
        ADVANCES_IN_TANDEM_WITH = "advances_in_tandem_with", _("advances in tandem with")
        REPORTS_TO = "reports_to", _("reports to")
        APPROVES_PLANS_OF = "approves_plans_of", _("approves plans of")
        LOCATED_IN = "located_in", _("is located in")
        INTERNATIONAL_PARTNER_OF = "international_partner_of", _("is an international partner of")

    source = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="relations_out", verbose_name=_("from")
    )
    kind = models.CharField(_("relation"), max_length=40, choices=Kind.choices)
    target = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="relations_in", verbose_name=_("to")
    )
    start_date = models.DateField(_("from date"), null=True, blank=True)
    end_date = models.DateField(_("until date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="relation_not_self"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="relation_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_kind_display()} {self.target}"


class Person(Named, DomainModel):
    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A stable identifier for imports, exports and links."),
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    name_ko, name_ko_romanised = korean_name_fields(200)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name_en", "name_zh"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="") | ~Q(name_zh="") | ~Q(name_ko=""),
                name="person_has_a_name",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.clean_names(_("Give the person a name in English, Chinese or Korean."))


class Post(DomainModel):
    """A role in an organisation, e.g. Governor of the Jilin Provincial People's Government.

    A single-holder post (governor, mayor, party secretary) has one holder at a time,
    which lets a newer holder's evidence close the earlier holder's tenure.
    """

    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        help_text=_("A stable identifier for imports, exports and links."),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="posts", verbose_name=_("organisation")
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    title_ko = models.CharField(_("title (Korean)"), max_length=200, blank=True)
    single_holder = models.BooleanField(_("one holder at a time"), default=True)

    class Meta:
        ordering = ["organisation__name_en", "title_en"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="") | ~Q(title_zh=""), name="post_has_a_title"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.organisation}"

    @property
    def title(self) -> str:
        if (get_language() or "").lower().startswith("ko") and self.title_ko:
            return self.title_ko
        return pick_language(self.title_en, self.title_zh)


class Tenure(DomainModel):
    """Evidence that a person held a post: reported as of a date, or with known dates.

    A report seldom says when someone took or left a post; it says they held it on the
    day of the event. Such evidence has only `as_of`. The timeline of a post is
    inferred from all its evidence (see tenures.py), never typed in.
    """

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="tenures", verbose_name=_("person")
    )
    post = models.ForeignKey(
        Post, on_delete=models.PROTECT, related_name="tenures", verbose_name=_("post")
    )
    as_of = models.DateField(_("held as of"), null=True, blank=True)
    start_date = models.DateField(_("took office"), null=True, blank=True)
    end_date = models.DateField(_("left office"), null=True, blank=True)
    acting = models.BooleanField(_("acting"), default=False)
    source = models.CharField(_("source"), max_length=500)
    source_url = models.URLField(_("source address"), blank=True)
    reported_on = models.DateField(_("reported on"), null=True, blank=True)

    class Meta:
        ordering = ["post", "as_of", "start_date"]
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")
        constraints = [
            models.CheckConstraint(
                condition=Q(as_of__isnull=False)
                | Q(start_date__isnull=False)
                | Q(end_date__isnull=False),
                name="tenure_has_a_date",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="tenure_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        when = self.as_of or self.start_date or self.end_date
        return f"{self.person} — {self.post} ({when})"


class Alias(DomainModel):
    """Another name of an organisation, a person or a post, in some language."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("official")
        SHORT = "short", _("short form")
        TRANSLATION = "translation", _("translation")
        MISSPELLING = "misspelling", _("misspelling")

    class Language(models.TextChoices):
        EN = "en", _("English")
        ZH_HANS = "zh-hans", _("Simplified Chinese")
        KO = "ko", _("Korean")
        OTHER = "other", _("other")

    name = models.CharField(_("alias"), max_length=300)
    key = models.CharField(max_length=300, db_index=True, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OFFICIAL)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="aliases"
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="aliases"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.PROTECT, related_name="aliases"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(organisation__isnull=False, person__isnull=True, post__isnull=True)
                    | Q(organisation__isnull=True, person__isnull=False, post__isnull=True)
                    | Q(organisation__isnull=True, person__isnull=True, post__isnull=False)
                ),
                name="alias_names_exactly_one_record",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = normalise_name(self.name)
        super().save(*args, **kwargs)

    @property
    def owner(self):
        return self.organisation or self.person or self.post
