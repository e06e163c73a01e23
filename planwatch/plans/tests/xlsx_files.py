"""Building small xlsx files for the import tests."""

import io

from openpyxl import Workbook

HEADER = [
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


def workbook(rows: list[list], header: list[str] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    if header is not None or rows:
        sheet.append(header if header is not None else HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row(reference: str, plan: str = "imp", **values) -> list:
    fields = {
        "reference": reference,
        "plan": plan,
        "title_en": f"Task {reference}",
        "lead_unit": "unit-a",
        "start_date": "2025-01-01",
        "deadline": "2025-12-31",
    }
    fields.update(values)
    return [fields.get(name, "") for name in HEADER]
