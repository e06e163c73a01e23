"""Projects and approvals in and out of xlsx workbooks.

Import is all-or-nothing: every row is checked first and every error is reported by
sheet, row and column; nothing is saved unless the whole workbook is valid. Export
writes text that a spreadsheet would run as a formula (= + - @) as plain text.
"""

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from planwatch.directory.models import Organisation, Person
from planwatch.directory.resolver import resolve_organisation, resolve_person
from planwatch.lib.archives import zip_problem
from planwatch.lib.models import StaleRecord
from planwatch.lib.money import BadAmount, parse_amount
from planwatch.lib.xlsx import MAX_COLUMNS, put
from planwatch.projects import actions, geo
from planwatch.projects.models import (
    Approval,
    ApprovalKind,
    Country,
    Currency,
    Industry,
    Project,
    SideStatus,
    Stage,
)
from planwatch.projects.queries import rate_table

PROJECT_COLUMNS = [
    "code",
    "name_en",
    "name_zh",
    "stage",
    "side_status",
    "side_reason",
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
]
EXPORT_ONLY = ["total_planned_cny"]
APPROVAL_COLUMNS = [
    "project",
    "kind",
    "agency",
    "due_on",
    "state",
    "applied_on",
    "decided_on",
    "reference",
    "note",
]
REQUIRED = {"code", "industry", "lead_unit", "amounts_as_of", "project", "kind"}
MAX_ROWS = 50_000


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("%(sheet)s, row %(row)d, column %(column)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRefused(Exception):
    """The workbook has errors; nothing was saved."""

    def __init__(self, errors: list[CellError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} errors")


# Export ----------------------------------------------------------------------------------


def _org_ref(org: Organisation | None) -> str:
    return "" if org is None else (org.code or org.name_en or org.name_zh)


def export_workbook(projects) -> bytes:
    rates = rate_table()
    book = Workbook()
    sheet = book.active
    sheet.title = "projects"
    sheet.append(PROJECT_COLUMNS + EXPORT_ONLY)
    projects = projects.select_related(
        "investor", "country", "industry", "park", "lead_unit", "leader"
    )
    for row, p in enumerate(projects.iterator(2000), start=2):
        try:
            cny = p.total_planned * rates.rate(p.currency, p.amounts_as_of)
        except LookupError as error:
            cny = str(error)
        values = [
            p.code,
            p.name_en,
            p.name_zh,
            p.stage,
            p.side_status,
            p.side_reason,
            _org_ref(p.investor),
            p.country.code if p.country else "",
            p.industry.code,
            _org_ref(p.park),
            p.latitude,
            p.longitude,
            _org_ref(p.lead_unit),
            (p.leader.code or p.leader.name_en) if p.leader else "",
            p.currency,
            p.amounts_as_of,
            p.total_planned,
            p.total_completed,
            p.foreign_planned,
            p.foreign_completed,
            p.jobs_planned,
            p.jobs_created,
            cny,
        ]
        for column, value in enumerate(values, start=1):
            put(sheet.cell(row=row, column=column), value)
    approvals_sheet = book.create_sheet("approvals")
    approvals_sheet.append(APPROVAL_COLUMNS)
    approvals = (
        Approval.objects.active()
        .filter(project__in=projects)
        .select_related("project", "kind")
        .order_by("project__code", "kind__position")
    )
    for row, a in enumerate(approvals.iterator(2000), start=2):
        values = [
            a.project.code,
            a.kind.code,
            a.agency,
            a.due_on,
            a.state,
            a.applied_on,
            a.decided_on,
            a.reference,
            a.note,
        ]
        for column, value in enumerate(values, start=1):
            put(approvals_sheet.cell(row=row, column=column), value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Import ----------------------------------------------------------------------------------


class _Reader:
    """Turns one row's cells into field values, collecting an error per bad cell."""

    def __init__(self, sheet: str, row: int, cells: dict[str, object], errors: list[CellError]):
        self.sheet, self.row, self.cells, self.errors = sheet, row, cells, errors

    def error(self, column: str, message: str) -> None:
        self.errors.append(CellError(self.sheet, self.row, column, message))

    def text(self, column: str, limit: int = 300) -> str:
        value = self.cells.get(column)
        text = "" if value is None else str(value).strip()
        if not text and column in REQUIRED:
            self.error(column, _("This column is required."))
        if len(text) > limit:
            self.error(column, _("At most %(n)d characters.") % {"n": limit})
        return text

    def choice(self, column: str, choices: list[str], default: str = "") -> str:
        text = self.text(column) or default
        if text not in choices:
            self.error(
                column,
                _("%(value)r is not one of %(choices)s.")
                % {"value": text, "choices": ", ".join(c or "''" for c in choices)},
            )
        return text

    def date(self, column: str) -> dt.date | None:
        value = self.cells.get(column)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = self.text(column)
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.error(column, _("%(value)r is not a date (YYYY-MM-DD).") % {"value": text})
            return None

    def amount(self, column: str) -> Decimal:
        value = self.cells.get(column)
        if value in (None, ""):
            return Decimal(0)
        try:
            amount = parse_amount(value)
        except BadAmount as error:
            self.error(column, str(error))
            return Decimal(0)
        if amount < 0:
            self.error(column, _("An amount cannot be negative."))
        return amount.quantize(Decimal("0.01"))

    def coordinate(self, column: str) -> Decimal | None:
        value = self.cells.get(column)
        if value in (None, ""):
            return None
        try:
            return parse_amount(value).quantize(Decimal("0.000001"))
        except BadAmount:
            self.error(column, _("%(value)r is not a number.") % {"value": value})
            return None

    def count(self, column: str) -> int:
        value = self.cells.get(column)
        if value in (None, ""):
            return 0
        try:
            number = parse_amount(value)
        except BadAmount:
            number = Decimal(-1)
        if number < 0 or number != number.to_integral_value():
            self.error(column, _("%(value)r is not a whole number.") % {"value": value})
            return 0
        return int(number)

    def lookup(self, column: str, table: dict[str, object], what: str):
        text = self.text(column)
        if not text:
            return None
        found = table.get(text)
        if found is None:
            self.error(column, _("No %(what)s %(value)r.") % {"what": what, "value": text})
        return found

    def organisation(self, column: str, by_code: dict[str, Organisation]) -> Organisation | None:
        text = self.text(column)
        if not text:
            return None
        if text in by_code:
            return by_code[text]
        try:
            return resolve_organisation(text)
        except LookupError as error:
            self.error(column, str(error))
            return None

    def person(self, column: str, by_code: dict[str, Person]) -> Person | None:
        text = self.text(column)
        if not text:
            return None
        if text in by_code:
            return by_code[text]
        try:
            return resolve_person(text)
        except LookupError as error:
            self.error(column, str(error))
            return None


def _rows(book, name: str, columns: list[str], errors: list[CellError]):
    if name not in book.sheetnames:
        return
    sheet = book[name]
    rows = sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    unknown = [h for h in header if h and h not in columns + EXPORT_ONLY]
    for h in unknown:
        errors.append(CellError(name, 1, h, _("Unknown column.")))
    missing = [c for c in columns if c in REQUIRED and c not in header]
    for c in missing:
        errors.append(CellError(name, 1, c, _("The column is missing.")))
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS:
            errors.append(CellError(name, number, "", _("Too many rows.")))
            return
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        yield number, dict(zip(header, values, strict=False))


def _project_fields(r: _Reader, refs: dict) -> dict:
    return {
        "code": r.text("code", 60),
        "name_en": r.text("name_en"),
        "name_zh": r.text("name_zh"),
        "stage": r.choice("stage", Stage.values, Stage.LEAD),
        "side_status": r.choice("side_status", SideStatus.values),
        "side_reason": r.text("side_reason", 2000),
        "investor": r.organisation("investor", refs["orgs"]),
        "country": r.lookup("country", refs["countries"], _("country with ISO code")),
        "industry": r.lookup("industry", refs["industries"], _("industry with code")),
        "park": r.organisation("park", refs["orgs"]),
        "latitude": r.coordinate("latitude"),
        "longitude": r.coordinate("longitude"),
        "lead_unit": r.organisation("lead_unit", refs["orgs"]),
        "leader": r.person("leader", refs["people"]),
        "currency": r.choice("currency", Currency.values, Currency.CNY),
        "amounts_as_of": r.date("amounts_as_of"),
        "total_planned": r.amount("total_planned"),
        "total_completed": r.amount("total_completed"),
        "foreign_planned": r.amount("foreign_planned"),
        "foreign_completed": r.amount("foreign_completed"),
        "jobs_planned": r.count("jobs_planned"),
        "jobs_created": r.count("jobs_created"),
    }


def _model_errors(r: _Reader, instance, columns: list[str]) -> None:
    try:
        instance.full_clean(validate_unique=False, validate_constraints=True)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            column = name if name in columns else ""
            for message in messages:
                r.error(column, message)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    approvals: int = 0


def import_workbook(user, data: bytes) -> ImportResult:
    """Check the whole workbook, then save all of it in one transaction, or raise ImportRefused."""
    errors: list[CellError] = []
    if problem := zip_problem(data):
        raise ImportRefused([CellError("", 0, "", problem)])
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a file that is not a workbook
        raise ImportRefused(
            [CellError("", 0, "", _("This file is not an xlsx workbook."))]
        ) from None
    if "projects" not in book.sheetnames and "approvals" not in book.sheetnames:
        raise ImportRefused(
            [CellError("", 0, "", _("The workbook needs a sheet named projects or approvals."))]
        )
    refs = {
        "orgs": {o.code: o for o in Organisation.objects.active().exclude(code=None)},
        "people": {p.code: p for p in Person.objects.active().exclude(code=None)},
        "countries": {c.code: c for c in Country.objects.active()},
        "industries": {i.code: i for i in Industry.objects.active()},
        "kinds": {k.code: k for k in ApprovalKind.objects.active()},
    }
    existing = {p.code: p for p in Project.objects.active()}
    projects: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for number, cells in _rows(book, "projects", PROJECT_COLUMNS, errors):
        r = _Reader("projects", number, cells, errors)
        fields = _project_fields(r, refs)
        code = fields["code"]
        if code in seen:
            r.error("code", _("Also on row %(row)d.") % {"row": seen[code]})
        seen[code] = number
        try:
            geo.check_point(fields["latitude"], fields["longitude"])
        except geo.BadGeometry as error:
            r.error("latitude", str(error))
        if fields["side_status"] == SideStatus.LOST and not fields["side_reason"]:
            r.error("side_reason", _("Say why the project was lost."))
        if fields["industry"] and fields["lead_unit"] and fields["amounts_as_of"]:
            _model_errors(r, Project(**fields), PROJECT_COLUMNS)
        projects.append((number, fields))
    approvals: list[dict] = []
    seen_approvals: dict[tuple[str, str], int] = {}
    for number, cells in _rows(book, "approvals", APPROVAL_COLUMNS, errors):
        r = _Reader("approvals", number, cells, errors)
        code = r.text("project", 60)
        if code and code not in seen and code not in existing:
            r.error("project", _("No project with code %(code)r.") % {"code": code})
        fields = {
            "kind": r.lookup("kind", refs["kinds"], _("approval kind with code")),
            "agency": r.text("agency"),
            "due_on": r.date("due_on"),
            "state": r.choice("state", Approval.State.values, Approval.State.NOT_APPLIED),
            "applied_on": r.date("applied_on"),
            "decided_on": r.date("decided_on"),
            "reference": r.text("reference", 100),
            "note": r.text("note", 2000),
        }
        key = (code, fields["kind"].code if fields["kind"] else "")
        if key in seen_approvals:
            r.error("kind", _("Also on row %(row)d.") % {"row": seen_approvals[key]})
        seen_approvals[key] = number
        approvals.append({"project": code, **fields})
    if errors:
        raise ImportRefused(errors)
    return _save(user, projects, approvals, existing)


@transaction.atomic
def _save(user, projects, approvals, existing: dict[str, Project]) -> ImportResult:
    result = ImportResult()
    reason = _("imported from a workbook")
    for number, fields in projects:
        project = existing.get(fields["code"])
        if project is None:
            existing[fields["code"]] = actions.do_create_project(user, reason, **fields)
            result.created += 1
            continue
        stage, side = fields.pop("stage"), fields.pop("side_status")
        side_reason = fields.pop("side_reason")
        # The version read when the file was checked: a change saved since then is not
        # overwritten; the whole import is refused instead.
        try:
            actions.do_update_project(user, project, project.version, reason, **fields)
            if (stage, side) != (project.stage, project.side_status):
                actions.do_move_project(
                    user, project, project.version, stage, side, side_reason or reason
                )
        except StaleRecord:
            message = _("Someone else changed this project during the import; import again.")
            raise ImportRefused([CellError("projects", number, "code", message)]) from None
        result.updated += 1
    for fields in approvals:
        project = existing[fields.pop("project")]
        current = Approval.objects.active().filter(project=project, kind=fields["kind"]).first()
        if current is None:
            actions.do_add_approval(user, project, reason, **fields)
        else:
            actions.do_update_approval(user, current, current.version, reason, **fields)
        result.approvals += 1
    return result
