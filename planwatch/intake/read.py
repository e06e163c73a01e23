"""Reading an input file into text or HTML, with one-line errors a person can act on."""

from __future__ import annotations

import io
from dataclasses import dataclass
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
SUPPORTED = sorted(TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx"})


class IntakeError(Exception):
    """A document that cannot be read; the message names the file and the reason."""


@dataclass(frozen=True)
class Source:
    """What was read: `kind` is "html" or "text"; `encoding` is None for PDF and DOCX."""

    kind: str
    content: str
    encoding: str | None


def read_path(path: str | Path, max_bytes: int = MAX_BYTES) -> Source:
    """Read a .txt, .html/.htm, .pdf or .docx file, or raise IntakeError."""
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
        return Source("text", _pdf_text(data, p), None)
    if ext == ".docx":
        return Source("text", _docx_text(data, p), None)
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


def _pdf_text(data: bytes, path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > PDF_MAX_PAGES:
            raise IntakeError(f"{path}: PDF has {len(reader.pages)} pages, over {PDF_MAX_PAGES}")
        if reader.is_encrypted:
            raise IntakeError(f"{path}: PDF is encrypted; save an unprotected copy")
        text = "\n\n".join((page.extract_text() or "") for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IntakeError(f"{path}: PDF is damaged ({exc})") from None
    if not text.strip():
        raise IntakeError(f"{path}: PDF has no text layer (a scan?); run OCR first")
    return text


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
    text = "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    if not text.strip():
        raise IntakeError(f"{path}: .docx file has no text")
    return text
