"""Finding the directory's people, posts and organisations in a text.

Aliases are matched by Aho-Corasick over a "compact" form of the text (case, width,
dash, quote and space blind), so "Jing Junhai", "Jingjunhai" and "JING Jun-hai" are one
pattern; a Latin match must start and end on word boundaries. pypinyin adds the Latin
spelling of Chinese-only names, rapidfuzz catches other misspellings, and jieba checks
that a short Chinese name is a word of its own. Posts are read only from the text right
next to a name ("Governor Jing Junhai", "Jing Junhai, Deputy Secretary ... and Acting
Governor", "省委副书记、省长景俊海"); nothing is filled in from the directory.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from planwatch.intake.gazetteer import Gazetteer

_FOLD_DROP = set(" \t\n-'·・")
_FOLD_CACHE: dict[str, str] = {}
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_WORD = re.compile(r"[A-Za-z0-9]")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_ACTING_BEFORE = re.compile(r"(?:\bacting\s+|代理|(?<![取替交])代)$", re.I)
_CONNECTOR_BEFORE = re.compile(r"(?:\s*(?:,|，|、|;|\band\b|兼|和|及)\s*)$", re.I)
_CONNECTOR_AFTER = re.compile(r"^(?:\s*(?:,\s*and|,|，|、|\band\b|兼)\s*)(?:the\s+)?", re.I)
_APPOSITION = re.compile(r"^\s*(?:,|，|\(|（)\s*(?:the\s+|who is (?:the\s+)?)?", re.I)
_OF_THE = re.compile(r"^\s+(?:of|for|in)\s+(?:the\s+)?", re.I)
_SPACE_ONLY = re.compile(r"^\s*$")
_LATIN_NAME = re.compile(r"(?=\b([A-Z][a-z]+(?:[ -][A-Za-z][a-z]+)?)\b)")
_UNKNOWN_EN = re.compile(r"^\s+((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+){1,2})\b")

# Words that name a post but are not in the directory: enough to propose a new person or post.
GENERIC_TITLES = (
    "Vice Governor", "Vice-Governor", "Deputy Governor", "Vice Mayor", "Deputy Mayor",
    "Director", "Deputy Director", "Minister", "Vice Minister", "Chairman", "Vice Chairman",
    "Chairwoman", "Chair", "Head", "Deputy Head", "President", "Commissioner", "Chief",
    "副省长", "副市长", "主任", "副主任", "厅长", "副厅长", "局长", "副局长", "部长", "副部长",
    "主席", "副主席", "区长", "县长", "党工委书记", "管委会主任", "董事长", "总经理", "市委书记",
    "市长", "书记", "组长", "副组长", "Leader", "Deputy Leader",
)  # fmt: skip
# Extra spellings of titles in the directory: text form -> title_en.
TITLE_VARIANTS = {
    "Party Secretary": "Secretary",
    "Secretary General": "Secretary-General",
    "Standing Committee Member": "Member",
    "Member of the Standing Committee": "Member",
    "常委": "Member",
}


def fold(text: str) -> tuple[str, list[int]]:
    """The compact form of `text` and, for each of its characters, the original offset."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    if len(norm) == len(text):
        norm = _DASHES.sub("-", norm)
        where = [i for i, c in enumerate(norm) if c not in _FOLD_DROP and not c.isspace()]
        return "".join([norm[i] for i in where]), where
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = _FOLD_CACHE.get(ch)
        if folded is None:
            folded = unicodedata.normalize("NFKC", ch).casefold()
            folded = _DASHES.sub("-", folded)
            folded = "".join(c for c in folded if c not in _FOLD_DROP and not c.isspace())
            _FOLD_CACHE[ch] = folded
        for c in folded:
            out.append(c)
            where.append(i)
    return "".join(out), where


def fold_key(text: str) -> str:
    return fold(text)[0]


@dataclass(frozen=True)
class Hit:
    """A matched name: kind is org, person, post (a known post) or title (a bare title)."""

    start: int
    end: int
    kind: str
    keys: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Phrase:
    """A post as stated in the text, e.g. "Acting Governor" or "省委副书记"."""

    start: int
    end: int
    posts: tuple[str, ...]
    text: str
    acting: bool = False


@dataclass
class Linked:
    people: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    person_hits: list[Hit] = field(default_factory=list)
    org_hits: list[Hit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Matchers:
    """Aho-Corasick automata for one gazetteer; build once, reuse for every document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.orgs = _automaton(
            (name, key)
            for key, org in gazetteer.organisations.items()
            for name in (*org.names, *_city_stem(org.name_zh, gazetteer))
        )
        self.people = _automaton(
            (name, key)
            for key, person in gazetteer.people.items()
            for name in (*person.names, *_person_variants(person.name_en, person.name_zh))
        )
        titles: dict[str, set[str]] = {}
        for key, post in gazetteer.posts.items():
            for title in (post.title_en, post.title_zh):
                if title:
                    titles.setdefault(title, set()).add(key)
        for variant, title in TITLE_VARIANTS.items():
            titles.setdefault(variant, set()).update(titles.get(title, set()))
        self.titles = {fold_key(t): tuple(sorted(keys)) for t, keys in titles.items() if keys}
        post_names = [
            (name, f"post:{key}") for key, p in gazetteer.posts.items() for name in p.aliases
        ]
        post_names += [(t, f"title:{t}") for t in titles if titles[t]]
        post_names += [(t, "generic:") for t in GENERIC_TITLES]
        self.posts = _automaton(post_names)
        self.fuzzy_names = {
            fold_key(p.name_en): key for key, p in self.gazetteer.people.items() if p.name_en
        }
        self.zh_names = [p.name_zh for p in gazetteer.people.values() if p.name_zh]
        self.by_pinyin = {
            _pinyin_key(p.name_zh): key for key, p in gazetteer.people.items() if p.name_zh
        } | self.fuzzy_names

    def find(self, automaton: Any, text: str, folded: tuple[str, list[int]]) -> list[Hit]:
        """Longest non-overlapping matches whose Latin ends sit on word boundaries."""
        compact, where = folded
        raw: list[tuple[int, int, str, tuple[str, ...]]] = []
        if not compact or len(automaton) == 0:
            return []
        for end, (length, values) in automaton.iter(compact):
            start = end - length + 1
            s, e = where[start], where[end] + 1
            if _WORD.match(text[s]) and s > 0 and _WORD.match(text[s - 1]):
                continue
            if _WORD.match(text[e - 1]) and e < len(text) and _WORD.match(text[e]):
                continue
            raw.append((s, e, values[0], values[1]))
        raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
        taken: list[Hit] = []
        used = bytearray(len(text) + 1)
        for s, e, kind, keys in raw:
            if any(used[s:e]):
                continue
            used[s:e] = b"\x01" * (e - s)
            taken.append(Hit(s, e, kind, keys, text[s:e]))
        return sorted(taken, key=lambda h: h.start)


def _automaton(names: Any) -> Any:
    grouped: dict[str, set[str]] = {}
    for name, key in names:
        folded = fold_key(name)
        if folded:
            grouped.setdefault(folded, set()).add(key)
    automaton = ahocorasick.Automaton()
    for folded, keys in grouped.items():
        kinds = {k.split(":", 1)[0] for k in keys if ":" in k}
        if kinds:
            kind = "post" if "post" in kinds else ("title" if "title" in kinds else "generic")
            values = tuple(sorted(k.split(":", 1)[1] for k in keys if k.startswith(kind + ":")))
        else:
            kind, values = "name", tuple(sorted(keys))
        automaton.add_word(folded, (len(folded), (kind, values)))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _city_stem(name_zh: str, gazetteer: Gazetteer) -> list[str]:
    """Chinese city names drop 市 ("公主岭"), unless the stem names the province ("吉林省")."""
    if not name_zh.endswith("市") or len(name_zh) < 3:
        return []
    stem = name_zh[:-1]
    clash = any(
        o.name_zh.startswith(stem + "省") for o in gazetteer.organisations.values() if o.name_zh
    )
    return [] if clash else [stem]


def _person_variants(name_en: str, name_zh: str) -> list[str]:
    """Western order ("Junhai Jing") and the pinyin of a Chinese-only name."""
    variants = []
    parts = name_en.split()
    if len(parts) == 2:
        variants.append(f"{parts[1]} {parts[0]}")
    if name_zh and not name_en:
        variants.append(_pinyin_key(name_zh))
    return variants


def _pinyin_key(name_zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name_zh)).lower()


@cache
def _tokenizer() -> Any:
    """jieba is slow to start: one tokenizer per process, created on first Chinese text."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    return jieba.posseg.POSTokenizer(tokenizer)


def chinese_words(gazetteer: Gazetteer) -> Any:
    """The jieba tokenizer with the gazetteer's Chinese names as a user dictionary."""
    tokenizer = _tokenizer()
    if not gazetteer.__dict__.get("_jieba_words"):
        for person in gazetteer.people.values():
            if person.name_zh:
                tokenizer.tokenizer.add_word(person.name_zh, 100000, "nr")
        for org in gazetteer.organisations.values():
            for name in org.names:
                if re.search(r"[\u4e00-\u9fff]", name):
                    tokenizer.tokenizer.add_word(name, 50000, "nt")
        for post in gazetteer.posts.values():
            for name in (post.title_zh, *post.aliases):
                if name and re.search(r"[\u4e00-\u9fff]", name):
                    tokenizer.tokenizer.add_word(name, 50000, "n")
        for title in GENERIC_TITLES:
            if re.search(r"[\u4e00-\u9fff]", title):
                tokenizer.tokenizer.add_word(title, 50000, "n")
        gazetteer.__dict__["_jieba_words"] = True
    return tokenizer


def matchers_for(gazetteer: Gazetteer) -> Matchers:
    """The automata of `gazetteer`, built on first use and kept on it (freed with it)."""
    matchers = gazetteer.__dict__.get("_matchers")
    if matchers is None:
        matchers = gazetteer.__dict__["_matchers"] = Matchers(gazetteer)
    return matchers


def _phrases(text: str, org_hits: list[Hit], post_hits: list[Hit], m: Matchers) -> list[Phrase]:
    """Post phrases: a known post alias, or a title composed with an adjacent organisation."""
    gaz = m.gazetteer
    orgs_by_start = {h.start: h for h in org_hits}
    orgs_by_end = {h.end: h for h in org_hits}
    phrases = []
    for hit in post_hits:
        start, end, posts = hit.start, hit.end, hit.keys
        if hit.kind in {"title", "generic"}:
            candidates = m.titles.get(fold_key(hit.text), ()) if hit.kind == "title" else ()
            after = _OF_THE.match(text[end:])
            org = orgs_by_start.get(end + after.end()) if after else None
            before = orgs_by_end.get(start) or orgs_by_end.get(start - 1)
            if before is not None and not _SPACE_ONLY.match(text[before.end : start]):
                before = None
            posts = candidates
            if org is not None and (hit.kind == "generic" or _post_of(gaz, candidates, org.keys)):
                posts, end = _post_of(gaz, candidates, org.keys), org.end
            elif before is not None and (
                hit.kind == "generic" or _post_of(gaz, candidates, before.keys)
            ):
                posts, start = _post_of(gaz, candidates, before.keys), before.start
        acting = _ACTING_BEFORE.search(text[max(0, start - 8) : start])
        if acting:
            start -= len(acting.group())
        phrases.append(Phrase(start, end, tuple(posts), text[start:end], bool(acting)))
    return phrases


def _post_of(gaz: Gazetteer, candidates: tuple[str, ...], orgs: tuple[str, ...]) -> tuple[str, ...]:
    """The candidate post held in one of `orgs` or in a body directly under one of them."""
    exact = tuple(p for p in candidates if gaz.posts[p].organisation in orgs)
    if exact:
        return exact
    return tuple(
        p
        for p in candidates
        if gaz.organisations.get(gaz.posts[p].organisation)
        and gaz.organisations[gaz.posts[p].organisation].parent in orgs
    )


def _chain(text: str, name: Hit, phrases: list[Phrase], starts: set[int]) -> list[Phrase]:
    """The post phrases attached to a name: right before it, in apposition after it, or
    right after a Chinese name ("景俊海省长")."""
    by_end = {p.end: p for p in phrases}
    by_start = {p.start: p for p in phrases}
    found = []
    pos = name.start
    while True:
        stripped = len(text[:pos].rstrip())
        phrase = by_end.get(stripped)
        if phrase is None or (pos == name.start and pos - stripped > 1):
            break
        found.append(phrase)
        connector = _CONNECTOR_BEFORE.search(text[max(0, phrase.start - 8) : phrase.start])
        if connector is None:
            break
        pos = phrase.start - len(connector.group())
    if re.search(r"[\u4e00-\u9fff]", name.text):
        if (phrase := by_start.get(name.end)) is not None and phrase.posts:
            found.append(phrase)
        return found
    after = _APPOSITION.match(text[name.end :])
    if after:
        pos = name.end + after.end()
        chain = []
        while (phrase := by_start.get(pos)) is not None:
            chain.append(phrase)
            connector = _CONNECTOR_AFTER.match(text[phrase.end :])
            if connector is None:
                break
            pos = phrase.end + connector.end()
        if chain:
            gap = re.match(r"\s*", text[chain[-1].end : chain[-1].end + 4])
            if gap is not None and chain[-1].end + gap.end() in starts:
                chain.pop()
        found += chain
    return found


def link(texts: list[str], gazetteer: Gazetteer) -> Linked:
    """People with the posts stated next to them, and organisations, in `texts`.

    `texts` are the title and the body; the hits kept for directives are the body's
    (the last text), so their offsets are offsets into the body.
    """
    m = matchers_for(gazetteer)
    result = Linked()
    people: dict[str, dict[str, Any]] = {}
    orgs: dict[str, dict[str, Any]] = {}
    for index, text in enumerate(texts):
        folded = fold(text)
        org_hits = [h for h in m.find(m.orgs, text, folded) if h.kind == "name"]
        person_hits = [
            h for h in m.find(m.people, text, folded) if _accept_person(h, text, gazetteer)
        ]
        post_hits = m.find(m.posts, text, folded)
        person_hits += _spelling_variants(text, person_hits, org_hits + post_hits, m, result)
        phrases = _phrases(text, org_hits, post_hits, m)
        person_hits += _pinyin_names(text, phrases, person_hits, m, result)
        for hit in org_hits:
            entry = orgs.setdefault(
                hit.keys[0], {"name": gazetteer.org_name(hit.keys[0]), "mentions": []}
            )
            if hit.text not in entry["mentions"]:
                entry["mentions"].append(hit.text)
        starts = {h.start for h in person_hits}
        for hit in sorted(person_hits, key=lambda h: h.start):
            key = hit.keys[0]
            person = people.setdefault(
                key,
                {
                    "name": gazetteer.people[key].canonical,
                    "mentions": [],
                    "posts": [],
                    "_seen": set(),
                },
            )
            if hit.text not in person["mentions"]:
                person["mentions"].append(hit.text)
            for phrase in _chain(text, hit, phrases, starts):
                _add_post(person, key, phrase, gazetteer, result)
        _unknown_people(text, phrases, person_hits, gazetteer, result)
        if index == len(texts) - 1:
            result.person_hits = sorted(person_hits, key=lambda h: h.start)
            result.org_hits = org_hits
    for person in people.values():
        person.pop("_seen")
    result.people = list(people.values())
    result.organisations = list(orgs.values())
    return result


def _accept_person(hit: Hit, text: str, gazetteer: Gazetteer) -> bool:
    """A two- or three-character Chinese name must be a word of its own, not part of one."""
    if not _CJK_NAME.match(hit.text):
        return True
    window_start = max(0, hit.start - 6)
    window = text[window_start : hit.end + 6]
    offset = 0
    bounds = {0}
    for word in chinese_words(gazetteer).tokenizer.cut(window, HMM=False):
        offset += len(word)
        bounds.add(offset)
    return hit.start - window_start in bounds and hit.end - window_start in bounds


def _add_post(
    person: dict[str, Any], key: str, phrase: Phrase, gaz: Gazetteer, result: Linked
) -> None:
    posts = phrase.posts
    if len(posts) > 1:
        known = tuple(p for p in posts if p in gaz.known_posts_of(key))
        posts = known if len(known) == 1 else posts
    if len(posts) != 1:
        name = person["name"]
        result.warnings.append(
            f"proposal: new post {phrase.text!r} for {name}"
            if not posts
            else f"ambiguous post {phrase.text!r} for {name}; not recorded"
        )
        return
    post = gaz.posts[posts[0]]
    marker = (post.key, phrase.acting)
    if marker in person["_seen"]:
        return
    person["_seen"].add(marker)
    person["posts"].append(
        {
            "title": post.title,
            "organisation": gaz.org_name(post.organisation),
            "acting": phrase.acting,
        }
    )


def _spelling_variants(
    text: str, hits: list[Hit], others: list[Hit], m: Matchers, result: Linked
) -> list[Hit]:
    """Capitalised words close to a known name ("Jing Junhia"): link them, propose an alias."""
    from rapidfuzz import fuzz, process

    if not m.fuzzy_names:
        return []
    covered = bytearray(len(text) + 1)
    for h in (*hits, *others):
        covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    found = []
    for match in _LATIN_NAME.finditer(text):
        s, e = match.span(1)
        key = match[1].lower().replace(" ", "").replace("-", "")
        if any(covered[s:e]) or len(key) < 7:
            continue
        best = process.extractOne(key, m.fuzzy_names.keys(), scorer=fuzz.ratio, score_cutoff=86)
        if best is None or best[0][0] != key[0]:
            continue
        person = m.fuzzy_names[best[0]]
        covered[s:e] = b"\x01" * (e - s)
        found.append(Hit(s, e, "name", (person,), match[1]))
        result.warnings.append(
            f"proposal: new alias {match[1]!r} for person "
            f"{m.gazetteer.people[person].canonical} (spelling variant)"
        )
    return found


def _pinyin_names(
    text: str, phrases: list[Phrase], hits: list[Hit], m: Matchers, result: Linked
) -> list[Hit]:
    """A Chinese name after a post whose pinyin is a known person's name: same person."""
    taken = {h.start for h in hits}
    found = []
    for phrase in phrases:
        candidate = re.match(r"[\u4e00-\u9fff]{2,3}", text[phrase.end : phrase.end + 3])
        if (
            candidate is None
            or phrase.end in taken
            or not re.search(r"[\u4e00-\u9fff]", phrase.text)
        ):
            continue
        for size in (3, 2):
            name = candidate.group()[:size]
            person = m.by_pinyin.get(_pinyin_key(name))
            if person and name not in m.zh_names:
                found.append(Hit(phrase.end, phrase.end + size, "name", (person,), name))
                result.warnings.append(
                    f"proposal: new alias {name!r} for person "
                    f"{m.gazetteer.people[person].canonical} (same pinyin)"
                )
                break
    return found


def _unknown_people(
    text: str, phrases: list[Phrase], hits: list[Hit], gaz: Gazetteer, result: Linked
) -> None:
    """A post followed by a name the directory lacks: propose a new person."""
    starts = {h.start for h in hits}
    for phrase in phrases:
        tail = text[phrase.end : phrase.end + 40]
        name = None
        if m := _UNKNOWN_EN.match(tail):
            if phrase.end + len(tail) - len(tail.lstrip()) not in starts:
                name = m[1]
        elif re.search(r"[\u4e00-\u9fff]$", phrase.text) and phrase.end not in starts:
            words = list(chinese_words(gaz).cut(tail[:8], HMM=True))
            if words and words[0].flag == "nr" and 2 <= len(words[0].word) <= 3:
                name = words[0].word
        if name:
            result.warnings.append(f"proposal: new person {name!r} ({phrase.text})")
