from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.intake.models import Batch


def test_an_upload_over_the_limit_is_refused_before_it_is_read(client, supervisor, settings):
    settings.MAX_REQUEST_BYTES = 2 * 1024 * 1024
    client.force_login(supervisor)
    big = SimpleUploadedFile("big.txt", b"x" * (2 * 1024 * 1024 + 1))
    response = client.post(reverse("intake:upload"), {"files": [big]})
    assert response.status_code == 413
    text = response.content.decode()
    assert "over the 2 MB limit of one request" in text
    assert Batch.objects.count() == 0


def test_the_api_gets_the_message_as_json(client, supervisor, settings):
    settings.MAX_REQUEST_BYTES = 1024 * 1024
    client.force_login(supervisor)
    big = SimpleUploadedFile("big.txt", b"x" * (1024 * 1024))
    response = client.post("/api/intake/documents", {"file": big})
    assert response.status_code == 413
    assert "limit of one request" in response.json()["detail"]


def test_an_upload_under_the_limit_goes_through(client, supervisor, settings):
    settings.MAX_REQUEST_BYTES = 1024 * 1024
    client.force_login(supervisor)
    small = SimpleUploadedFile("note.txt", b"Unit A should report on the plan.\n" * 100)
    response = client.post(reverse("intake:upload"), {"files": [small]})
    assert response.status_code == 302
    assert Batch.objects.count() == 1
