import io
import os
import zipfile

from planwatch.lib.archives import RATIO_FLOOR, zip_problem


def archive(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in members:
            out.writestr(name, content)
    return buffer.getvalue()


def test_an_ordinary_archive_passes():
    data = archive(("a.xml", b"<a>text</a>" * 1000), ("b.bin", os.urandom(3 * RATIO_FLOOR)))
    assert zip_problem(data) == ""


def test_a_large_part_compressed_a_thousandfold_is_refused():
    message = zip_problem(archive(("word/document.xml", b"\0" * (RATIO_FLOOR + 1))))
    assert "word/document.xml" in message and "decompression bomb" in message


def test_a_small_part_may_compress_as_well_as_it_likes():
    assert zip_problem(archive(("styles.xml", b"\0" * RATIO_FLOOR))) == ""


def test_the_total_unpacked_size_is_capped_at_the_limit():
    data = archive(("a", os.urandom(1000)), ("b", os.urandom(1000)))
    assert zip_problem(data, max_uncompressed=2000) == ""
    assert "would unpack to" in zip_problem(data, max_uncompressed=1999)


def test_the_number_of_parts_is_capped_at_the_limit():
    data = archive(*[(f"part{n}", b"x") for n in range(4)])
    assert zip_problem(data, max_members=4) == ""
    assert "holds 4 parts" in zip_problem(data, max_members=3)


def test_a_file_that_is_no_zip_is_left_to_its_parser():
    assert zip_problem(b"plain text, not a zip") == ""
    assert zip_problem(b"PK\x03\x04 broken") == ""
