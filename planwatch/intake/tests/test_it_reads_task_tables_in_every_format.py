from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from planwatch.intake.pipeline import intake_path

HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    ["1", "完成产业园规划修编", "示范区管委会", "长春市政府", "2026年6月底前"],
    ["2", "开通国际货运航线", "长春市政府", "省发展改革委、示范区管委会", "年内"],
]
TITLE = "2026年重点工作任务分工表"
ZA = (
    "Management Committee of the China–South Korea (Changchun) International Cooperation "
    "Demonstration Zone"
)
CCG = "Changchun Municipal People's Government"


def _tab(path: Path) -> Path:
    lines = [TITLE, "发布日期：2026年3月1日", *("\t".join(r) for r in [HEADER, *ROWS])]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _aligned(path: Path) -> Path:
    widths = [6, 22, 14, 28, 16]
    lines = [TITLE, "发布日期：2026年3月1日"]
    for row in [HEADER, *ROWS]:
        lines.append(
            "".join(c + " " * (2 * w - 2 * len(c) + 2) for c, w in zip(row, widths, strict=True))
        )
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _html(path: Path) -> Path:
    cells = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in [HEADER, *ROWS]
    )
    path.write_text(
        f"<html><head><meta name='PubDate' content='2026-03-01'></head><body><h1>{TITLE}</h1>"
        f"<p>各单位按照分工推进以下工作，确保按期完成全年目标任务。</p><table>{cells}</table></body></html>",
        encoding="utf-8",
    )
    return path


def _docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("发布日期：2026年3月1日")
    table = document.add_table(rows=0, cols=5)
    for row in [HEADER, *ROWS]:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    document.save(path)
    return path


def _xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([int(row[0]), *row[1:]])
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("name", "make"),
    [("t.txt", _tab), ("a.txt", _aligned), ("t.html", _html), ("t.docx", _docx), ("t.xlsx", _xlsx)],
)
def test_each_row_is_a_directive_with_its_bodies_and_deadline(name, make, tmp_path, gazetteer):
    record = intake_path(make(tmp_path / name), gazetteer)
    rows = [d for d in record["directives"] if d["ordinal"] in {"1", "2"}]
    assert [d["text"] for d in rows] == ["完成产业园规划修编", "开通国际货运航线"]
    assert rows[0]["responsible"] == [ZA] and rows[0]["co_units"] == [CCG]
    assert rows[1]["responsible"] == [CCG]
    assert rows[1]["co_units"] == ["Jilin Provincial Development and Reform Commission", ZA]
    assert [d["deadline"] for d in rows] == ["2026-06-30", "2026-12-31"]
    assert "1 | 完成产业园规划修编 | 示范区管委会 | 长春市政府 | 2026年6月底前" in record["body"]


def test_a_damaged_workbook_is_one_clear_error(tmp_path, gazetteer):
    path = tmp_path / "tasks.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    assert intake_path(path, gazetteer)["error"].endswith(
        ".xlsx file is damaged; open and re-save it"
    )
