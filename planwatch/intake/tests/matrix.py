"""The intake's routes in the permission matrix (see planwatch/testing.py)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from planwatch.intake.models import Batch, DraftDirective, IntakeDocument, Proposal
from planwatch.testing import History, Route, managers, readers_or_own_officer

TEXT = (
    "Provincial news, 2019-03-02\n\nThe Unit A Bureau should speed up the review of "
    "investment projects and report monthly.\n"
)


def extend_world(world: dict) -> None:
    batch = Batch.objects.create(total=1, done=1, state=Batch.State.DONE)
    document = IntakeDocument.objects.create(
        batch=batch,
        name="news.txt",
        sha256="0" * 64,
        title="Provincial news",
        record={"body": TEXT, "warnings": []},
    )
    proposal = Proposal.objects.create(
        document=document,
        kind=Proposal.Kind.ALIAS,
        summary="alias",
        payload={"owner": "organisation", "name": "Unit A Bureau", "alias": "UAB"},
    )
    draft = DraftDirective.objects.create(
        document=document, position=1, text="speed up", span_start=0, span_end=5
    )
    world.update(batch=batch, intake_document=document, proposal=proposal, draft=draft)


def upload(world: dict) -> dict:
    return {"files": SimpleUploadedFile("note.txt", TEXT.encode(), "text/plain")}


def api_upload(world: dict) -> dict:
    return {"file": SimpleUploadedFile("note.txt", TEXT.encode(), "text/plain")}


def non_officers(role: str, own: bool) -> bool:
    return readers_or_own_officer(role, False)


ROUTES: dict[str, Route] = {
    "intake:queue": Route(allowed=non_officers),
    "intake:upload": Route(allowed=managers, method="post", data=upload),
    "intake:batch": Route(allowed=non_officers, kwargs=lambda w: {"pk": w["batch"].pk}),
    "intake:document": Route(
        allowed=non_officers, kwargs=lambda w: {"pk": w["intake_document"].pk}
    ),
    "intake:decide_proposal": Route(
        allowed=managers,
        method="post",
        kwargs=lambda w: {"pk": w["proposal"].pk},
        data={"decision": "reject"},
    ),
    "intake:decide_draft": Route(
        allowed=managers,
        method="post",
        kwargs=lambda w: {"pk": w["draft"].pk},
        data={"decision": "reject"},
    ),
    "intake:accept_all": Route(
        allowed=managers,
        method="post",
        kwargs=lambda w: {"pk": w["intake_document"].pk},
        data={"reason": "matrix"},
    ),
    "api-1:read_document": Route(allowed=managers, method="post", data=api_upload, multipart=True),
    "api-1:get_document": Route(
        allowed=non_officers, kwargs=lambda w: {"pk": w["intake_document"].pk}
    ),
}

# Unit officers do not see the intake, nor the history of what it read.
HISTORY: dict[str, History] = {
    "intake.intakedocument": History(lambda w: w["intake_document"], non_officers),
    "intake.proposal": History(lambda w: w["proposal"], non_officers),
    "intake.draftdirective": History(lambda w: w["draft"], non_officers),
}
