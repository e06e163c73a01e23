import pytest

from planwatch.intake import read
from planwatch.intake.read import IntakeError, read_path


def _error(path) -> str:
    with pytest.raises(IntakeError) as caught:
        read_path(path)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


def test_an_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    assert "empty" in _error(path)


def test_a_binary_file(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert "binary" in _error(path)


def test_a_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11)
    with pytest.raises(IntakeError, match="over the"):
        read_path(path, max_bytes=read.MAX_BYTES)


def test_a_broken_encoding(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3 + b"\xff\xfe\xfd" * 50)
    assert "encoding" in _error(path)


def test_a_pdf_without_text(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert "no text" in _error(path)


def test_an_unknown_extension(tmp_path):
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    assert "unknown file type" in _error(path)


def test_a_damaged_docx(tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(b"this is not a zip archive")
    assert "damaged" in _error(path)


def test_a_docx_is_read_paragraph_by_paragraph(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("Governor Jing Junhai inspects the zone")
    document.add_paragraph("First, the Zone Management Committee should speed up the parks.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    source = read_path(path)
    assert source.kind == "text"
    assert "Zone Management Committee" in source.content
