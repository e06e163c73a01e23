from pathlib import Path

from planwatch.intake.actions import do_ingest


def test_an_upload_error_names_the_file_not_the_server_path(demo_world, supervisor, tmp_path: Path):
    path = tmp_path / "upload-7f3a.pdf"
    path.write_bytes(b"%PDF-1.4 not really a pdf")
    document, _ = do_ingest(supervisor, path, name="minutes.pdf")
    assert document.error.startswith("minutes.pdf: ")
    assert str(tmp_path) not in document.error and str(tmp_path) not in str(document.record)
