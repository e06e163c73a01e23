from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.reports.models import Notice
from planwatch.reports.tests.world import make_plan, overdue_task


def test_the_api_issues_and_answers_notices_and_names_the_field_in_errors(
    client, supervisor, officer, unit_a
):
    overdue_task(make_plan("api"), unit_a, "API-1")
    client.force_login(supervisor)
    body = {
        "unit_id": unit_a.pk,
        "kind": "urging",
        "tasks": ["API-1"],
        "required_response": "Explain.",
    }
    bad = client.post(
        "/api/reports/notices", {**body, "tasks": ["NOPE"]}, content_type="application/json"
    )
    assert bad.status_code == 422 and "tasks" in bad.json()["detail"]
    early = client.post(
        "/api/reports/notices",
        {**body, "answer_due": "2000-01-01"},
        content_type="application/json",
    )
    assert early.status_code == 422 and "answer_due" in early.json()["detail"]
    issued = client.post("/api/reports/notices", body, content_type="application/json")
    assert issued.status_code == 201
    notice = issued.json()
    assert notice["reference"].startswith("催字〔") and notice["items"][0]["reference"] == "API-1"

    client.force_login(officer)
    assert client.get("/api/reports/notices").json()[0]["id"] == notice["id"]
    nul = client.post(f"/api/reports/notices/{notice['id']}/answer", {"text": "a\x00b"})
    assert nul.status_code == 422 and "NUL" in nul.json()["detail"]
    answered = client.post(
        f"/api/reports/notices/{notice['id']}/answer",
        {"text": "Resumed.", "files": [SimpleUploadedFile("proof.txt", b"signed")]},
    )
    assert answered.status_code == 201 and answered.json()["state"] == "answered"
    assert Notice.objects.get(pk=notice["id"]).answer.files.count() == 1
