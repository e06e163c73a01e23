from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from planwatch.intake.models import Batch, IntakeDocument
from planwatch.intake.tasks import read_batch


def _files(count: int) -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(
            f"note-{i}.txt",
            (f"Jilin Daily 2020-0{i % 9 + 1}-10\n\nUnit {i} should report on item {i}.\n").encode(),
        )
        for i in range(count)
    ]


def test_six_files_are_queued_then_read_by_the_worker(client, demo_world, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("intake:upload"), {"files": _files(6)})
    batch = Batch.objects.get()
    assert response.status_code == 302
    assert batch.state == Batch.State.QUEUED and batch.done == 0
    assert DBTaskResult.objects.count() == 1
    read_batch.call(batch.pk, supervisor.pk)
    batch.refresh_from_db()
    assert batch.state == Batch.State.DONE and batch.done == 6
    assert IntakeDocument.objects.count() == 6
    progress = client.get(reverse("intake:batch", args=[batch.pk]), HTTP_HX_REQUEST="true")
    assert b"6 of 6 read" in progress.content


def test_a_small_upload_is_read_at_once(client, demo_world, supervisor):
    client.force_login(supervisor)
    client.post(reverse("intake:upload"), {"files": _files(2)})
    assert Batch.objects.get().state == Batch.State.DONE
    assert IntakeDocument.objects.count() == 2


def test_an_upload_without_files_is_refused_with_a_message(client, db, supervisor):
    client.force_login(supervisor)
    response = client.post(reverse("intake:upload"), {}, follow=True)
    assert Batch.objects.count() == 0
    assert "Choose at least one file" in response.content.decode()
