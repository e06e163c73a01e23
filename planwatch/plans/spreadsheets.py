"""Tasks in and out of xlsx workbooks.

Import creates or updates tasks by reference number, so that loading the same file twice
changes nothing the second time. Every row is checked before anything is written and
every error is reported by row and column; the writes then run in one transaction through
the loop's actions (audit events included), so a file changes everything or nothing.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from planwatch.directory.models import Organisation
from planwatch.directory.resolver import resolve_organisation
from planwatch.lib import xlsx
from planwatch.lib.models import StaleRecord
from planwatch.plans import actions
from planwatch.plans import queries_dashboard as q
from planwatch.plans.models import Assignment, Plan, Task
from planwatch.plans.status import LABELS, Status

COLUMNS = [
    "reference",
    "plan",
    "parent",
    "kind",
    "title_en",
    "title_zh",
    "lead_unit",
    "co_units",
    "start_date",
    "deadline",
    "weight",
    "description",
    "version",
]
# Columns an export adds after the import's; an import of that export ignores them.
EXPORTED_ONLY = ["status", "progress"]
HEADERS = {
    "reference": gettext_lazy("Reference number"),
    "plan": gettext_lazy("Plan code"),
    "parent": gettext_lazy("Parent reference"),
    "kind": gettext_lazy("Kind"),
    "title_en": gettext_lazy("Title (English)"),
    "title_zh": gettext_lazy("Title (Chinese)"),
    "lead_unit": gettext_lazy("Lead unit"),
    "co_units": gettext_lazy("Co-units"),
    "start_date": gettext_lazy("Start date"),
    "deadline": gettext_lazy("Deadline"),
    "weight": gettext_lazy("Weight"),
    "description": gettext_lazy("Description"),
    "status": gettext_lazy("Status"),
    "progress": gettext_lazy("Progress (%)"),
    "version": gettext_lazy("Version"),
}
SYNONYMS = {
    "plan code": "plan",
    "parent reference": "parent",
    "lead unit": "lead_unit",
    "co-units": "co_units",
    "co units": "co_units",
    "start date": "start_date",
    "title (english)": "title_en",
    "title (chinese)": "title_zh",
}
REQUIRED = ("reference", "plan", "start_date")


def header_of(column: str) -> str:
    """A column's heading in the reader's language."""
    return str(HEADERS[column])


def _headings() -> dict[str, str]:
    """Every language's heading of every column, lower-cased: a file exported in Chinese
    re-imports for an English reader, and the other way round."""
    names = dict(SYNONYMS)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.update({str(label).strip().lower(): c for c, label in HEADERS.items()})
    return names


EXPORT_ROWS = xlsx.MAX_ROWS


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    message: str


@dataclass
class RowPlan:
    """One valid row, ready to write."""

    row: int
    reference: str
    fields: dict
    parent: str
    co_units: list[Organisation]
    version: int | None = None  # of an existing task, as exported: the change applies to it


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


class ImportFailed(Exception):
    """Raised inside the transaction to undo every write when a row fails on save."""


def _column(name: str, headings: dict[str, str] | None = None) -> str:
    key = name.strip().lower()
    return (headings or SYNONYMS).get(key, key.replace(" ", "_"))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(_text(value))


class _Checker:
    """Checks the rows of one file, collecting every error."""

    def __init__(self) -> None:
        self.errors: list[RowError] = []
        self.plans = {p.code: p for p in Plan.objects.active()}
        self.units: dict[str, Organisation | None] = {}

    def error(self, row: int, column: str, value, message: str) -> None:
        self.errors.append(RowError(row, column, _text(value), message))

    def unit(self, row: int, column: str, name: str) -> Organisation | None:
        if name not in self.units:
            try:
                by_code = Organisation.objects.active().filter(code=name).first()
                self.units[name] = by_code or resolve_organisation(name)
            except LookupError as error:
                self.units[name] = None
                self.error(row, column, name, str(error))
                return None
        elif self.units[name] is None:
            self.error(row, column, name, _("No single organisation is known as %r.") % name)
        return self.units[name]

    def check(self, number: int, values: dict) -> RowPlan | None:
        before = len(self.errors)
        reference = _text(values.get("reference"))
        if not reference:
            self.error(number, "reference", "", _("Give the task's reference number."))
        elif len(reference) > 60:
            self.error(number, "reference", reference, _("At most 60 characters."))
        plan = self.plans.get(_text(values.get("plan")))
        if plan is None:
            self.error(number, "plan", values.get("plan"), _("No plan has this code."))
        kind = _text(values.get("kind")) or Task.Kind.TASK
        if kind not in Task.Kind.values:
            self.error(
                number,
                "kind",
                kind,
                _("Use one of: %(kinds)s.") % {"kinds": ", ".join(Task.Kind.values)},
            )
        title_en, title_zh = _text(values.get("title_en")), _text(values.get("title_zh"))
        if not title_en and not title_zh:
            self.error(number, "title_en", "", _("Give a title in English or Chinese."))
        lead_name = _text(values.get("lead_unit"))
        lead = self.unit(number, "lead_unit", lead_name) if lead_name else None
        co_units = []
        for name in filter(None, (n.strip() for n in _text(values.get("co_units")).split(";"))):
            unit = self.unit(number, "co_units", name)
            if unit is not None:
                co_units.append(unit)
        dates = {}
        for name in ("start_date", "deadline"):
            value = values.get(name)
            if _text(value):
                try:
                    dates[name] = _date(value)
                except ValueError:
                    self.error(number, name, value, _("Not a date; use YYYY-MM-DD."))
            elif name == "start_date":
                self.error(number, name, "", _("Give the start date."))
        start, deadline = dates.get("start_date"), dates.get("deadline")
        if start and deadline and deadline < start:
            self.error(number, "deadline", deadline, _("The deadline is before the start date."))
        weight = Decimal(1)
        if _text(values.get("weight")):
            try:
                weight = Decimal(_text(values.get("weight")))
                if weight < 0 or not weight.is_finite() or weight >= 10_000:
                    raise InvalidOperation
            except InvalidOperation:
                self.error(number, "weight", values.get("weight"), _("A number from 0 to 9999."))
        version = None
        if _text(values.get("version")):
            try:
                version = int(_text(values.get("version")))
                if not 1 <= version < 2**31:
                    raise ValueError
            except ValueError:
                self.error(number, "version", values.get("version"), _("A whole number from 1."))
        if len(self.errors) > before:
            return None
        return RowPlan(
            row=number,
            reference=reference,
            parent=_text(values.get("parent")),
            co_units=co_units,
            version=version,
            fields={
                "plan": plan,
                "kind": kind,
                "title_en": title_en,
                "title_zh": title_zh,
                "lead_unit": lead,
                "start_date": start,
                "deadline": deadline,
                "weight": weight,
                "description": _text(values.get("description")),
            },
        )


def _in_tree_order(rows: list[RowPlan], known: set[str], checker: _Checker) -> list[RowPlan]:
    """Rows ordered so that a parent comes before its children; unknown parents are errors."""
    in_file = {r.reference for r in rows}
    ordered, placed, waiting = [], set(known) - in_file, list(rows)
    while waiting:
        ready = [r for r in waiting if not r.parent or r.parent in placed]
        if not ready:
            break
        for r in ready:
            ordered.append(r)
            placed.add(r.reference)
        waiting = [r for r in waiting if r not in ready]
    for r in waiting:
        message = (
            _("The parent is in this file but forms a loop.")
            if r.parent in in_file
            else _("No task has this reference.")
        )
        checker.error(r.row, "parent", r.parent, message)
    return ordered


def _differs(task: Task, fields: dict) -> dict:
    return {k: v for k, v in fields.items() if getattr(task, k) != v}


def _write(user, rows: list[RowPlan], result: ImportResult) -> None:
    tasks = {t.reference: t for t in Task.objects.filter(reference__in=[r.reference for r in rows])}
    for row in rows:
        fields = dict(row.fields)
        if row.parent:
            parent = tasks.get(row.parent) or Task.objects.get(reference=row.parent)
            tasks[row.parent] = parent
            fields["parent"] = parent
        else:
            fields["parent"] = None
        task = tasks.get(row.reference)
        try:
            if task is None:
                task = actions.do_create_task(
                    user, _("imported"), reference=row.reference, **fields
                )
                tasks[row.reference] = task
                result.created.append(row.reference)
                changed = True
            else:
                changes = _differs(task, fields)
                if changes:
                    actions.do_update_task(user, task, row.version, _("imported"), **changes)
                changed = bool(changes)
            assigned = set(task.assignments.active().values_list("unit_id", flat=True))
            for unit in row.co_units:
                if unit.pk not in assigned:
                    actions.do_assign(user, task, unit, Assignment.Role.CO)
                    changed = True
        except StaleRecord:
            message = _(
                "The task was changed after this file was exported (it is now at version "
                "%(version)s). Export the tasks again and make the change there."
            ) % {"version": Task.objects.get(pk=task.pk).version}
            result.errors.append(RowError(row.row, "version", str(row.version), message))
            continue
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = name if name in COLUMNS else "reference"
                for message in messages:
                    result.errors.append(RowError(row.row, column, row.reference, message))
            continue
        if row.reference not in result.created:
            (result.updated if changed else result.unchanged).append(row.reference)
    if result.errors:
        raise ImportFailed


def import_tasks(user, data: bytes) -> ImportResult:
    """Check the whole file, then write it all in one transaction, or nothing."""
    try:
        header, body = xlsx.read_rows(data)
    except xlsx.BadWorkbook as error:
        return ImportResult(file_error=str(error))
    return import_rows(user, header, body)


def import_rows(user, header: list[str], body: list[tuple[int, list]]) -> ImportResult:
    """The import of rows already read: (row number, values in `header`'s order)."""
    result = ImportResult()
    headings = _headings()
    columns = [_column(h, headings) for h in header]
    columns = ["" if c in EXPORTED_ONLY else c for c in columns]
    unknown = [h for h, c in zip(header, columns, strict=True) if h and c and c not in COLUMNS]
    missing = [c for c in REQUIRED if c not in columns]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(_("Unknown columns: %s.") % ", ".join(unknown))
        if missing:
            parts.append(_("Missing columns: %s.") % ", ".join(header_of(c) for c in missing))
        parts.append(_("The columns are: %s.") % ", ".join(header_of(c) for c in COLUMNS))
        result.file_error = " ".join(parts)
        return result
    if not body:
        result.file_error = _("The file has a header but no rows.")
        return result
    checker = _Checker()
    rows, seen = [], {}
    for number, values in body:
        named = {c: v for c, v in zip(columns, values, strict=False) if c}
        row = checker.check(number, named)
        reference = _text(named.get("reference"))
        if reference in seen:
            checker.error(number, "reference", reference, _("Also on row %d.") % seen[reference])
            row = None
        seen.setdefault(reference, number)
        if row is not None:
            rows.append(row)
    known = set(
        Task.objects.filter(reference__in=[r.parent for r in rows if r.parent]).values_list(
            "reference", flat=True
        )
    )
    rows = _in_tree_order(rows, known, checker)
    result.errors = sorted(checker.errors, key=lambda e: (e.row, COLUMNS.index(e.column)))
    if result.errors:
        return result
    try:
        with transaction.atomic():
            _write(user, rows, result)
    except ImportFailed:
        result.created, result.updated, result.unchanged = [], [], []
    return result


def template_bytes() -> bytes:
    return xlsx.workbook_bytes([(_("tasks"), [header_of(c) for c in COLUMNS], [])])


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored instant as the site's zone's wall-clock time (xlsx has no time zones)."""
    return None if moment is None else timezone.localtime(moment).replace(tzinfo=None)


def _task_rows(figures: Iterable) -> Iterable[list]:
    """Export rows in the import's columns, plus status and progress."""
    figures = list(figures)
    co: dict[int, list[str]] = {}
    for task_id, code, name in (
        Assignment.objects.active()
        .filter(task_id__in=[f.task_id for f in figures], role=Assignment.Role.CO)
        .values_list("task_id", "unit__code", "unit__name_en")
    ):
        co.setdefault(task_id, []).append(code or name)
    parents = dict(
        Task.objects.filter(
            pk__in={f.task.parent_id for f in figures if f.task.parent_id}
        ).values_list("pk", "reference")
    )
    for f in figures:
        task = f.task
        lead = task.lead_unit
        yield [
            task.reference,
            f.plan.code,
            parents.get(task.parent_id, ""),
            task.kind,
            task.title_en,
            task.title_zh,
            (lead.code or lead.name) if lead else "",
            "; ".join(co.get(task.pk, [])),
            task.start_date,
            task.deadline,
            task.weight,
            task.description,
            task.version,
            str(LABELS[Status(f.status)]),
            f.progress,
        ]


TITLES = {
    "tasks": gettext_lazy("tasks"),
    "overdue": gettext_lazy("overdue"),
    "plans": gettext_lazy("plans"),
    "units": gettext_lazy("units"),
    "waiting": gettext_lazy("waiting for review"),
    "issues": gettext_lazy("major issues"),
}


DASHBOARD_TABLES = ("tasks", "plans", "units", "overdue", "waiting", "issues")


def export_dashboard_table(user, filters: q.Filters, today: dt.date, table: str) -> bytes:
    """A dashboard table, or the filtered task list, as an xlsx file."""
    title = str(TITLES[table])
    if table in ("tasks", "overdue"):
        scope = filters if table == "tasks" else replace(filters, status=Status.OVERDUE.value)
        figures = q.task_list(user, scope, today)[:EXPORT_ROWS]
        header = [header_of(c) for c in [*COLUMNS, *EXPORTED_ONLY]]
        return xlsx.workbook_bytes([(title, header, _task_rows(figures))])
    percent: tuple[int, ...] = ()
    if table == "plans":
        header = [
            _("Plan code"),
            _("Title"),
            _("Tasks"),
            _("Finished"),
            _("Completion"),
            _("On-time rate"),
            _("Overdue"),
            _("At risk"),
            _("Open major issues"),
        ]
        percent = (4, 5)
        rows = (
            [
                r.plan.code,
                r.plan.title,
                r.total,
                r.finished,
                r.completion,
                r.on_time_rate,
                r.overdue,
                r.at_risk,
                r.issues_open,
            ]
            for r in q.plan_figures(user, filters, today)
        )
    elif table == "units":
        header = [
            _("Rank"),
            _("Unit"),
            _("Score"),
            _("Tasks led"),
            _("On-time reporting"),
            _("Completion"),
            _("Overdue"),
            _("Reports"),
            _("Reports on time"),
        ]
        percent = (4, 5)
        rows = (
            [
                r.rank,
                r.unit.name,
                r.score if r.score is not None else _("not assessed"),
                r.counts.tasks_led,
                r.reporting_rate,
                r.completion,
                r.counts.overdue,
                r.counts.reports,
                r.counts.reports_on_time,
            ]
            for r in q.unit_figures(user, filters, today)
        )
    elif table == "waiting":
        header = [_("Task"), _("Unit"), _("Period"), _("% complete"), _("Submitted")]
        rows = (
            [
                r.assignment.task.reference,
                r.assignment.unit.name,
                r.period_start,
                r.percent_complete,
                _local(r.submitted_at),
            ]
            for r in q.waiting_for_review(user, filters, today)[:EXPORT_ROWS]
        )
    else:
        header = [_("Task"), _("Unit"), _("Raised"), _("The issue")]
        rows = (
            [
                i.task.reference,
                i.assignment.unit.name,
                _local(i.raised_at),
                i.description,
            ]
            for i in q.open_issues(user, filters, today)[:EXPORT_ROWS]
        )
    return xlsx.workbook_bytes([(title, header, rows, percent)])


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=xlsx.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
