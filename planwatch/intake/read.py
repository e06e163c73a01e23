"""Reading an input file into text or HTML, with one-line errors a person can act on."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zipfile import BadZipFile

from planwatch.lib.archives import zip_problem

MAX_BYTES = 20 * 1024 * 1024
# Decompression bombs: a .docx is a zip of XML that python-docx holds in memory whole;
# a PDF's streams are capped by pypdf itself (75 MB each), its pages here.
DOCX_MAX_UNCOMPRESSED = 64 * 1024 * 1024
PDF_MAX_PAGES = 2_000
TEXT_EXTENSIONS = {".txt", ".text"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
SUPPORTED = sorted(TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx", ".xlsx"})
OCR_LANGUAGES = "chi_sim+eng"
OCR_DPI = 300
LOW_CONFIDENCE = 80.0
OCR_PAGE_SECONDS = 120

# A space Tesseract puts between two Chinese characters, or a digit or colon and one.
_OCR_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f\s]|\d|:)|(?<=[\d:]) (?=[^\x00-\x7f\s])")
# Called with (page, pages) before each page is read by OCR.
Progress = Callable[[int, int], None]


class IntakeError(Exception):
    """A document that cannot be read; the message names the file and the reason."""


@dataclass(frozen=True)
class Source:
    """What was read: `kind` is "html" or "text"; `encoding` is None for PDF and DOCX."""

    kind: str
    content: str
    encoding: str | None
    warnings: list[str] = field(default_factory=list)
    ocr_seconds: list[float] = field(default_factory=list)


def read_path(
    path: str | Path, max_bytes: int = MAX_BYTES, progress: Progress | None = None
) -> Source:
    """Read a .txt, .html/.htm, .pdf, .docx or .xlsx file, or raise IntakeError.

    A PDF without a text layer is read by OCR, page by page, calling `progress`."""
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED:
        raise IntakeError(
            f"{p}: unknown file type {ext or '(none)'!r}; supported: {', '.join(SUPPORTED)}"
        )
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise IntakeError(
                f"{p}: file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB "
                "limit; split it or raise MAX_BYTES"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise IntakeError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise IntakeError(f"{p}: file is empty")
    if ext == ".pdf":
        return _pdf_source(data, p, progress)
    if ext == ".docx":
        return Source("text", _docx_text(data, p), None)
    if ext == ".xlsx":
        return Source("text", _xlsx_text(data, p), None)
    text, encoding = decode_bytes(data, str(p))
    if not text.strip():
        raise IntakeError(f"{p}: file has no text")
    return Source("html" if ext in HTML_EXTENSIONS else "text", text, encoding)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes never occur in text in any encoding we accept."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(4, len(head) // 100)


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Decode bytes as UTF-8 when valid, else as the encoding charset-normalizer detects.

    GBK/GB18030 pages are common; a detection that still yields replacement characters
    or control characters is reported as broken rather than passed on as mojibake.
    """
    if looks_binary(data):
        raise IntakeError(f"{name}: file is binary, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=None).best()
    candidates = [best.encoding] if best is not None else []
    candidates += [e for e in ("gb18030", "big5") if e not in candidates]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text, _canonical_encoding(encoding)
    raise IntakeError(f"{name}: text encoding is broken or unknown; save it as UTF-8 and retry")


def _canonical_encoding(encoding: str) -> str:
    return {"gb2312": "gb18030", "gbk": "gb18030"}.get(encoding.lower(), encoding.lower())


def _plausible(text: str) -> bool:
    """A real decoding has no replacement characters and few unusual symbols."""
    if "\ufffd" in text:
        return False
    odd = sum(
        1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) < 0xF900
    )
    return odd <= len(text) // 200


def _pdf_source(data: bytes, path: Path, progress: Progress | None) -> Source:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > PDF_MAX_PAGES:
            raise IntakeError(f"{path}: PDF has {len(reader.pages)} pages, over {PDF_MAX_PAGES}")
        if reader.is_encrypted:
            raise IntakeError(f"{path}: PDF is encrypted; save an unprotected copy")
        pages = len(reader.pages)
        text = "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IntakeError(f"{path}: PDF is damaged ({exc})") from None
    if text.strip():
        return Source("text", text, None)
    return _ocr_pdf(path, pages, progress)


def _ocr_pdf(path: Path, pages: int, progress: Progress | None) -> Source:
    """A scan: each page rendered by pdftoppm and read by Tesseract (Chinese and English),
    with the mean word confidence of the whole document as a warning on the record."""
    missing = [tool for tool in ("pdftoppm", "tesseract") if shutil.which(tool) is None]
    if missing:
        raise IntakeError(
            f"{path}: PDF has no text layer and OCR is not installed ({', '.join(missing)} "
            "missing; install poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim)"
        )
    texts, confidences, seconds = [], [], []
    with tempfile.TemporaryDirectory(prefix="planwatch-ocr-") as scratch:
        for page in range(1, pages + 1):
            if progress is not None:
                progress(page, pages)
            started = time.perf_counter()
            text, words = _ocr_page(path, page, Path(scratch))
            seconds.append(time.perf_counter() - started)
            texts.append(text)
            confidences += words
    text = "\n\n".join(texts)
    if not text.strip():
        raise IntakeError(f"{path}: PDF has no text layer and OCR found no text in it")
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    warnings = [f"read by OCR: {pages} page(s), mean word confidence {mean:.0f} %"]
    if mean < LOW_CONFIDENCE:
        warnings.append(
            f"low OCR confidence ({mean:.0f} % < {LOW_CONFIDENCE:.0f} %): check the text "
            "against the scan"
        )
    return Source("text", text, None, warnings, seconds)


def _ocr_page(path: Path, page: int, scratch: Path) -> tuple[str, list[float]]:
    """One page's text (lines as Tesseract found them) and its words' confidences."""
    image = scratch / f"page-{page}"
    try:
        subprocess.run(
            ["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", "-singlefile",
             "-f", str(page), "-l", str(page), str(path), str(image)],
            check=True, capture_output=True, timeout=OCR_PAGE_SECONDS,
        )  # fmt: skip
        result = subprocess.run(
            ["tesseract", f"{image}.png", "stdout", "-l", OCR_LANGUAGES, "tsv"],
            check=True, capture_output=True, timeout=OCR_PAGE_SECONDS,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise IntakeError(f"{path}: OCR failed on page {page} ({exc})") from None
    lines: dict[tuple[str, ...], list[str]] = {}
    confidences = []
    for row in result.stdout.decode("utf-8", "replace").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        lines.setdefault((cols[2], cols[3], cols[4]), []).append(cols[11])
        confidences.append(float(cols[10]))
    return "\n".join(_join_words(words) for words in lines.values()), confidences


def _join_words(words: list[str]) -> str:
    """Tesseract separates Chinese characters by spaces; Latin words keep theirs."""
    return _OCR_GAP.sub("", " ".join(words))


def _docx_text(data: bytes, path: Path) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if problem := zip_problem(data, max_uncompressed=DOCX_MAX_UNCOMPRESSED):
        raise IntakeError(f"{path}: {problem}")
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, BadZipFile, XMLSyntaxError, ValueError, KeyError, OSError):
        raise IntakeError(f"{path}: .docx file is damaged; open and re-save it") from None
    blocks = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                blocks.append("\t".join(cells))
        elif block.text.strip():
            blocks.append(block.text)
    text = "\n".join(blocks)
    if not text.strip():
        raise IntakeError(f"{path}: .docx file has no text")
    return text


def _xlsx_text(data: bytes, path: Path) -> str:
    """Each sheet's rows, cells separated by tabs; a date cell as YYYY-MM-DD."""
    import datetime as dt

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise IntakeError(f"{path}: .xlsx file is damaged; open and re-save it") from None
    lines = []
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells = []
                for value in row:
                    if isinstance(value, dt.datetime | dt.date):
                        value = value.strftime("%Y-%m-%d")
                    elif isinstance(value, float) and value.is_integer():
                        value = int(value)
                    cells.append(" ".join(str(value).split()) if value is not None else "")
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    lines.append("\t".join(cells) if len(cells) > 1 else cells[0])
            lines.append("")
    finally:
        book.close()
    text = "\n".join(lines)
    if not text.strip():
        raise IntakeError(f"{path}: .xlsx file has no text")
    return text
