"""Decompression bombs: refuse a zip container (xlsx, docx) before any parser opens it.

An Office file is a zip of XML parts. A small upload can declare parts that inflate a
thousandfold (a 1.4 MB .docx to 420 MB of XML, a 0.4 MB .xlsx to 14 million empty
rows), and the parsers build what they read in memory. The central directory says how
large every part is once inflated, and the zip reader never inflates a part past its
declared size (it stops and reports a damaged file), so checking the declarations
bounds what any parser can be made to read:

- the total inflated size of all parts,
- the number of parts,
- the compression ratio of each large part (XML compresses 5-20 times; a bomb 1000).

Rows and columns of a workbook are capped while streaming (planwatch.lib.xlsx).
"""

import io
import zipfile

from django.utils.translation import gettext as _

MAX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_RATIO = 100
# A part smaller than this may compress as well as it likes: it cannot hurt.
RATIO_FLOOR = 1024 * 1024


def zip_problem(
    data: bytes,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_members: int = MAX_MEMBERS,
    max_ratio: int = MAX_RATIO,
) -> str:
    """Why this zip container is refused, in the reader's language; "" when it is not.

    A file that is no zip at all is not this check's business ("" too): the parser
    that follows says what it expected.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return ""
    if len(members) > max_members:
        return _("The file holds %(n)d parts, more than the %(max)d allowed.") % {
            "n": len(members),
            "max": max_members,
        }
    total = sum(member.file_size for member in members)
    if total > max_uncompressed:
        return _(
            "The file would unpack to %(size)d MB, more than the %(max)d MB allowed; "
            "split it into smaller files."
        ) % {"size": total // (1024 * 1024), "max": max_uncompressed // (1024 * 1024)}
    for member in members:
        if member.file_size <= RATIO_FLOOR:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > max_ratio:
            return _(
                "The file's part %(name)s is compressed %(ratio)d times, more than the "
                "%(max)d times an ordinary document reaches; it is refused as a "
                "decompression bomb."
            ) % {"name": member.filename[:100], "ratio": ratio, "max": max_ratio}
    return ""
