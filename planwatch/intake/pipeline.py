"""One document in, one intake record out (see schema/intake-record.schema.json)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from planwatch.intake import deadlines, meta
from planwatch.intake.clean import Cleaned, clean_html, clean_text
from planwatch.intake.directives import DEFINED, find_directives, is_collective
from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.link import fold, link, matchers_for
from planwatch.intake.people import reporters, unknown_people
from planwatch.intake.read import IntakeError, Progress, read_path

_NEW_PERSON = re.compile(r"^proposal: new person '([^']*)'")
_ZH_ISSUER_TITLE = re.compile(
    r"^([\u4e00-\u9fff（）]{2,30}?(?:政府|办公厅|办公室|委员会|管委会|局|厅|委|部|办))关于"
)
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
    title = meta.labelled_title(cleaned) or cleaned.title
    warnings: list[str] = []
    published = meta.publication_date(cleaned)
    if published is None:
        warnings.append("no publication date found; month-day dates left unresolved")
    on = published or _year_of(title)
    times = deadlines.timing(body, on)
    events = meta.event_dates(body, published, times.spans())
    linked = link([title or "", body], gazetteer)
    warnings += linked.warnings
    outlet = meta.source(cleaned)
    issuing = _issuing_body(cleaned, outlet, gazetteer)
    as_of = max((d for d in events if published is None or d <= published), default=published)
    found = linked.people + unknown_people(body, linked.person_hits, linked.org_hits, gazetteer)
    named = {m for p in found for m in (p["name"], *p["mentions"])}
    found += [p for p in reporters(meta.bylines(cleaned), outlet) if p["name"] not in named]
    named |= {p["name"] for p in found}
    warnings = [
        w for w in warnings if not _NEW_PERSON.match(w) or _NEW_PERSON.match(w)[1] not in named
    ]
    people = [
        {**person, "as_of": as_of.isoformat() if as_of and person["posts"] else None}
        for person in found
    ]
    defined = _defined_names(body, linked.org_hits, gazetteer)
    directives = find_directives(
        body,
        gazetteer,
        linked.person_hits,
        linked.org_hits,
        title,
        published.year if published else None,
        issuing,
        on=on,
        defined=defined,
        times=times,
    )
    known = {o.canonical for o in gazetteer.organisations.values()}
    organisations = linked.organisations
    new_bodies: dict[str, list[str]] = {}
    for short, name in defined.items():
        if name not in known:
            new_bodies.setdefault(name, [name]).append(short)
    for directive in directives:
        for name in directive["responsible"] + directive["co_units"]:
            if name not in known and not is_collective(name):
                warnings.append(f"proposal: new organisation {name!r} (named as responsible)")
                new_bodies.setdefault(name, [name])
    organisations += [{"name": n, "mentions": m} for n, m in new_bodies.items()]
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
        "organisations": organisations,
        "directives": directives,
        "warnings": list(dict.fromkeys(warnings)),
    }


def _year_of(title: str | None) -> dt.date | None:
    """A document without a date still names its year in its title ("2026年重点任务")."""
    found = re.search(r"(?<!\d)(20\d\d)(?:\s*年|\b)", title or "")
    return dt.date(int(found[1]), 1, 1) if found else None


def _defined_names(body: str, org_hits: list, gazetteer: Gazetteer) -> dict[str, str]:
    """Short names the text defines: "State Power Investment Corporation (hereinafter
    SPIC)", "大韩贸易投资振兴公社（以下简称KOTRA）"; a directory name stays canonical."""
    found: dict[str, str] = {}
    if not re.search(r"hereinafter|简称|下称", body):
        return found
    for m in DEFINED.finditer(body):
        name = re.sub(r"^(?:the|与|和|同)\s*", "", m["name"], flags=re.I).strip()
        hit = next((h for h in org_hits if h.end == m.end("name")), None)
        if hit is not None and hit.end - hit.start >= len(name) * 0.8:
            name = gazetteer.org_name(hit.keys[0])
        found[m["short"]] = name
    return found


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
    if cleaned.title and (found := _ZH_ISSUER_TITLE.match(cleaned.title)):
        return found[1]
    return None
