import datetime as dt
import io

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from planwatch.reports import actions
from planwatch.reports.tests.world import make_plan, overdue_task


def test_every_document_downloads_as_pdf_docx_and_xlsx_in_the_readers_language(
    client, supervisor, officer, unit_a
):
    task = overdue_task(make_plan("files"), unit_a, "D-1", title_zh="建设国际物流园")
    notice = actions.do_issue_notice(
        supervisor, unit_a, "supervision", [task], "请说明延误原因。", dt.date(2026, 1, 20)
    )
    bulletin = actions.do_generate_bulletin(
        supervisor, "month", dt.date(2026, 1, 1), dt.date(2026, 1, 31), dt.date(2026, 2, 2)
    )
    client.force_login(officer)
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})

    pdf = client.get(f"/reports/notices/{notice.pk}/file.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for expected in ("督办单", "督字〔2026〕第1号", "建设国际物流园", "请于 2026-01-27 前反馈"):
        assert expected in text

    docx = Document(io.BytesIO(client.get(f"/reports/notices/{notice.pk}/file.docx").content))
    paragraphs = "\n".join(p.text for p in docx.paragraphs)
    assert "督字〔2026〕第1号" in paragraphs and "反馈要求" in paragraphs
    assert docx.tables[0].rows[1].cells[0].text == "D-1 建设国际物流园"

    bulletin_pdf = client.get(f"/reports/bulletins/{bulletin.pk}/file.pdf").content
    pages = PdfReader(io.BytesIO(bulletin_pdf)).pages
    assert "十、与上期相比的变化" in "".join(p.extract_text() for p in pages)

    workbook = load_workbook(
        io.BytesIO(client.get(f"/reports/bulletins/{bulletin.pk}/file.xlsx").content)
    )
    overdue = workbook["逾期任务"]
    assert [c.value for c in overdue[1]][:5] == ["任务", "标题", "牵头单位", "截止日期", "逾期天数"]
    row = [c.value for c in overdue[2]]
    assert row[0] == "D-1" and row[3] == dt.datetime(2025, 12, 31) and row[4] == 31
    assert overdue.cell(row=2, column=4).number_format == "yyyy-mm-dd"

    listing = load_workbook(io.BytesIO(client.get("/reports/notices.xlsx").content)).active
    assert listing.cell(row=2, column=1).value == "督字〔2026〕第1号"
