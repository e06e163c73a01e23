"""Inferring who held a post when, from dated evidence. Pure functions: no database.

Reports rarely say when someone took or left a post; they say the person held it on
the day of an event. The rules, and nothing more, turn that evidence into spans:

- consecutive evidence of one person for a post is one continuous tenure, even when
  the person was first reported as acting and later in the full post;
- on a single-holder post, a newer holder's first evidence closes the earlier
  holder's tenure;
- a tenure is *reported* between its first and last evidence (or its stated start
  and end); after the last evidence it is only *presumed* to go on, until something
  closes it; before the first evidence nothing is claimed.
"""

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Literal

Basis = Literal["reported", "presumed"]


@dataclass(frozen=True)
class Evidence:
    person_id: int
    post_id: int
    as_of: dt.date | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    acting: bool = False
    source: str = ""
    tenure_id: int | None = None

    @property
    def first_date(self) -> dt.date:
        return self.start_date or self.as_of or self.end_date  # type: ignore[return-value]

    @property
    def last_date(self) -> dt.date:
        return self.end_date or self.as_of or self.start_date  # type: ignore[return-value]


@dataclass
class Span:
    """One continuous tenure of one person in one post, as far as the evidence shows."""

    person_id: int
    post_id: int
    evidence: list[Evidence] = field(default_factory=list)
    closed_by: dt.date | None = None

    @property
    def first_seen(self) -> dt.date:
        return min(e.first_date for e in self.evidence)

    @property
    def last_seen(self) -> dt.date:
        return max(e.last_date for e in self.evidence)

    @property
    def start(self) -> dt.date | None:
        """The stated start date, when the evidence gives one."""
        starts = [e.start_date for e in self.evidence if e.start_date]
        return min(starts) if starts else None

    @property
    def end(self) -> dt.date | None:
        """The stated end date, when the evidence gives one."""
        ends = [e.end_date for e in self.evidence if e.end_date]
        return max(ends) if ends else None

    def basis_on(self, day: dt.date) -> Basis | None:
        """How we know the person held the post on `day`, or None if we do not."""
        if day < (self.start or self.first_seen):
            return None
        if self.end is not None:
            return "reported" if day <= self.end else None
        if day <= self.last_seen:
            return "reported"
        if self.closed_by is not None and day >= self.closed_by:
            return None
        return "presumed"

    def acting_on(self, day: dt.date) -> bool:
        """Acting status as last reported on or before `day`."""
        known = [e for e in self.evidence if e.first_date <= day] or self.evidence[:1]
        return max(known, key=lambda e: e.first_date).acting

    @property
    def phases(self) -> list[tuple[dt.date, bool]]:
        """(date, acting) at each change of acting status: acting, then full post."""
        result: list[tuple[dt.date, bool]] = []
        for e in sorted(self.evidence, key=lambda e: e.first_date):
            if not result or result[-1][1] != e.acting:
                result.append((e.first_date, e.acting))
        return result


def infer_spans(evidence: list[Evidence], single_holder: bool) -> list[Span]:
    """Turn all the evidence for one post into tenure spans, oldest first."""
    ordered = sorted(evidence, key=lambda e: (e.first_date, e.last_date))
    spans: list[Span] = []
    if single_holder:
        for person_id, run in groupby(ordered, key=lambda e: e.person_id):
            items = list(run)
            spans.extend(_split_on_stated_end(person_id, items))
        for earlier, later in zip(spans, spans[1:], strict=False):
            if earlier.person_id != later.person_id or earlier.end is not None:
                earlier.closed_by = later.first_seen
    else:
        by_person: dict[int, list[Evidence]] = {}
        for e in ordered:
            by_person.setdefault(e.person_id, []).append(e)
        for person_id, items in by_person.items():
            spans.extend(_split_on_stated_end(person_id, items))
        spans.sort(key=lambda s: s.first_seen)
    return spans


def _split_on_stated_end(person_id: int, items: list[Evidence]) -> list[Span]:
    """A stated end date followed by later evidence means the person held the post twice."""
    spans = [Span(person_id=person_id, post_id=items[0].post_id)]
    for e in items:
        current = spans[-1]
        if current.evidence and current.end is not None and e.first_date > current.end:
            current = Span(person_id=person_id, post_id=e.post_id)
            spans.append(current)
        current.evidence.append(e)
    return spans
