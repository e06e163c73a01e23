"""The intake's pages: upload, batch progress, the review queue and one document's review."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from planwatch.intake import actions
from planwatch.intake.forms import AcceptAllForm, DecisionForm, DraftDecisionForm, UploadForm
from planwatch.intake.models import Batch, Decision, DraftDirective, IntakeDocument, Proposal
from planwatch.intake.read import MAX_BYTES
from planwatch.intake.tasks import read_batch
from planwatch.intake.terms import KINDS
from planwatch.plans.models import Plan

INLINE_LIMIT = 5  # larger uploads go to the background queue


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def queue(request: HttpRequest) -> HttpResponse:
    _require(request, "intake.view")
    documents = IntakeDocument.objects.active().annotate(
        pending_drafts=Count("drafts", filter=Q(drafts__decision=Decision.PENDING), distinct=True),
        pending_proposals=Count(
            "proposals", filter=Q(proposals__decision=Decision.PENDING), distinct=True
        ),
    )
    state = request.GET.get("state", "")
    if state == "pending":
        documents = documents.filter(Q(pending_drafts__gt=0) | Q(pending_proposals__gt=0))
    elif state == "errors":
        documents = documents.exclude(error="")
    page = Paginator(documents.order_by("-created_at"), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "intake/queue.html",
        {"page": page, "state": state, "form": UploadForm(), "batches": Batch.objects.all()[:5]},
    )


@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    _require(request, "intake.add_document")
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("files", []):
            messages.error(request, error)
        return redirect("intake:queue")
    files = form.cleaned_data["files"]
    too_big = [f.name for f in files if f.size > MAX_BYTES]
    if too_big:
        messages.error(
            request,
            _("Over the %(mb)d MB limit, nothing was read: %(names)s")
            % {"mb": MAX_BYTES // 1048576, "names": ", ".join(too_big)},
        )
        return redirect("intake:queue")
    staging = Path(settings.MEDIA_ROOT) / "intake"
    staging.mkdir(parents=True, exist_ok=True)
    batch = Batch.objects.create(
        created_by=request.user,
        total=len(files),
        staging_dir=tempfile.mkdtemp(prefix="batch-", dir=staging),
    )
    for index, upload_file in enumerate(files):
        name = get_valid_filename(Path(upload_file.name).name) or "document.txt"
        with open(Path(batch.staging_dir) / f"{index:05d}-{name}", "wb") as out:
            for chunk in upload_file.chunks():
                out.write(chunk)
    if len(files) <= INLINE_LIMIT:
        read_batch.call(batch.pk, request.user.pk)
    else:
        read_batch.enqueue(batch.pk, request.user.pk)
    return redirect("intake:batch", pk=batch.pk)


def batch_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "intake.view")
    batch = get_object_or_404(Batch, pk=pk)
    template = "intake/_batch_progress.html" if request.htmx else "intake/batch.html"
    return render(
        request,
        template,
        {"batch": batch, "documents": batch.documents.order_by("name")},
    )


def document_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "intake.view")
    document = get_object_or_404(IntakeDocument.objects.active(), pk=pk)
    body = document.record.get("body", "")
    drafts = list(document.drafts.select_related("task"))
    numbers = actions.draft_numbers(document) if drafts else {}
    for draft in drafts:
        draft.number = numbers.get(draft.position, "")
    return render(
        request,
        "intake/document.html",
        {
            "document": document,
            "record": document.record,
            "body_parts": _highlight(body, drafts),
            "drafts": drafts,
            "proposals": document.proposals.order_by("decision", "kind"),
            "can_review": request.user.has_perm("intake.review"),
            "pending_drafts": sum(d.decision == Decision.PENDING for d in drafts),
            "plans": Plan.objects.active(),
            "named": _named(document.terms),
        },
    )


def _named(terms: dict) -> list[tuple[str, list]]:
    """The records behind a document's named terms, for showing with links."""
    labels = {"projects": _("Projects"), "industries": _("Industries"), "regions": _("Places")}
    result = []
    for kind, model in KINDS.items():
        ids = terms.get(kind) or []
        if ids:
            result.append((kind, labels[kind], list(model.objects.active().filter(pk__in=ids))))
    return result


def _highlight(body: str, drafts: list[DraftDirective]) -> list[tuple[str, int | None]]:
    """The body cut into (text, directive position or None), so spans can be marked."""
    parts, cursor = [], 0
    for draft in sorted(drafts, key=lambda d: d.span_start):
        if draft.span_start < cursor or draft.span_end > len(body):
            continue
        parts.append((body[cursor : draft.span_start], None))
        parts.append((body[draft.span_start : draft.span_end], draft.position))
        cursor = draft.span_end
    parts.append((body[cursor:], None))
    return parts


@require_POST
def decide_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.active(), pk=pk)
    _require(request, "intake.review", proposal)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to accept or reject."))
    else:
        try:
            actions.do_decide_proposal(
                request.user,
                proposal,
                form.cleaned_data["decision"] == "accept",
                form.cleaned_data["reason"],
            )
            messages.success(request, _("Decided."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("intake:document", pk=proposal.document_id)


@require_POST
def decide_draft(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_object_or_404(DraftDirective.objects.active(), pk=pk)
    _require(request, "intake.review", draft)
    form = DraftDecisionForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
        return redirect("intake:document", pk=draft.document_id)
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    try:
        if decision == "accept":
            task = actions.do_accept_draft(
                request.user,
                draft,
                plan_id=request.POST.get("plan", ""),
                reason=reason,
                edits=form.edits(draft),
            )
            messages.success(request, _("Task %(ref)s created.") % {"ref": task.reference})
        elif decision == "merge":
            task = actions.do_merge_draft(request.user, draft, form.cleaned_data["task"], reason)
            messages.success(request, _("Merged into task %(ref)s.") % {"ref": task.reference})
        else:
            actions.do_reject_draft(request.user, draft, reason)
            messages.success(request, _("Rejected."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("intake:document", pk=draft.document_id)


@require_POST
def accept_all(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(IntakeDocument.objects.active(), pk=pk)
    _require(request, "intake.review", document)
    form = AcceptAllForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("intake:document", pk=document.pk)
    try:
        tasks = actions.do_accept_all(
            request.user, document, request.POST.get("plan", ""), form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("%(n)d tasks created: %(refs)s")
            % {"n": len(tasks), "refs": ", ".join(t.reference for t in tasks)},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("intake:document", pk=document.pk)
