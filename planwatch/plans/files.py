"""Evidence files: what may be uploaded, under which name, and where it is kept.

A file is accepted only when its extension is allowed AND its content looks like that
kind of file, so a program renamed to .pdf is refused. Files are stored under
MEDIA_ROOT (outside the static root) with a random name; the name people see is
sanitised and kept on the record. They are served only by a view that checks the
reader may see the task (or the document) they belong to.
"""

import hashlib
import io
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
MAX_FILES = 10
NAME_LENGTH = 120

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"


def _starts(*magics: bytes):
    return lambda head, _file: any(head.startswith(m) for m in magics)


def _office_zip(folder: str):
    """A .docx/.xlsx/.pptx is a zip holding [Content_Types].xml and its own folder."""

    def check(head: bytes, file) -> bool:
        if not head.startswith(ZIP):
            return False
        try:
            file.seek(0)
            names = zipfile.ZipFile(file).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)

    return check


def _webp(head: bytes, _file) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


def _text(head: bytes, file) -> bool:
    """Plain text in UTF-8 or GB18030, without the NUL bytes of a binary file."""
    file.seek(0)
    data = file.read()
    if b"\x00" in data:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


# extension: (content type, content check)
ALLOWED = {
    "pdf": ("application/pdf", _starts(b"%PDF-")),
    "png": ("image/png", _starts(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", _starts(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", _starts(b"\xff\xd8\xff")),
    "gif": ("image/gif", _starts(b"GIF87a", b"GIF89a")),
    "webp": ("image/webp", _webp),
    "doc": ("application/msword", _starts(OLE)),
    "xls": ("application/vnd.ms-excel", _starts(OLE)),
    "ppt": ("application/vnd.ms-powerpoint", _starts(OLE)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _office_zip("word/"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _office_zip("xl/"),
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _office_zip("ppt/"),
    ),
    "txt": ("text/plain", _text),
}


def sanitise_name(name: str) -> str:
    """A file name safe to show and to offer for download: no folders, no control or
    shell characters, no leading dots; letters of any script are kept."""
    name = unicodedata.normalize("NFKC", PurePath(name.replace("\\", "/")).name)
    name = re.sub(r"\s+", "_", name.strip())
    name = re.sub(r"[^\w.\-()（）]", "", name).lstrip(".-")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = stem[: NAME_LENGTH - len(ext) - 1] or "file"
    return f"{stem}.{ext.lower()}" if ext else stem


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    name: str
    content_type: str
    size: int
    sha256: str

    def stored_name(self) -> str:
        """A random name under which the file is written; the real one stays on the record."""
        return f"{uuid.uuid4().hex}.{self.name.rpartition('.')[2]}"


def check_upload(upload: UploadedFile, field: str = "evidence") -> CheckedFile:
    """Accept the upload or raise ValidationError naming the field and what is wrong."""
    name = sanitise_name(upload.name or "")
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    if ext not in ALLOWED:
        raise ValidationError(
            {
                field: _(
                    "%(name)s: this kind of file is not accepted. Upload PDF, images "
                    "(PNG, JPEG, GIF, WebP), Office documents or plain text."
                )
                % {"name": name}
            }
        )
    if upload.size > MAX_BYTES:
        raise ValidationError(
            {
                field: _("%(name)s is %(size)s; the limit is %(limit)s.")
                % {
                    "name": name,
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(MAX_BYTES),
                }
            }
        )
    if upload.size == 0:
        raise ValidationError({field: _("%(name)s is empty.") % {"name": name}})
    content_type, looks_right = ALLOWED[ext]
    upload.seek(0)
    head = upload.read(16)
    if not looks_right(head, upload):
        raise ValidationError(
            {
                field: _("%(name)s does not contain what its name says (.%(ext)s); it was refused.")
                % {"name": name, "ext": ext}
            }
        )
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(upload, name, content_type, upload.size, digest.hexdigest())


def check_uploads(uploads, field: str = "evidence") -> list[CheckedFile]:
    """Check every upload first, so that one bad file saves nothing at all."""
    uploads = list(uploads or [])
    if len(uploads) > MAX_FILES:
        raise ValidationError({field: _("At most %(n)d files at a time.") % {"n": MAX_FILES}})
    return [check_upload(upload, field) for upload in uploads]


def as_upload(name: str, content: bytes) -> UploadedFile:
    """Bytes as an upload, for files that arrive other than by a form (demo, API)."""
    return UploadedFile(io.BytesIO(content), name=name, size=len(content))
