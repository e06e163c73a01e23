from pathlib import Path

from planwatch.intake.actions import do_ingest
from planwatch.intake.models import DraftDirective, Proposal


def test_a_binary_file_is_stored_with_a_one_line_error_and_nothing_else(
    demo_world, supervisor, tmp_path: Path
):
    path = tmp_path / "scan.txt"
    path.write_bytes(bytes(range(256)) * 40)
    document, is_new = do_ingest(supervisor, path)
    assert is_new
    assert "scan.txt" in document.error
    assert "\n" not in document.error
    assert DraftDirective.objects.count() == 0
    assert Proposal.objects.count() == 0
