"""Large uploads are read on the background queue, one batch per job."""

from pathlib import Path

from django.db.models import F
from django_tasks import task

from planwatch.intake.models import Batch


@task()
def read_batch(batch_id: int, user_id: int | None) -> None:
    """Read every staged file of a batch, counting progress as it goes."""
    from planwatch.accounts.models import User
    from planwatch.intake.actions import do_ingest
    from planwatch.intake.gazetteer import Gazetteer

    batch = Batch.objects.get(pk=batch_id)
    user = User.objects.filter(pk=user_id).first()
    Batch.objects.filter(pk=batch_id).update(state=Batch.State.RUNNING)
    gazetteer = Gazetteer.from_database()
    for path in sorted(Path(batch.staging_dir).iterdir()):
        document, is_new = do_ingest(
            user, path, name=path.name.split("-", 1)[1], batch=batch, gazetteer=gazetteer
        )
        Batch.objects.filter(pk=batch_id).update(
            done=F("done") + 1,
            failed=F("failed") + int(bool(document.error)),
            duplicates=F("duplicates") + int(not is_new and not document.error),
        )
        path.unlink()
    Batch.objects.filter(pk=batch_id).update(state=Batch.State.DONE)
