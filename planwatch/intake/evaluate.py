"""Per-field scores of intake records against hand-made expected records (issue 5 and 10
targets).

Directives are matched one to one by their spans when both records have the same body,
else by how much of the shorter text the longer one contains, so that a record with a
slightly different body still gets credit for the same requirement.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.pipeline import intake_path

CORPUS = Path(__file__).resolve().parent / "tests" / "corpus"

TARGETS = {
    "furniture_lines_left": 0,
    "published_accuracy": 1.0,
    "people_posts_recall": 0.95,
    "directives_f1": 0.95,
    "responsible_accuracy": 0.90,
    "deadline_accuracy": 0.95,
}


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    documents: int = 0
    furniture_lines_left: int = 0
    body_paragraphs_lost: int = 0
    published_right: int = 0
    titles_right: int = 0
    languages_right: int = 0
    sources_right: int = 0
    authors_right: int = 0
    people_posts: Tally = field(default_factory=Tally)
    people: Tally = field(default_factory=Tally)
    organisations: Tally = field(default_factory=Tally)
    directives: Tally = field(default_factory=Tally)
    responsible_named: int = 0
    responsible_right: int = 0
    deadlines_stated: int = 0
    deadlines_right: int = 0
    rules_stated: int = 0
    rules_right: int = 0
    issuer_right: int = 0
    ordinal_right: int = 0
    event_dates: Tally = field(default_factory=Tally)
    failures: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        n = max(1, self.documents)
        matched = max(1, self.directives.correct)
        return {
            "documents": self.documents,
            "furniture_lines_left": self.furniture_lines_left,
            "body_paragraphs_lost": self.body_paragraphs_lost,
            "published_accuracy": self.published_right / n,
            "title_accuracy": self.titles_right / n,
            "language_accuracy": self.languages_right / n,
            "source_accuracy": self.sources_right / n,
            "authors_accuracy": self.authors_right / n,
            "people_recall": self.people.recall,
            "people_precision": self.people.precision,
            "people_posts_recall": self.people_posts.recall,
            "people_posts_precision": self.people_posts.precision,
            "organisations_recall": self.organisations.recall,
            "organisations_precision": self.organisations.precision,
            "directives_precision": self.directives.precision,
            "directives_recall": self.directives.recall,
            "directives_f1": self.directives.f1,
            "responsible_accuracy": (
                self.responsible_right / self.responsible_named if self.responsible_named else 1.0
            ),
            "deadline_accuracy": (
                self.deadlines_right / self.deadlines_stated if self.deadlines_stated else 1.0
            ),
            "reporting_rule_accuracy": (
                self.rules_right / self.rules_stated if self.rules_stated else 1.0
            ),
            "issuer_accuracy": self.issuer_right / matched,
            "ordinal_accuracy": self.ordinal_right / matched,
            "event_dates_precision": self.event_dates.precision,
            "event_dates_recall": self.event_dates.recall,
        }

    def misses(self) -> dict[str, float]:
        """The issue-5 targets this run does not meet, with the figure reached."""
        figures = self.figures()
        return {
            name: figures[name]
            for name, target in TARGETS.items()
            if (
                figures[name] > target if name == "furniture_lines_left" else figures[name] < target
            )
        }


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _shingles(text: str) -> set[str]:
    flat = _key(text)
    return {flat[i : i + 3] for i in range(max(1, len(flat) - 2))}


def _same_directive(got: dict[str, Any], want: dict[str, Any], same_body: bool) -> bool:
    if same_body:
        (a, b), (c, d) = got["span"], want["span"]
        overlap = min(b, d) - max(a, c)
        return overlap > 0 and overlap >= 0.5 * min(b - a, d - c)
    x, y = _shingles(got["text"]), _shingles(want["text"])
    return len(x & y) >= 0.6 * min(len(x), len(y))


def _post_pairs(record: dict[str, Any]) -> set[tuple[str, str, str | None, bool]]:
    return {
        (p["name"], post["title"], post.get("organisation"), bool(post.get("acting", False)))
        for p in record.get("people", [])
        for post in p.get("posts", [])
    }


def score_one(scores: Scores, got: dict[str, Any], want: dict[str, Any]) -> None:
    """Add one document's comparison to `scores`."""
    name = want.get("source_path", "?")
    scores.documents += 1
    if "error" in got:
        scores.failures.append(f"{name}: {got['error']}")
        got = {}
    want_paragraphs = {_key(p) for p in want["body"].split("\n\n") if p.strip()}
    got_paragraphs = [p for p in got.get("body", "").split("\n\n") if p.strip()]
    left = [p for p in got_paragraphs if _key(p) not in want_paragraphs]
    scores.furniture_lines_left += len(left)
    scores.failures += [f"{name}: not in the expected body: {p[:70]!r}" for p in left]
    lost = want_paragraphs - {_key(p) for p in got_paragraphs}
    scores.body_paragraphs_lost += len(lost)
    if got.get("published") == want["published"]:
        scores.published_right += 1
    else:
        scores.failures.append(f"{name}: published {got.get('published')} != {want['published']}")
    scores.titles_right += got.get("title") == want["title"]
    scores.languages_right += got.get("language") == want["language"]
    scores.sources_right += got.get("source") == want.get("source")
    scores.authors_right += got.get("authors", []) == want.get("authors", [])
    _tally(
        scores.people,
        {p["name"] for p in got.get("people", [])},
        {p["name"] for p in want["people"]},
    )
    _tally(scores.people_posts, _post_pairs(got), _post_pairs(want), scores.failures, name)
    _tally(
        scores.organisations,
        {o["name"] for o in got.get("organisations", [])},
        {o["name"] for o in want["organisations"]},
    )
    _tally(scores.event_dates, set(got.get("event_dates", [])), set(want.get("event_dates", [])))
    _score_directives(scores, got, want, name)


def _tally(
    tally: Tally, got: set[Any], want: set[Any], failures: list[str] | None = None, name: str = ""
) -> None:
    tally.found += len(got)
    tally.expected += len(want)
    tally.correct += len(got & want)
    if failures is not None:
        failures += [f"{name}: missed {item}" for item in want - got]


def _score_directives(scores: Scores, got: dict[str, Any], want: dict[str, Any], name: str) -> None:
    same_body = got.get("body") == want["body"]
    remaining = list(got.get("directives", []))
    scores.directives.found += len(remaining)
    scores.directives.expected += len(want["directives"])
    for expected in want["directives"]:
        match = next((d for d in remaining if _same_directive(d, expected, same_body)), None)
        if match is None:
            scores.failures.append(f"{name}: missed directive {expected['text'][:60]!r}")
            continue
        remaining.remove(match)
        scores.directives.correct += 1
        scores.issuer_right += match.get("issuer") == expected.get("issuer")
        scores.ordinal_right += match.get("ordinal") == expected.get("ordinal")
        _score_bodies_and_dates(scores, match, expected, name)
    scores.failures += [f"{name}: extra directive {d['text'][:60]!r}" for d in remaining]


def _score_bodies_and_dates(
    scores: Scores, got: dict[str, Any], want: dict[str, Any], name: str
) -> None:
    """Lead and co-units together; the deadline when the text states one; the reporting
    rule's period when it requires one."""
    lead, co = set(want["responsible"]), set(want.get("co_units") or [])
    if lead or co:
        scores.responsible_named += 1
        got_lead, got_co = set(got["responsible"]), set(got.get("co_units") or [])
        if (got_lead, got_co) == (lead, co):
            scores.responsible_right += 1
        else:
            scores.failures.append(
                f"{name}: responsible {sorted(got_lead)} + {sorted(got_co)} "
                f"!= {sorted(lead)} + {sorted(co)}"
            )
    if want.get("deadline"):
        scores.deadlines_stated += 1
        if got.get("deadline") == want["deadline"]:
            scores.deadlines_right += 1
        else:
            scores.failures.append(
                f"{name}: deadline {got.get('deadline')} != {want['deadline']} "
                f"({want.get('deadline_as_written')!r})"
            )
    if want.get("reporting_rule"):
        scores.rules_stated += 1
        rule = got.get("reporting_rule") or {}
        if rule.get("period") == want["reporting_rule"]["period"]:
            scores.rules_right += 1
        else:
            scores.failures.append(f"{name}: reporting rule {rule} != {want['reporting_rule']}")


def expected_records(corpus: Path = CORPUS) -> Iterable[tuple[Path, dict[str, Any]]]:
    for path in sorted(corpus.glob("*.expected.json")):
        document = path.with_name(path.name.removesuffix(".expected.json"))
        yield document, json.loads(path.read_text(encoding="utf-8"))


def evaluate_corpus(
    gazetteer: Gazetteer, corpus: Path = CORPUS, only: Iterable[str] | None = None
) -> Scores:
    """Run the intake over every corpus document that has an expected record (or over
    the named ones only)."""
    names = set(only) if only is not None else None
    scores = Scores()
    for document, want in expected_records(corpus):
        if names is None or document.name in names:
            score_one(scores, intake_path(document, gazetteer), want)
    return scores
