"""Reading documents into the review queue, and accepting or rejecting what they propose.

Reading writes only intake records; the directory and the supervision loop change only
when a person accepts a proposal or a draft directive, through their own actions.
"""

import ast
import hashlib
import re
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from planwatch.audit.actions import record_created, record_event
from planwatch.directory import actions as directory_actions
from planwatch.directory.models import Alias, Post, Tenure
from planwatch.directory.resolver import resolve_organisation, resolve_person
from planwatch.intake.directives import outline
from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.models import Batch, Decision, DraftDirective, IntakeDocument, Proposal
from planwatch.intake.pipeline import intake_path
from planwatch.intake.read import MAX_BYTES, Progress
from planwatch.intake.terms import find_terms
from planwatch.lib.text import hamming, normalise_name, simhash
from planwatch.plans import actions as plans_actions
from planwatch.plans.models import Plan, Task

NEAR_DUPLICATE_BITS = 8
_NEW_IN_WARNING = re.compile(
    r"^proposal: new (?P<kind>organisation|person) (?P<name>'[^']*'|\"[^\"]*\")"
)
_SENTENCE = re.compile(r"[^.!?。！？\n]*[.!?。！？]?")


def _require(user, perm: str, obj=None) -> None:
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(_("You may not do this."))


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find_near_duplicate(fingerprint: int) -> IntakeDocument | None:
    """An earlier readable document whose body differs from this one in a few bits only."""
    candidates = IntakeDocument.objects.filter(
        fingerprint__isnull=False, duplicate_of__isnull=True, error=""
    ).values_list("pk", "fingerprint")
    for pk, other in candidates.iterator(chunk_size=2000):
        if hamming(fingerprint, other) <= NEAR_DUPLICATE_BITS:
            return IntakeDocument.objects.get(pk=pk)
    return None


def do_ingest(
    user,
    path: Path,
    name: str | None = None,
    batch: Batch | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
) -> tuple[IntakeDocument, bool]:
    """Read one file into the queue. Returns (document, is_new).

    The same bytes are recognised by their hash and a near-identical text by its
    fingerprint: neither is taken twice. An unreadable file is kept with its error only.
    """
    _require(user, "intake.add_document")
    name = name or str(path)
    readable_size = path.exists() and path.stat().st_size <= MAX_BYTES
    digest = file_digest(path) if readable_size else ""
    if digest:
        same = IntakeDocument.objects.active().filter(sha256=digest, error="").first()
        if same is not None:
            return same, False
    record = intake_path(path, gazetteer or Gazetteer.from_database(), progress)
    record["source_path"] = name
    if "error" in record:  # the reader knows the file by its name, not the server's path
        record["error"] = record["error"].replace(str(path), name)
    with transaction.atomic():
        if "error" in record:
            document = IntakeDocument.objects.create(
                batch=batch,
                name=name,
                sha256=digest,
                record=record,
                error=record["error"],
                created_by=_user(user),
            )
            record_created(user, document)
            return document, True
        fingerprint = simhash(record["body"]) if record["body"] else None
        original = find_near_duplicate(fingerprint) if fingerprint is not None else None
        document = IntakeDocument.objects.create(
            batch=batch,
            name=name,
            sha256=digest,
            fingerprint=fingerprint,
            duplicate_of=original,
            title=(record.get("title") or "")[:500],
            language=record.get("language", ""),
            published=record.get("published"),
            record=record,
            terms=find_terms(record["body"]),
            created_by=_user(user),
        )
        record_created(user, document)
        if original is None:
            _queue_drafts(document, record)
            _queue_proposals(document, record)
        return document, original is None


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _queue_drafts(document: IntakeDocument, record: dict) -> None:
    DraftDirective.objects.bulk_create(
        DraftDirective(
            document=document,
            position=i,
            ordinal=(d.get("ordinal") or "")[:40],
            text=d["text"],
            issuer=(d.get("issuer") or "")[:300],
            responsible=d["responsible"],
            co_units=d.get("co_units") or [],
            title=(d.get("title") or "")[:500],
            deadline=d.get("deadline"),
            deadline_as_written=(d.get("deadline_as_written") or "")[:200],
            reporting_rule=d.get("reporting_rule"),
            span_start=d["span"][0],
            span_end=d["span"][1],
        )
        for i, d in enumerate(record["directives"], start=1)
    )


def sentence_of(body: str, phrase: str) -> str:
    """The sentence of `body` in which `phrase` first appears."""
    index = body.find(phrase)
    if index < 0:
        return ""
    for match in _SENTENCE.finditer(body):
        if match.start() <= index < max(match.end(), match.start() + 1):
            return match.group().strip()
    return ""


def _known_alias(name: str, field: str) -> bool:
    return (
        Alias.objects.active()
        .filter(key=normalise_name(name), **{f"{field}__isnull": False})
        .exists()
    )


def _queue_proposals(document: IntakeDocument, record: dict) -> None:
    body = record["body"]
    proposals: dict[tuple, Proposal] = {}

    def propose(kind: str, summary: str, payload: dict, phrase: str) -> None:
        key = (kind, tuple(sorted((k, str(v)) for k, v in payload.items())))
        proposals.setdefault(
            key,
            Proposal(
                document=document,
                kind=kind,
                summary=summary[:500],
                payload=payload,
                sentence=sentence_of(body, phrase),
            ),
        )

    for org in record["organisations"]:
        if not _known_alias(org["name"], "organisation"):
            propose(
                Proposal.Kind.ORGANISATION,
                _("New organisation: %s") % org["name"],
                {"name": org["name"]},
                org["mentions"][0] if org["mentions"] else org["name"],
            )
            continue
        for mention in org["mentions"]:
            if not _known_alias(mention, "organisation"):
                propose(
                    Proposal.Kind.ALIAS,
                    _("%(alias)r is another name of %(name)s")
                    % {"alias": mention, "name": org["name"]},
                    {"owner": "organisation", "name": org["name"], "alias": mention},
                    mention,
                )
    for person in record["people"]:
        mention = person["mentions"][0] if person["mentions"] else person["name"]
        if not _known_alias(person["name"], "person"):
            posts = [
                ", ".join(filter(None, (post["title"], post.get("organisation"))))
                for post in person["posts"]
            ]
            propose(
                Proposal.Kind.PERSON,
                _("New person: %s") % person["name"] + (f" ({'; '.join(posts)})" if posts else ""),
                {"name": person["name"], "mentions": person["mentions"], "posts": person["posts"]},
                mention,
            )
        for spelling in person["mentions"]:
            if not _known_alias(spelling, "person"):
                propose(
                    Proposal.Kind.ALIAS,
                    _("%(alias)r is another spelling of %(name)s")
                    % {"alias": spelling, "name": person["name"]},
                    {"owner": "person", "name": person["name"], "alias": spelling},
                    spelling,
                )
        for post in person["posts"]:
            if not person.get("as_of") or not post.get("organisation"):
                continue
            payload = {
                "person": person["name"],
                "title": post["title"],
                "organisation": post["organisation"],
                "acting": bool(post.get("acting")),
                "as_of": person["as_of"],
                "source": record.get("title") or document.name,
                "reported_on": record.get("published"),
            }
            if not _tenure_known(payload):
                acting = _("acting ") if payload["acting"] else ""
                propose(
                    Proposal.Kind.TENURE,
                    _("%(person)s held %(acting)s%(title)s, %(org)s as of %(date)s")
                    % {
                        "person": person["name"],
                        "acting": acting,
                        "title": post["title"],
                        "org": post["organisation"],
                        "date": person["as_of"],
                    },
                    payload,
                    mention,
                )
    for warning in record["warnings"]:
        found = _NEW_IN_WARNING.match(warning)
        if not found:
            continue
        kind, name = found["kind"], ast.literal_eval(found["name"])
        field = "organisation" if kind == "organisation" else "person"
        if not _known_alias(name, field):
            label = _("New organisation: %s") if field == "organisation" else _("New person: %s")
            propose(kind, label % name, {"name": name}, name)
    Proposal.objects.bulk_create(proposals.values())


def _find_post(title: str, organisation: str) -> Post | None:
    try:
        org = resolve_organisation(organisation)
    except LookupError:
        return None
    key = normalise_name(title)
    for post in Post.objects.active().filter(organisation=org):
        if key in (normalise_name(post.title_en), normalise_name(post.title_zh)):
            return post
    return None


def _tenure_known(payload: dict) -> bool:
    post = _find_post(payload["title"], payload["organisation"])
    try:
        person = resolve_person(payload["person"])
    except LookupError:
        return False
    if post is None:
        return False
    return (
        Tenure.objects.active()
        .filter(person=person, post=post, as_of=payload["as_of"], acting=payload["acting"])
        .exists()
    )


@transaction.atomic
def do_decide_proposal(user, proposal: Proposal, accept: bool, reason: str = "") -> Proposal:
    """Accept (writing the fact into the directory) or reject a proposal."""
    _require(user, "intake.review", proposal)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.decision != Decision.PENDING:
        raise ValidationError(_("This proposal was already decided."))
    if accept:
        _apply(user, proposal)
    proposal.decision = Decision.ACCEPTED if accept else Decision.REJECTED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.version += 1
    proposal.save()
    record_event(
        user, proposal.decision, proposal, {"decision": ["pending", proposal.decision]}, reason
    )
    return proposal


def _apply(user, proposal: Proposal) -> None:
    data = proposal.payload
    source = proposal.document.title or proposal.document.name
    if proposal.kind == Proposal.Kind.ORGANISATION:
        language = "zh-hans" if re.search(r"[\u3400-\u9fff]", data["name"]) else "en"
        field = "name_zh" if language == "zh-hans" else "name_en"
        directory_actions.do_create_organisation(user, f"intake: {source}", **{field: data["name"]})
    elif proposal.kind == Proposal.Kind.PERSON:
        language = "zh-hans" if re.search(r"[\u3400-\u9fff]", data["name"]) else "en"
        field = "name_zh" if language == "zh-hans" else "name_en"
        directory_actions.do_create_person(user, f"intake: {source}", **{field: data["name"]})
    elif proposal.kind == Proposal.Kind.ALIAS:
        resolve = resolve_organisation if data["owner"] == "organisation" else resolve_person
        owner = resolve(data["name"])
        language = "zh-hans" if re.search(r"[\u3400-\u9fff]", data["alias"]) else "en"
        directory_actions.do_add_alias(
            user,
            owner,
            data["alias"],
            language,
            Alias.Kind.MISSPELLING if data["owner"] == "person" else Alias.Kind.SHORT,
            f"intake: {source}",
        )
    elif proposal.kind == Proposal.Kind.TENURE:
        post = _find_post(data["title"], data["organisation"])
        if post is None:
            raise ValidationError(
                _("No post %(title)s of %(org)s is in the directory; add the post first.")
                % {"title": data["title"], "org": data["organisation"]}
            )
        directory_actions.do_add_tenure(
            user,
            f"intake: {source}",
            person=resolve_person(data["person"]),
            post=post,
            as_of=data["as_of"],
            acting=data["acting"],
            source=source[:500],
            reported_on=data.get("reported_on"),
        )


_KIND_WORDS = [
    ("reply", ("reply", "批复", "approv")),
    ("policy_package", ("measures", "措施", "policy package")),
    ("rules", ("rules", "规则", "办法")),
    ("instruction", ("instruction", "批示")),
    ("inspection_report", ("inspect", "survey", "visit", "调研", "考察", "视察")),
    ("plan", ("plan", "规划", "方案")),
    ("meeting_record", ("meeting", "会议", "conference")),
]


def guess_document_kind(title: str) -> str:
    """The kind of source document, from words of its title; a meeting record by default."""
    lowered = (title or "").lower()
    for kind, words in _KIND_WORDS:
        if any(word in lowered for word in words):
            return kind
    return "meeting_record"


def _source_document(user, document: IntakeDocument):
    """The supervision loop's copy of the intake document, created on first acceptance."""
    if document.source_document_id:
        return document.source_document
    record = document.record
    issuer = None
    if record.get("source"):
        try:
            issuer = resolve_organisation(record["source"])
        except LookupError:
            issuer = None
    events = record.get("event_dates") or []
    source = plans_actions.do_create_document(
        user,
        reason=_("read by the intake from %s") % document.name,
        kind=guess_document_kind(record.get("title") or ""),
        title=(record.get("title") or document.name)[:500],
        issuer=issuer,
        document_date=record.get("published"),
        event_date=events[0] if events else None,
        text=record.get("body", ""),
    )
    document.source_document = source
    document.save(update_fields=["source_document", "updated_at"])
    return source


def _title_of(draft: DraftDirective) -> str:
    title = (draft.title or draft.text).strip()
    return title if len(title) <= 200 else title[:199] + "…"


def _units(names: list[str], label: str, strict: bool) -> list:
    """The directory's organisations for `names`; a name the directory lacks is skipped
    (it waits as a proposal) unless the reviewer typed it (`strict`)."""
    units = []
    for name in names:
        try:
            unit = resolve_organisation(name)
        except LookupError:
            if strict:
                raise ValidationError(
                    {label: _("No organisation %(name)s is in the directory.") % {"name": name}}
                ) from None
            continue
        if unit not in units:
            units.append(unit)
    return units


def draft_numbers(document: IntakeDocument) -> dict[int, str]:
    """Each draft's number in the document's own outline, by position ("2.1")."""
    drafts = list(document.drafts.order_by("position"))
    paths = outline(document.record.get("body", ""), [(d.span_start, d.ordinal) for d in drafts])
    return {d.position: path for d, path in zip(drafts, paths, strict=True)}


def _reference(plan: Plan, document: IntakeDocument, path: str, position: int) -> str:
    """The document's own numbering under the plan's code ("SCR-3.2"); the intake's when
    the draft has no number or another document already took that one."""
    code = plan.code.upper()
    if path:
        reference = f"{code}-{path}"
        if not Task.objects.filter(reference=reference).exists():
            return reference
        return f"{code}-D{document.pk}-{path}"
    return f"{code}-D{document.pk}-{position}"


def _parent_of(path: str, paths: dict[int, str], tasks: dict[int, Task], plan: Plan):
    """The task of the nearest draft whose number is a prefix of this one's."""
    best = None
    for position, other in paths.items():
        if (
            other
            and path.startswith(other + ".")
            and position in tasks
            and tasks[position].plan_id == plan.pk
            and (best is None or len(other) > len(paths[best]))
        ):
            best = position
    return tasks[best] if best is not None else None


def _task_from_draft(
    user, draft: DraftDirective, plan: Plan, document: IntakeDocument, parent, path, reason, edits
):
    edits = edits or {}
    source = _source_document(user, document)
    clause = plans_actions.do_add_clause(
        user, source, draft.ordinal, draft.text, draft.span_start, draft.span_end
    )
    leads = _units(edits.get("responsible", draft.responsible), "lead", "responsible" in edits)
    co = _units(edits.get("co_units", draft.co_units), "co_units", "co_units" in edits)
    title = (edits.get("title") or "").strip() or _title_of(draft)
    chinese = bool(re.search(r"[\u3400-\u9fff]", title))
    deadline = edits.get("deadline", draft.deadline)
    start = document.published or timezone.localdate()
    if deadline is not None and deadline < start:
        start = deadline
    task = plans_actions.do_create_task(
        user,
        reason=reason or _("accepted from the intake"),
        plan=plan,
        parent=parent,
        reference=_reference(plan, document, path, draft.position),
        kind="directive",
        title_zh=title if chinese else "",
        title_en="" if chinese else title,
        description=draft.text,
        source_clause=clause,
        lead_unit=leads[0] if leads else None,
        start_date=start,
        deadline=deadline,
    )
    for unit in [*leads[1:], *co]:
        if unit != task.lead_unit:
            plans_actions.do_assign(user, task, unit, "co")
    changes = {"task": [None, task.reference]}
    for name, value in edits.items():
        before = getattr(draft, name)
        if str(value) != str(before):
            changes[name] = [str(before), str(value)]
            setattr(draft, name, value)
    draft.decision, draft.decided_by, draft.decided_at = Decision.ACCEPTED, user, timezone.now()
    draft.task = task
    draft.version += 1
    draft.save()
    record_event(user, "accepted", draft, changes, reason)
    return task


def _plan(plan_id) -> Plan:
    plan = Plan.objects.active().filter(pk=plan_id).first() if str(plan_id).isdigit() else None
    if plan is None:
        raise ValidationError({"plan": _("Choose the plan the new task belongs to.")})
    return plan


@transaction.atomic
def do_accept_draft(user, draft: DraftDirective, plan_id, reason: str = "", edits=None):
    """Turn a draft directive into a task of a plan, linked to its clause in the source,
    with its deadline, lead and co-units, under the task of the draft it belongs to.
    `edits` (title, deadline, responsible, co_units) are the reviewer's corrections."""
    _require(user, "intake.review", draft)
    draft = DraftDirective.objects.select_for_update().get(pk=draft.pk)
    if draft.decision != Decision.PENDING:
        raise ValidationError(_("This draft was already decided."))
    plan = _plan(plan_id)
    document = IntakeDocument.objects.select_for_update().get(pk=draft.document_id)
    paths = draft_numbers(document)
    tasks = {d.position: d.task for d in document.drafts.exclude(task=None).select_related("task")}
    path = paths.get(draft.position, "")
    parent = _parent_of(path, paths, tasks, plan) if path else None
    return _task_from_draft(user, draft, plan, document, parent, path, reason, edits)


@transaction.atomic
def do_accept_all(user, document: IntakeDocument, plan_id, reason: str = "") -> list:
    """Every pending draft of a document as a task tree of the plan, in the document's
    own outline and numbering; a recurring report the document requires becomes the
    plan's reporting rule. The document is registered as one source document only."""
    _require(user, "intake.review", document)
    plan = _plan(plan_id)
    document = IntakeDocument.objects.select_for_update().get(pk=document.pk)
    paths = draft_numbers(document)
    drafts = list(document.drafts.select_related("task").order_by("position"))
    tasks = {d.position: d.task for d in drafts if d.task_id}
    created = []
    for draft in drafts:
        if draft.decision != Decision.PENDING:
            continue
        path = paths.get(draft.position, "")
        parent = _parent_of(path, paths, tasks, plan) if path else None
        task = _task_from_draft(user, draft, plan, document, parent, path, reason, None)
        tasks[draft.position] = task
        created.append(task)
    if not created:
        raise ValidationError(_("No draft of this document is waiting for a decision."))
    _adopt_reporting_rule(user, plan, drafts, reason)
    return created


def _adopt_reporting_rule(user, plan: Plan, drafts: list[DraftDirective], reason: str) -> None:
    """A monthly or quarterly report the document requires ("每季度最后一个月25日前报送")
    sets the plan's reporting period and due day."""
    for draft in drafts:
        rule = draft.reporting_rule or {}
        months = {"month": 1, "quarter": 3}.get(rule.get("period", ""))
        day = re.search(r"(\d{1,2})(?:日|号|st|nd|rd|th)", rule.get("due") or "")
        if months is None:
            continue
        fields = {"report_every_months": months}
        if day is not None:
            fields["report_due_day"] = min(28, max(1, int(day[1])))
        if any(getattr(plan, name) != value for name, value in fields.items()):
            plans_actions.do_update_plan(
                user,
                plan,
                plan.version,
                reason or _("reporting rule of %s") % (draft.document.title or draft.document.name),
                **fields,
            )
        return


@transaction.atomic
def do_merge_draft(user, draft: DraftDirective, reference: str, reason: str = ""):
    """Record that a draft is a task already under supervision: no new task, the draft
    points to the existing one."""
    _require(user, "intake.review", draft)
    draft = DraftDirective.objects.select_for_update().get(pk=draft.pk)
    if draft.decision != Decision.PENDING:
        raise ValidationError(_("This draft was already decided."))
    task = Task.objects.active().filter(reference=(reference or "").strip()).first()
    if task is None:
        raise ValidationError({"task": _("No task has the reference %s.") % (reference or "—")})
    draft.decision, draft.decided_by, draft.decided_at = Decision.ACCEPTED, user, timezone.now()
    draft.task = task
    draft.version += 1
    draft.save()
    record_event(user, "merged", draft, {"task": [None, task.reference]}, reason)
    return task


@transaction.atomic
def do_reject_draft(user, draft: DraftDirective, reason: str = "") -> DraftDirective:
    _require(user, "intake.review", draft)
    draft = DraftDirective.objects.select_for_update().get(pk=draft.pk)
    if draft.decision != Decision.PENDING:
        raise ValidationError(_("This draft was already decided."))
    draft.decision, draft.decided_by, draft.decided_at = Decision.REJECTED, user, timezone.now()
    draft.version += 1
    draft.save()
    record_event(user, "rejected", draft, {"decision": ["pending", "rejected"]}, reason)
    return draft
