"""Decompression bombs for the tests, built in memory in a second or two: small files
that would unpack to far more than any parser should read.

`bounded()` fails a test whose code under test took more than a bound of memory (the
process's peak resident size grew by more) or ran past a bound of time (an alarm
interrupts it). These are limits, not measurements: a bomb that got through would pass
them by orders of magnitude.
"""

import contextlib
import io
import resource
import signal
import zipfile

from docx import Document
from openpyxl import Workbook

MB = 1024 * 1024


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class TookTooLong(AssertionError):
    pass


@contextlib.contextmanager
def bounded(seconds: int = 60, megabytes: int = 200):
    def alarm(signum, frame):
        raise TookTooLong(f"still running after {seconds} s")

    before = _peak_rss()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    grown = (_peak_rss() - before) // MB
    assert grown < megabytes, f"peak memory grew by {grown} MB"


def _replace_part(data: bytes, name: str, chunks) -> bytes:
    """The zip `data` with part `name` replaced by the streamed chunks."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        with target.open(name, "w", force_zip64=True) as part:
            for chunk in chunks:
                part.write(chunk)
    return out.getvalue()


def docx_bomb(megabytes: int = 300) -> bytes:
    """A .docx of a few hundred kB whose document.xml holds `megabytes` of paragraphs."""
    document = Document()
    document.add_paragraph("Planwatch")
    buffer = io.BytesIO()
    document.save(buffer)
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>"
    )
    paragraph = b"<w:p><w:r><w:t>bomb</w:t></w:r></w:p>" * 20_000
    count = megabytes * MB // len(paragraph)
    chunks = [head, *([paragraph] * count), b"</w:body></w:document>"]
    return _replace_part(buffer.getvalue(), "word/document.xml", chunks)


def _workbook(header: list[str], title: str) -> bytes:
    book = Workbook()
    book.active.title = title
    book.active.append(header)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_ratio_bomb(header: list[str], megabytes: int = 300, title: str = "tasks") -> bytes:
    """An .xlsx whose only sheet, after its header, holds `megabytes` of empty rows."""
    rows = b"<row/>" * 20_000
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    count = megabytes * MB // len(rows)
    chunks = [head, *([rows] * count), b"</sheetData></worksheet>"]
    return _replace_part(_workbook(header, title), "xl/worksheets/sheet1.xml", chunks)


def xlsx_empty_rows_bomb(header: list[str], title: str = "tasks") -> bytes:
    """A few kB of .xlsx that declares every row and column Excel allows: a header, then
    one empty cell in the last of 1,048,576 rows of 16,384 columns. A reader that fills
    the gap produces a million rows, each 16,384 cells wide."""
    cells = "".join(
        f'<c r="{_column(i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for i, name in enumerate(header)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        f'<row r="1">{cells}</row><row r="1048576"><c r="XFD1048576"/></row>'
        "</sheetData></worksheet>"
    ).encode()
    return _replace_part(_workbook(header, title), "xl/worksheets/sheet1.xml", [xml])


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def pdf_stream_bomb(megabytes: int = 200) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` of text operators."""
    import zlib

    compressor = zlib.compressobj(9)
    line = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n" * 10_000
    compressed = b"".join(compressor.compress(line) for _ in range(megabytes * MB // len(line)))
    compressed += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed)
        + compressed
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return _pdf(objects)


def pdf_many_pages(pages: int) -> bytes:
    """A small PDF of `pages` blank pages."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
