"""The intake reads a .docx bomb, a PDF whose stream inflates past pypdf's cap and a PDF
of too many pages into one-line errors, in bounded memory and time, through the page
(leaving no staged file behind) and through the API."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.intake.models import IntakeDocument
from planwatch.intake.read import PDF_MAX_PAGES, IntakeError, read_path
from planwatch.lib.tests.bombs import bounded, docx_bomb, pdf_many_pages, pdf_stream_bomb


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {
        "bomb.docx": docx_bomb(megabytes=300),
        "bomb.pdf": pdf_stream_bomb(megabytes=200),
        "pages.pdf": pdf_many_pages(PDF_MAX_PAGES + 1),
    }


REASONS = {
    "bomb.docx": "would unpack to 300 MB",
    "bomb.pdf": "PDF is damaged",
    "pages.pdf": f"over {PDF_MAX_PAGES}",
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_reading_a_bomb_gives_a_one_line_error(tmp_path, bombs, name):
    path = tmp_path / name
    path.write_bytes(bombs[name])
    with bounded(seconds=60, megabytes=200), pytest.raises(IntakeError) as error:
        read_path(path)
    assert REASONS[name] in str(error.value)
    assert "\n" not in str(error.value)


def test_an_upload_of_bombs_records_their_errors_and_leaves_no_staged_file(
    client, db, supervisor, bombs
):
    client.force_login(supervisor)
    files = [SimpleUploadedFile(name, data) for name, data in bombs.items()]
    with bounded(seconds=120, megabytes=300):
        response = client.post(reverse("intake:upload"), {"files": files})
    assert response.status_code == 302
    documents = IntakeDocument.objects.order_by("name")
    assert [bool(d.error) for d in documents] == [True, True, True]
    staging = Path(settings.MEDIA_ROOT) / "intake"
    assert [p for p in staging.rglob("*") if p.is_file()] == []


def test_the_api_answers_422_for_a_bomb(client, db, supervisor, bombs):
    client.force_login(supervisor)
    with bounded(seconds=60, megabytes=200):
        response = client.post(
            "/api/intake/documents", {"file": SimpleUploadedFile("bomb.docx", bombs["bomb.docx"])}
        )
    assert response.status_code == 422
    assert "would unpack to 300 MB" in response.json()["detail"]
