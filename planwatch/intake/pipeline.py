"""One document in, one intake record out (see schema/intake-record.schema.json)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from planwatch.intake import meta
from planwatch.intake.clean import Cleaned, clean_html, clean_text
from planwatch.intake.directives import find_directives, is_collective
from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.link import fold, link, matchers_for
from planwatch.intake.read import IntakeError, Progress, read_path

_ISSUER_TITLE = re.compile(r"^\s*(?:the\s+)?(.+?)(?:'s\s|\s+on\s|关于)", re.I)


def intake_path(
    path: str | Path, gazetteer: Gazetteer, progress: Progress | None = None
) -> dict[str, Any]:
    """The record for a file, or {source_path, error} when it cannot be read."""
    try:
        source = read_path(path, progress=progress)
    except IntakeError as exc:
        return {"source_path": str(path), "error": str(exc)}
    record = intake_text(
        source.content, gazetteer, html=source.kind == "html", source_path=str(path)
    )
    record["warnings"] = source.warnings + record["warnings"]
    return record


def intake_text(
    content: str, gazetteer: Gazetteer, *, html: bool = False, source_path: str = "-"
) -> dict[str, Any]:
    """Clean, date, link and extract directives from one document's text or HTML."""
    cleaned = clean_html(content) if html else clean_text(content)
    return build_record(cleaned, gazetteer, source_path)


def build_record(cleaned: Cleaned, gazetteer: Gazetteer, source_path: str) -> dict[str, Any]:
    body = cleaned.body
    title = cleaned.title
    warnings: list[str] = []
    published = meta.publication_date(cleaned)
    if published is None:
        warnings.append("no publication date found; month-day dates left unresolved")
    events = meta.event_dates(body, published)
    linked = link([title or "", body], gazetteer)
    warnings += linked.warnings
    outlet = meta.source(cleaned)
    issuing = _issuing_body(cleaned, outlet, gazetteer)
    as_of = max((d for d in events if published is None or d <= published), default=published)
    people = [
        {**person, "as_of": as_of.isoformat() if as_of and person["posts"] else None}
        for person in linked.people
    ]
    directives = find_directives(
        body,
        gazetteer,
        linked.person_hits,
        linked.org_hits,
        title,
        published.year if published else None,
        issuing,
    )
    known = {o.canonical for o in gazetteer.organisations.values()}
    for directive in directives:
        for name in directive["responsible"]:
            if name not in known and not is_collective(name):
                warnings.append(f"proposal: new organisation {name!r} (named as responsible)")
    if not body:
        warnings.append("no main text found")
    return {
        "source_path": source_path,
        "language": meta.language(title, body),
        "title": title,
        "published": published.isoformat() if published else None,
        "event_dates": [d.isoformat() for d in events],
        "source": outlet or issuing,
        "authors": meta.authors(cleaned),
        "body": body,
        "people": people,
        "organisations": linked.organisations,
        "directives": directives,
        "warnings": list(dict.fromkeys(warnings)),
    }


def _issuing_body(cleaned: Cleaned, outlet: str | None, gazetteer: Gazetteer) -> str | None:
    """The organisation that issued an official document: its "Source:", title or sign-off."""
    m = matchers_for(gazetteer)
    candidates = [outlet] if outlet else []
    if cleaned.title and (found := _ISSUER_TITLE.match(cleaned.title)):
        candidates.append(found[1])
    candidates += [ln for ln in cleaned.meta_lines if len(ln) < 60 and not re.search(r"\d", ln)]
    for candidate in candidates:
        hits = [h for h in m.find(m.orgs, candidate, fold(candidate)) if h.kind == "name"]
        if hits and len(hits[0].text) >= len(candidate.strip(" :：")) * 0.8:
            return gazetteer.org_name(hits[0].keys[0])
    return None
