from django.urls import reverse

from planwatch.plans.files import as_upload
from planwatch.plans.tests.loop import make_plan, make_task, submit

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_evidence_is_served_only_to_those_who_see_the_task(
    client, settings, tmp_path, unit_a, users
):
    settings.MEDIA_ROOT = tmp_path
    task = make_task(make_plan(), unit_a, "T-1")
    officer = users[("unit_officer", "a")]
    report = submit(officer, task, files=[as_upload("../../Site visit 1.pdf", PDF)])
    evidence = report.evidence.get()
    assert evidence.name == "Site_visit_1.pdf"
    assert tmp_path in (tmp_path / evidence.file.name).parents
    url = reverse("plans:evidence", args=[evidence.pk])

    for reader in (officer, users[("leader", "b")], users[("auditor", "b")]):
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert b"".join(response.streaming_content) == PDF

    client.force_login(users[("unit_officer", "b")])
    assert client.get(url).status_code == 404
