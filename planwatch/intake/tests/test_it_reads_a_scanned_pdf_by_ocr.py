from pathlib import Path

from planwatch.intake.pipeline import intake_path

SCAN = Path(__file__).parent / "corpus" / "zh_scanned_notice.pdf"


def test_the_scans_text_is_read_page_by_page(gazetteer):
    pages = []
    record = intake_path(SCAN, gazetteer, progress=lambda page, total: pages.append((page, total)))
    assert pages == [(1, 1)]
    assert record["title"] == "关于加快推进示范区跨境电商产业园建设的通知"
    assert record["published"] == "2026-06-08"
    assert "示范区管委会要于7月31日前完成产业园规划设计。" in record["body"]


def test_the_record_warns_that_the_text_came_from_ocr(gazetteer):
    record = intake_path(SCAN, gazetteer)
    assert any(
        w.startswith("read by OCR: 1 page(s), mean word confidence") for w in record["warnings"]
    )


def test_a_wrapped_line_of_the_scan_is_one_paragraph(gazetteer):
    body = intake_path(SCAN, gazetteer)["body"]
    assert "二、长春市政府要会同省商务厅，9月底前出台产业园扶持政策。" in body.split("\n\n")
