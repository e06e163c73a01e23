"""What a supervision office issues: numbered notices that push a unit, and the ladder that
proposes them.

A notice's number comes from its series' counter for the year, taken in the transaction
that issues it: a notice that fails to issue rolls its number back with it (no gap), and a
withdrawn notice keeps its number (never reused). The facts about each task (deadline,
last report, days overdue) are copied onto the notice when it is issued and never
recomputed.
"""

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from planwatch.lib.models import DomainModel

User = settings.AUTH_USER_MODEL


class NoticeKind(models.TextChoices):
    """The rungs of the ladder, lowest first."""

    URGING = "urging", _("urging notice")
    SUPERVISION = "supervision", _("supervision notice")
    SUMMONS = "summons", _("summons for a talk")
    CRITICISM = "criticism", _("criticism in a bulletin")


class SeriesKind(models.TextChoices):
    """What a number series numbers: a kind of notice, or the bulletins."""

    URGING = "urging", _("urging notice")
    SUPERVISION = "supervision", _("supervision notice")
    SUMMONS = "summons", _("summons for a talk")
    CRITICISM = "criticism", _("criticism in a bulletin")
    BULLETIN = "bulletin", _("bulletin")


LADDER = [NoticeKind.URGING, NoticeKind.SUPERVISION, NoticeKind.SUMMONS]


def level(kind: str) -> int:
    """A kind's rung: urging 1, supervision 2, summons 3, criticism 4."""
    return list(NoticeKind.values).index(kind) + 1


FORMAT_FIELDS = {"year", "number"}


def validate_number_format(value: str) -> None:
    """A format must hold the counter, `{number}`; `{year}` is optional; nothing else."""
    try:
        fields = [
            (name, spec) for _text, name, spec, _conv in string.Formatter().parse(value) if name
        ]
    except ValueError:
        raise ValidationError(
            _("The number format has an unmatched brace; write fields as {year} and {number}.")
        ) from None
    names = {name for name, _spec in fields}
    if "number" not in names:
        raise ValidationError(
            _(
                "The number format has no counter: put {number} where the notice's number "
                "goes, e.g. 督字〔{year}〕第{number}号."
            )
        )
    unknown = sorted(names - FORMAT_FIELDS)
    if unknown:
        raise ValidationError(
            _("The number format may hold only {year} and {number}, not: %(fields)s.")
            % {"fields": ", ".join(unknown)}
        )
    try:
        value.format(year=2026, number=1)
    except (ValueError, IndexError):
        raise ValidationError(
            _("The number format cannot be filled in; write fields as {year} and {number}.")
        ) from None


class NoticeSeries(DomainModel):
    """A numbering series for one kind of notice: the office's (no plan), or a plan's own."""

    kind = models.CharField(_("kind"), max_length=20, choices=SeriesKind.choices)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notice_series",
        help_text=_("Empty for the office's own series, used by plans without one."),
    )
    number_format = models.CharField(
        _("number format"),
        max_length=100,
        validators=[validate_number_format],
        help_text=_(
            "{year} is the year of issue, {number} the counter, e.g. 督字〔{year}〕第{number}号."
        ),
    )
    header = models.CharField(
        _("header"),
        max_length=200,
        blank=True,
        help_text=_("The issuing office's name printed in red at the top of the document."),
    )

    class Meta:
        ordering = ["kind", "plan"]
        verbose_name = _("notice series")
        verbose_name_plural = _("notice series")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "plan"],
                condition=Q(archived_at__isnull=True, plan__isnull=False),
                name="one_series_per_plan_and_kind",
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(archived_at__isnull=True, plan__isnull=True),
                name="one_office_series_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number_format}"

    def format(self, year: int, number: int) -> str:
        return self.number_format.format(year=year, number=number)


class NoticeCounter(models.Model):
    """The last number a series gave in a year. Locked and raised by the transaction that
    issues a notice, so numbers are gap-free and unique under concurrent issuing."""

    series = models.ForeignKey(NoticeSeries, on_delete=models.PROTECT, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="one_counter_per_series_year")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last}"


class Ladder(DomainModel):
    """A plan's escalation ladder and card rules: after how many days overdue a task earns
    which notice or card, and how long a unit has to answer. Plans without one use the
    defaults of these fields."""

    plan = models.OneToOneField(
        "plans.Plan", on_delete=models.PROTECT, related_name="ladder", verbose_name=_("plan")
    )
    urging_after = models.PositiveSmallIntegerField(
        _("urging notice when overdue by more than (days)"),
        default=15,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
    )
    supervision_after = models.PositiveSmallIntegerField(
        _("supervision notice when overdue by more than (days)"),
        default=30,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
    )
    summons_after = models.PositiveSmallIntegerField(
        _("summons when overdue by more than (days)"),
        default=60,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
    )
    answer_within = models.PositiveSmallIntegerField(
        _("days to answer a notice"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    yellow_after = models.PositiveSmallIntegerField(
        _("yellow card when overdue by more than (days)"),
        default=15,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
    )
    red_after = models.PositiveSmallIntegerField(
        _("red card when overdue by more than (days)"),
        default=30,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
    )
    yellow_returned = models.PositiveSmallIntegerField(
        _("yellow card after this many returned reports in a row"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    red_unanswered = models.BooleanField(
        _("red card for a supervision notice unanswered past its due date"), default=True
    )

    class Meta:
        verbose_name = _("escalation ladder")
        verbose_name_plural = _("escalation ladders")
        constraints = [
            models.CheckConstraint(
                condition=Q(supervision_after__gt=models.F("urging_after"))
                & Q(summons_after__gt=models.F("supervision_after")),
                name="ladder_rungs_climb",
            ),
            models.CheckConstraint(
                condition=Q(red_after__gt=models.F("yellow_after")), name="red_card_after_yellow"
            ),
        ]

    def __str__(self) -> str:
        return f"ladder of {self.plan}"

    def clean(self) -> None:
        if not (self.urging_after < self.supervision_after < self.summons_after):
            raise ValidationError(
                _(
                    "Each rung must need more days than the one below: urging < supervision "
                    "< summons."
                )
            )
        if not (self.yellow_after < self.red_after):
            raise ValidationError(_("A red card must need more days overdue than a yellow card."))

    def threshold(self, kind: str) -> int | None:
        return {
            NoticeKind.URGING: self.urging_after,
            NoticeKind.SUPERVISION: self.supervision_after,
            NoticeKind.SUMMONS: self.summons_after,
        }.get(kind)


class Notice(DomainModel):
    """A notice addressed to one unit about one or more of its overdue tasks.

    A proposal (from the ladder) has no number and is seen only by the office until a
    supervisor issues it; then it is numbered, its facts frozen, and the unit must answer
    by `answer_due`.
    """

    class State(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        DISMISSED = "dismissed", _("proposal dismissed")
        ISSUED = "issued", _("issued, waiting for the answer")
        ANSWERED = "answered", _("answered")
        WITHDRAWN = "withdrawn", _("withdrawn")

    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.PROTECT, related_name="notices", verbose_name=_("plan")
    )
    unit = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="notices",
        verbose_name=_("addressed unit"),
    )
    series = models.ForeignKey(
        NoticeSeries, null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.PositiveIntegerField(null=True, blank=True)
    reference = models.CharField(_("number"), max_length=120, blank=True)
    header = models.CharField(_("header"), max_length=200, blank=True)
    required_response = models.TextField(_("required response"))
    answer_due = models.DateField(_("answer due"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True, editable=False)
    signed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=150, blank=True)
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    escalated_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escalations",
        verbose_name=_("escalated from"),
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdraw_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        ordering = ["-issued_at", "-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"], name="notice_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(state__in=["proposed", "dismissed"]) | Q(number__isnull=False),
                name="issued_notice_has_a_number",
            ),
        ]
        indexes = [models.Index(fields=["unit", "state"]), models.Index(fields=["state"])]

    def __str__(self) -> str:
        return self.reference or f"{self.get_kind_display()} ({self.get_state_display()})"

    @property
    def level(self) -> int:
        return level(self.kind)

    @property
    def is_draft(self) -> bool:
        return self.state in (self.State.PROPOSED, self.State.DISMISSED)


class NoticeTask(models.Model):
    """A task a notice is about, with its facts as they stood when the notice was issued
    (or proposed): copied, never recomputed."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="items")
    task = models.ForeignKey("plans.Task", on_delete=models.PROTECT, related_name="notice_items")
    reference = models.CharField(_("reference number"), max_length=60)
    title = models.CharField(_("title"), max_length=500)
    deadline = models.DateField(_("deadline"), null=True)
    last_report_on = models.DateField(_("last report"), null=True)
    last_percent = models.PositiveSmallIntegerField(_("% complete"), null=True)
    days_overdue = models.IntegerField(_("days overdue"))

    class Meta:
        ordering = ["notice", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "task"], name="one_item_per_notice_task")
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.days_overdue})"


class NoticeAnswer(DomainModel):
    """The unit's answer (反馈) to a notice: what it did, with evidence."""

    notice = models.OneToOneField(Notice, on_delete=models.PROTECT, related_name="answer")
    text = models.TextField(_("answer"))
    answered_at = models.DateTimeField(_("answered"))
    answered_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    late = models.BooleanField(_("after the due date"), default=False)

    class Meta:
        verbose_name = _("answer to a notice")
        verbose_name_plural = _("answers to notices")

    def __str__(self) -> str:
        return f"answer to {self.notice}"


class AnswerFile(DomainModel):
    """Evidence attached to an answer; checked like report evidence (plans/files.py) and
    served only to those who may see the notice."""

    answer = models.ForeignKey(NoticeAnswer, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(upload_to="notices/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("answer file")
        verbose_name_plural = _("answer files")

    def __str__(self) -> str:
        return self.name


class Card(DomainModel):
    """A red or yellow card (红黄牌): a warning to a unit, issued by a rule of the plan or
    by hand with a reason. A rule's card is withdrawn by the daily job once its cause is
    mended; a card by hand is withdrawn by hand."""

    class Colour(models.TextChoices):
        YELLOW = "yellow", _("yellow card")
        RED = "red", _("red card")

    class Cause(models.TextChoices):
        OVERDUE = "overdue", _("task overdue")
        RETURNED = "returned", _("reports returned in a row")
        UNANSWERED = "unanswered", _("supervision notice unanswered")
        BY_HAND = "by_hand", _("issued by hand")

    colour = models.CharField(_("colour"), max_length=10, choices=Colour.choices)
    cause = models.CharField(_("cause"), max_length=20, choices=Cause.choices)
    unit = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="cards",
        verbose_name=_("unit"),
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.PROTECT, related_name="cards"
    )
    task = models.ForeignKey(
        "plans.Task",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cards",
        verbose_name=_("task"),
    )
    notice = models.ForeignKey(
        Notice, null=True, blank=True, on_delete=models.PROTECT, related_name="cards"
    )
    subject = models.CharField(max_length=40, blank=True, editable=False)
    reason = models.TextField(_("reason"))
    # A rule's card keeps the figures of its reason, so that each reader reads the reason
    # in their own language; a card by hand keeps the words its issuer typed.
    reason_params = models.JSONField(default=dict, blank=True, editable=False)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdraw_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("card")
        verbose_name_plural = _("cards")
        constraints = [
            # A rule gives one live card per cause and subject: the daily job cannot
            # issue it twice, even run twice at once.
            models.UniqueConstraint(
                fields=["cause", "colour", "unit", "subject"],
                condition=Q(withdrawn_on__isnull=True) & ~Q(cause="by_hand"),
                name="one_live_rule_card",
            ),
        ]
        indexes = [models.Index(fields=["unit", "withdrawn_on"])]

    def __str__(self) -> str:
        subject = self.task.reference if self.task_id else self.unit
        return f"{self.get_colour_display()} · {subject}"

    @property
    def live(self) -> bool:
        return self.withdrawn_on is None

    @property
    def reason_text(self) -> str:
        """The reason in the active language."""
        params = self.reason_params
        if not params:
            return self.reason
        if self.cause == self.Cause.OVERDUE:
            return gettext("%(ref)s overdue by %(days)d days") % params
        if self.cause == self.Cause.RETURNED:
            return gettext("%(n)d reports on %(ref)s returned in a row") % params
        if self.cause == self.Cause.UNANSWERED:
            return gettext("%(number)s unanswered since %(due)s") % params
        return self.reason


class Bulletin(DomainModel):
    """A supervision bulletin (督查通报) for a period and a scope, numbered when generated.

    `content` holds every section as it was computed: once issued a bulletin never
    changes; a correction is a new bulletin that names the one it corrects and why.
    """

    class Period(models.TextChoices):
        WEEK = "week", _("week")
        MONTH = "month", _("month")
        QUARTER = "quarter", _("quarter")
        CUSTOM = "custom", _("custom period")

    series = models.ForeignKey(NoticeSeries, on_delete=models.PROTECT, related_name="bulletins")
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    reference = models.CharField(_("number"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    plan = models.ForeignKey(
        "plans.Plan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bulletins",
        verbose_name=_("plan"),
    )
    unit = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bulletins",
        verbose_name=_("unit"),
    )
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    correction_note = models.TextField(_("what it corrects"), blank=True)
    content = models.JSONField(default=dict)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    header = models.CharField(_("header"), max_length=200, blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("bulletin")
        verbose_name_plural = _("bulletins")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"], name="bulletin_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="bulletin_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["plan", "unit", "period", "period_end"])]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        if self.pk is not None and list(kwargs.get("update_fields") or []) != ["archived_at"]:
            raise ValueError("An issued bulletin never changes; issue a correction.")
        super().save(*args, **kwargs)


class Instruction(DomainModel):
    """A leader's instruction (批示) on a task, a major issue or a notice: shown to the units
    concerned, kept as written, and possibly made into a new task."""

    task = models.ForeignKey(
        "plans.Task",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instructions",
        verbose_name=_("task"),
    )
    issue = models.ForeignKey(
        "plans.MajorIssue",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instructions",
        verbose_name=_("major issue"),
    )
    notice = models.ForeignKey(
        Notice,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instructions",
        verbose_name=_("notice"),
    )
    text = models.TextField(_("instruction"))
    written_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(_("written"))
    new_task = models.ForeignKey(
        "plans.Task",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="from_instructions",
        verbose_name=_("task made from it"),
    )

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = _("leader's instruction")
        verbose_name_plural = _("leader's instructions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(task__isnull=False, issue__isnull=True, notice__isnull=True)
                    | Q(task__isnull=True, issue__isnull=False, notice__isnull=True)
                    | Q(task__isnull=True, issue__isnull=True, notice__isnull=False)
                ),
                name="instruction_on_one_record",
            )
        ]

    def __str__(self) -> str:
        return f"{self.written_by}: {self.text[:60]}"

    @property
    def subject_task(self):
        """The task the instruction is about, directly or through its issue or notice."""
        if self.task_id:
            return self.task
        if self.issue_id:
            return self.issue.task
        return None


class Evaluation(DomainModel):
    """The evaluation of a plan's implementation as of a date (规划实施评估). `content`
    holds every figure, the narrative in both languages and the annex of every task as
    computed; it never changes, and a later evaluation compares itself with this one."""

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("plan")
    )
    as_of = models.DateField(_("as of"))
    title = models.CharField(_("title"), max_length=300)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("previous evaluation"),
    )
    content = models.JSONField(default=dict)
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-as_of", "-pk"]
        verbose_name = _("evaluation report")
        verbose_name_plural = _("evaluation reports")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        """The title in the reader's language (`title` keeps it as it was written)."""
        return gettext("Evaluation of the implementation of “%(plan)s” as of %(date)s") % {
            "plan": self.plan.title,
            "date": self.as_of,
        }

    def save(self, *args, **kwargs):
        if self.pk is not None and list(kwargs.get("update_fields") or []) != ["archived_at"]:
            raise ValueError("An evaluation report never changes; write a new one.")
        super().save(*args, **kwargs)
