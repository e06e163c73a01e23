import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from planwatch.plans.files import MAX_BYTES, as_upload
from planwatch.plans.models import EvidenceFile, ProgressReport
from planwatch.plans.tests.loop import lead_assignment, make_plan, make_task, submit

PDF = b"%PDF-1.4\n%%EOF\n"
BAD = [
    ("setup.exe", b"MZ\x90\x00", "not accepted"),
    ("report.pdf", b"MZ\x90\x00 a program in disguise", "does not contain what its name says"),
    ("photo.png", b"%PDF-1.4", "does not contain what its name says"),
    ("notes.txt", b"text\x00with a NUL byte", "does not contain what its name says"),
    ("empty.pdf", b"", "is empty"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD)
def test_a_bad_file_is_refused_and_nothing_saved(
    settings, tmp_path, unit_a, officer, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    task = make_task(make_plan(), unit_a, "T-1")
    files = [as_upload("good.pdf", PDF), as_upload(name, content)]
    with pytest.raises(ValidationError) as error:
        submit(officer, task, files=files)
    assert message in error.value.message_dict["evidence"][0]
    assert not ProgressReport.objects.exists()
    assert not EvidenceFile.objects.exists()
    assert not list(tmp_path.rglob("*.*"))


def test_a_file_over_the_limit_is_refused_on_the_page(client, settings, tmp_path, unit_a, officer):
    settings.MEDIA_ROOT = tmp_path
    task = make_task(make_plan(), unit_a, "T-1")
    big = as_upload("big.pdf", b"%PDF-" + b"0" * MAX_BYTES)
    client.force_login(officer)
    response = client.post(
        reverse("plans:report_new", args=[lead_assignment(task).pk]),
        {
            "period_start": "2025-03-01",
            "percent_complete": 20,
            "narrative": "Done",
            "evidence": [big],
        },
    )
    assert response.status_code == 200
    assert "the limit is 20.0" in response.content.decode()
    assert not ProgressReport.objects.exists()
