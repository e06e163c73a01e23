"""Writing and reading xlsx workbooks safely.

A cell whose text starts with =, +, - or @ is written as text, never as a formula: a
spreadsheet would otherwise run it when the file is opened (formula injection). Reading
refuses files that are not xlsx, too large, that would unpack too large (see
planwatch.lib.archives), too long or too wide, or without a header, with a clear message.
"""

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, cast

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.lib.archives import zip_problem

FORMULA_START = ("=", "+", "-", "@")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
# Rows read, blank ones included, before a sheet is refused: a sheet can declare a
# million empty rows in a few bytes, and reading them is what takes the time.
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_COLUMNS = 200
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BadWorkbook(ValueError):
    """The upload is not a workbook we can read; the message says why."""


def safe_value(value: Any) -> Any:
    """A value openpyxl will store as data: formula-like text stays text."""
    if value is None or isinstance(value, bool | int | float | Decimal | dt.date):
        return value
    return str(value)


def put(cell: Cell, value: Any) -> None:
    """Write one cell; text that starts like a formula stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0%"
MAX_WIDTH = 60


def _width(value: Any) -> int:
    """Characters a value takes on screen; CJK characters are twice as wide."""
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_sheet(
    workbook: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    percent_columns: Iterable[int] = (),
) -> Worksheet:
    """Append a sheet; every text cell is typed as a string so it cannot become a formula.
    Dates and times get a date format, the `percent_columns` (0-based, holding fractions)
    a percentage format, and every column a width that fits its widest cell."""
    sheet: Worksheet = workbook.create_sheet(title=title[:31])
    sheet.append([str(h) for h in header])
    widths = [_width(h) for h in header]
    percent = set(percent_columns)
    for row in rows:
        sheet.append([safe_value(v) for v in row])
        for index, cell in enumerate(sheet[sheet.max_row]):
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif index in percent and cell.value is not None:
                cell.number_format = PERCENT_FORMAT
            if index < len(widths):
                widths[index] = max(widths[index], _width(cell.value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, width + 2)
    sheet.freeze_panes = "A2"
    return sheet


def workbook_bytes(sheets: Iterable[tuple[Any, ...]]) -> bytes:
    """An xlsx file of the given (title, header, rows[, percent columns]) sheets."""
    workbook = Workbook()
    workbook.remove(cast(Worksheet, workbook.active))  # a new workbook has its one sheet
    for title, header, rows, *percent in sheets:
        write_sheet(workbook, title, header, rows, *percent)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """(header, [(row number, values)]) of the first sheet; blank rows are skipped."""
    if len(data) > MAX_BYTES:
        raise BadWorkbook(
            _("The file is larger than %(mb)d MB; split it into smaller files.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadWorkbook(_("The file is not an Excel workbook (.xlsx)."))
    if problem := zip_problem(data):
        raise BadWorkbook(problem)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors for a damaged file
        raise BadWorkbook(_("The file is not an Excel workbook (.xlsx).")) from None
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise BadWorkbook(_("The workbook has no sheet."))
    rows = sheet.iter_rows(values_only=True, max_row=MAX_SHEET_ROWS + 1, max_col=MAX_COLUMNS)
    header_row = next(rows, None)
    if header_row is None or not any(v not in (None, "") for v in header_row):
        raise BadWorkbook(_("The first row must name the columns; it is empty."))
    header = [str(v).strip().lower() if v is not None else "" for v in header_row]
    body: list[tuple[int, list[Any]]] = []
    for number, values in enumerate(rows, start=2):
        if number > MAX_SHEET_ROWS:
            raise BadWorkbook(
                _("The sheet has more than %(n)d rows, blank ones included; delete the empty rows.")
                % {"n": MAX_SHEET_ROWS}
            )
        if all(v in (None, "") for v in values):
            continue
        if len(body) >= MAX_ROWS:
            raise BadWorkbook(
                _("The file has more than %(n)d rows; split it into smaller files.")
                % {"n": MAX_ROWS}
            )
        body.append((number, list(values)))
    workbook.close()
    return header, body
