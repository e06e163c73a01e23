from pathlib import Path

from planwatch.intake.actions import do_ingest
from planwatch.intake.models import DraftDirective, IntakeDocument

TEXT = """Jilin Daily 2018-12-08

On December 7, Jing Junhai chaired a meeting of the Provincial Leading Group for the Belt and Road.
He stressed several requirements. First, the leading group office should draw up the
annual work plan.
Second, all member units should report progress every month. Third, Changchun City should speed up
the Demonstration Zone's infrastructure.
"""


def test_identical_bytes_return_the_first_reading(demo_world, supervisor, tmp_path: Path):
    first = tmp_path / "a.txt"
    first.write_text(TEXT, encoding="utf-8")
    second = tmp_path / "copy-of-a.txt"
    second.write_text(TEXT, encoding="utf-8")
    document, is_new = do_ingest(supervisor, first)
    again, again_new = do_ingest(supervisor, second)
    assert is_new and not again_new
    assert again.pk == document.pk
    assert IntakeDocument.objects.count() == 1


def test_a_near_identical_text_is_kept_as_a_duplicate_without_drafts(
    demo_world, supervisor, tmp_path: Path
):
    first = tmp_path / "a.txt"
    first.write_text(TEXT, encoding="utf-8")
    repost = tmp_path / "repost.txt"
    repost.write_text(TEXT + "\nTotal visits: 1024\n", encoding="utf-8")
    original, _ = do_ingest(supervisor, first)
    copy, is_new = do_ingest(supervisor, repost)
    assert not is_new
    assert copy.duplicate_of == original
    assert DraftDirective.objects.filter(document=copy).count() == 0
    assert DraftDirective.objects.filter(document=original).count() >= 3
