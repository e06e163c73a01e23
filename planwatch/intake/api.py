"""The intake's JSON API: read a document into the queue, and look at what was read."""

import tempfile
from pathlib import Path

from django.shortcuts import get_object_or_404
from django.utils.text import get_valid_filename
from ninja import File, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from planwatch.intake.actions import do_ingest
from planwatch.intake.models import IntakeDocument
from planwatch.intake.read import MAX_BYTES
from planwatch.lib.api import require

router = Router(tags=["intake"])


class DocumentOut(Schema):
    id: int
    name: str
    title: str
    language: str
    error: str
    duplicate_of_id: int | None
    record: dict
    drafts: int
    proposals: int

    @staticmethod
    def resolve_drafts(document) -> int:
        return document.drafts.count()

    @staticmethod
    def resolve_proposals(document) -> int:
        return document.proposals.count()


@router.post("/documents", response={201: DocumentOut, 200: DocumentOut})
def read_document(request, file: File[UploadedFile]):
    """Read one uploaded file into the review queue (200 when it was already there)."""
    require(request, "intake.add_document")
    if file.size > MAX_BYTES:
        raise HttpError(422, f"file: over the {MAX_BYTES // 1048576} MB limit")
    name = get_valid_filename(Path(file.name or "document.txt").name) or "document.txt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        document, is_new = do_ingest(request.user, path, name=name)
    if document.error:
        raise HttpError(422, f"file: {document.error}")
    return Status(201 if is_new else 200, document)


@router.get("/documents/{pk}", response=DocumentOut)
def get_document(request, pk: int):
    require(request, "intake.view")
    return get_object_or_404(IntakeDocument.objects.active(), pk=pk)
