"""Title, dates, outlet, reporters and language, by explicit patterns.

Only patterns: a guesser that finds dates in any number-like text invents events, and a
wrong date is worse than none because reports are filed by it.
"""

from __future__ import annotations

import datetime as dt
import re

from planwatch.intake.clean import BYLINE, CJK, DATE_RE, META_LABELS, TIME_RE, Cleaned

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ZH_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}

_FULL_DATE = re.compile(DATE_RE, re.I)
_MONTH_DAY_EN = re.compile(
    rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})(?!\s*(?:st|nd|rd|th))"
)
_DAY_MONTH_EN = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b(?!\s*,?\s*\d{{4}})")
_MONTH_DAY_ZH = re.compile(r"(?<![年\d])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DAY_ZH = re.compile(r"(?<![月\d年])(\d{1,2})日(?=[上下中早晚夜，,在至到])")
_RELATIVE = re.compile(r"\byesterday\b|昨天|昨日", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    rf"\b(?:(last|this past)|on)\s+({'|'.join(_WEEKDAYS)})\b|上(?:周|星期)([一二三四五六日天])",
    re.I,
)
# Every date form above has a digit, a weekday or 昨/上周: paragraphs without are skipped.
_DATE_HINT = re.compile(r"\d|day\b|昨|上周|上星期|[〇零一二三四五六七八九]{4}年", re.I)
# "Jilin Daily 2018.01.19": an outlet's name (a few words, no sentence) and a date.
_OUTLET_DATED = re.compile(
    rf"^\s*(?P<name>[A-Z][\w&'.-]*(?:[ -][\w&'.-]+){{0,5}}|[\u4e00-\u9fff]{{2,15}})"
    rf"[\s,，|·-]*{DATE_RE}{TIME_RE}\s*$"
)
_NEXT_LABEL = re.compile(r"\s+[A-Z][a-z]*(?:\s[a-z]+){0,2}\s*[:：].*$")
_PUBLISHED_LABEL = re.compile(
    r"(?:published(?: on| at| date| time)?|publication date|release(?:d)?(?: date| time)?"
    r"|posted(?: on)?|date|time|发布时间|发布日期|成文日期|批示时间|时间|日期)\s*[:：]",
    re.I,
)
# The labels that name the publication itself, before a written or instruction date.
_RELEASED_LABEL = re.compile(
    r"(?:published(?: on| at| date| time)?|publication date|release(?:d)?(?: date| time)?"
    r"|posted(?: on)?|date of publication|publication time|issue date|date issued|date posted"
    r"|发布时间|发布日期)\s*[:：]",
    re.I,
)
_TITLE_LABEL = re.compile(
    r"^\s*(?:文件标题|标题|事由|title|subject)\s*[:：]\s*(?P<title>.{4,200}?)\s*$", re.I
)
_LABEL_SPLIT = re.compile(
    rf"(?:^|(?<=\s)|(?<=\|)|(?<=丨)|(?<=[\d\u4e00-\u9fff]))({META_LABELS})\s*[:：]", re.I
)
_SOURCE_LABELS = {"source", "from", "来源", "稿源", "出处", "issued by", "publisher", "issuer"}
_SOURCE_LABELS |= {"发布机构", "发文机关"}
_AUTHOR_LABELS = {
    "author",
    "authors",
    "reporter",
    "reporters",
    "by",
    "作者",
    "记者",
    "通讯员",
    "文",
}
_NOT_A_NAME = re.compile(
    r"^(?:the )?(?:editor|editors|admin|administrator|staff|unknown|anonymous|webmaster|"
    r"this (?:site|website)|本网|本站|网络|佚名|小编|编辑|管理员|原创|综合|互联网|internet|network|"
    r"none|n/?a|-+)$",
    re.I,
)
_ZH_REPORTER = re.compile(
    r"(?:[（(]\s*(?:本报|本台|本网)?记者|(?:本报|本台|本网)记者)\s*"
    r"([\u4e00-\u9fff]{2,4}(?:[\s、，,][\u4e00-\u9fff]{2,4})*)"
)
_ZH_BYLINE = re.compile(r"(?:记者|通讯员)\s+([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])")
# A newspaper's dateline: "吉林日报6月29日讯（记者 王丽）", "Jilin Daily June 29 news (reporter
# Li Ming)"; the roles of the names in a byline.
_ZH_DATELINE = re.compile(
    r"^\s*(?P<outlet>[\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|商报|时报|报|新闻网|网|电视台|广播电台))"
    r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:讯|电)"
)
_EN_DATELINE = re.compile(
    rf"^\s*(?P<outlet>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){{0,4}})\s+(?:{_MONTH}\s+\d{{1,2}}\s+)?"
    r"(?:news|report|dispatch)\b"
)
_ROLE_WORDS = {
    "记者": "记者", "通讯员": "通讯员", "reporter": "Reporter", "reporters": "Reporter",
    "correspondent": "Correspondent", "by": "Reporter", "author": "Reporter",
    "作者": "作者", "文": "记者",
}  # fmt: skip
_EN_BYLINE_IN_TEXT = re.compile(
    r"[(（]\s*(?P<role>reporters?|correspondents?)\s+(?P<names>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2}"
    r"(?:\s*(?:,|and)\s*[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})*)\s*[)）]",
    re.I,
)
_ZH_ROLE_NAMES = re.compile(
    r"(?P<role>记者|通讯员|实习生)\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:[\s、，,][\u4e00-\u9fff]{2,4})*?)"
    r"(?=\s*(?:记者|通讯员|实习生|[)）]|$|\s+\S{0,2}[:：]))"
)
_WIRE = re.compile(r"\(\s*(Xinhua|Reuters|AP|AFP|China Daily|CGTN|Yonhap)\s*\)\s*[-–—]+")
_ZH_WIRE = re.compile(
    r"^(新华社|中新社|人民网|新华网|央视网)[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电"
)


def parse_date(text: str) -> dt.date | None:
    """A full date in any DATE_RE form, or None."""
    text = text.strip()
    try:
        if m := re.match(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.match(rf"({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})", text, re.I):
            return dt.date(int(m[3]), MONTHS[m[1].rstrip(".").lower()], int(m[2]))
        if m := re.match(rf"(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}})", text, re.I):
            return dt.date(int(m[3]), MONTHS[m[2].rstrip(".").lower()], int(m[1]))
        if m := re.match(
            r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日",
            text,
        ):
            year = int("".join(str(_ZH_NUM[c]) for c in m[1]))
            return dt.date(year, _zh_small(m[2]), _zh_small(m[3]))
    except (ValueError, KeyError):
        return None
    return None


def _zh_small(text: str) -> int:
    if "十" not in text:
        return _ZH_NUM[text]
    tens, _, units = text.partition("十")
    return (_ZH_NUM[tens] if tens else 1) * 10 + (_ZH_NUM[units] if units else 0)


def first_date(text: str) -> dt.date | None:
    for m in _FULL_DATE.finditer(text):
        if (found := parse_date(m.group())) and 1949 < found.year < 2100:
            return found
    return None


def labelled_fields(line: str) -> list[tuple[str, str]]:
    """("source", "Jilin Daily") pairs from a line such as "Source: Jilin Daily Author: ..."."""
    marks = list(_LABEL_SPLIT.finditer(line))
    fields = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        value = line[m.end() : end].strip(" |丨·　[]【】()（）")
        fields.append((m[1].lower(), value))
    return fields


def labelled_title(cleaned: Cleaned) -> str | None:
    """A title given in a labelled field ("标题：…", "文件标题：…"), which a form or an
    information box states more surely than its first line."""
    for line in cleaned.meta_lines:
        if m := _TITLE_LABEL.match(line):
            return m["title"]
    return None


def publication_date(cleaned: Cleaned) -> dt.date | None:
    """From HTML meta tags, a labelled line, the first dated meta line, else None."""
    for key, value in cleaned.html_meta.items():
        if ("publish" in key or key in {"date", "dc.date", "pubdate"}) and (d := first_date(value)):
            return d
    for label in (_RELEASED_LABEL, _PUBLISHED_LABEL):
        for line in cleaned.meta_lines:
            if (m := label.search(line)) and (d := first_date(line[m.end() :])):
                return d
    for line in cleaned.meta_lines:
        if d := first_date(line):
            return d
    return None


def event_dates(
    body: str, published: dt.date | None, skip: list[tuple[int, int]] | None = None
) -> list[dt.date]:
    """Dates of the reported events, month-day forms resolved against publication.

    A month-day after a full date in the same paragraph takes that date's year; otherwise
    a month after the publication month means the previous year ("December 5" in a
    January text), and a bare day after the publication day means last month. Dates
    inside the `skip` spans of `body` (deadlines, recurring times) are no events.
    """
    found: set[dt.date] = set()
    offset = -2
    for paragraph in body.split("\n\n"):
        offset += 2
        at = offset
        offset += len(paragraph)
        if not _DATE_HINT.search(paragraph):
            continue
        skipped = [(s - at, e - at) for s, e in skip or () if at <= s < at + len(paragraph)]
        mentions: list[tuple[int, str, tuple[int, ...]]] = []
        for m in _FULL_DATE.finditer(paragraph):
            if (d := parse_date(m.group())) and 1949 < d.year < 2100:
                mentions.append((m.start(), "full", (d.year, d.month, d.day)))
        full_spans = [(m.start(), m.end()) for m in _FULL_DATE.finditer(paragraph)]

        def inside(pos: int, spans: list[tuple[int, int]] = full_spans) -> bool:
            return any(s <= pos < e for s, e in spans)

        for m in _MONTH_DAY_EN.finditer(paragraph):
            mentions.append((m.start(), "md", (MONTHS[m[1].rstrip(".").lower()], int(m[2]))))
        for m in _DAY_MONTH_EN.finditer(paragraph):
            mentions.append((m.start(), "md", (MONTHS[m[2].rstrip(".").lower()], int(m[1]))))
        for m in _MONTH_DAY_ZH.finditer(paragraph):
            mentions.append((m.start(), "md", (int(m[1]), int(m[2]))))
        for m in _DAY_ZH.finditer(paragraph):
            mentions.append((m.start(), "d", (int(m[1]),)))
        for m in _RELATIVE.finditer(paragraph):
            mentions.append((m.start(), "rel", (1,)))
        for m in _WEEKDAY.finditer(paragraph):
            mentions.append((m.start(), "wd", _weekday_back(m, published)))
        context_year: int | None = None
        for pos, kind, parts in sorted(mentions):
            if (kind != "full" and inside(pos)) or any(s <= pos < e for s, e in skipped):
                continue
            try:
                if kind == "full":
                    context_year = parts[0]
                    found.add(dt.date(*parts))
                elif published is None:
                    continue
                elif kind == "md":
                    month, day = parts
                    year = context_year or (
                        published.year - 1 if month > published.month else published.year
                    )
                    found.add(dt.date(year, month, day))
                elif kind == "d":
                    start = published.replace(day=1)
                    if parts[0] > published.day:
                        start = (start - dt.timedelta(days=1)).replace(day=1)
                    found.add(start.replace(day=parts[0]))
                else:
                    found.add(published - dt.timedelta(days=parts[0]))
            except ValueError:
                continue
    return sorted(found)


def _weekday_back(m: re.Match[str], published: dt.date | None) -> tuple[int, ...]:
    """Days before publication of "on Wednesday" (this week's), "last Thursday", "上周四"."""
    if published is None:
        return (0,)
    if m[3]:
        weekday = "一二三四五六".find(m[3]) if m[3] in "一二三四五六" else 6
        return (published.weekday() + 7 - weekday,)
    back = (published.weekday() - _WEEKDAYS.index(m[2].lower())) % 7
    return (back or (7 if m[1] else 0),)


def source(cleaned: Cleaned) -> str | None:
    """The outlet from a "Source:" field, an outlet's dateline ("Jilin Daily 2018.01.19"),
    a wire dateline, or the page's site name."""
    for line in cleaned.meta_lines:
        for label, value in labelled_fields(line):
            if label in _SOURCE_LABELS:
                value = re.sub(rf"\s*{DATE_RE}.*$|\s+(?:记者|通讯员|作者|编辑)\s.*$", "", value)
                value = _NEXT_LABEL.sub("", value).strip(" ,，;；")
                if value and not _NOT_A_NAME.match(value):
                    return value
    for line in cleaned.meta_lines:
        if line != cleaned.title and (m := _OUTLET_DATED.match(line)):
            return m["name"]
    head = cleaned.paragraphs[0] if cleaned.paragraphs else ""
    dateline = _ZH_DATELINE.match(head) or _EN_DATELINE.match(head)
    if dateline and not dateline["outlet"].startswith(("本报", "本台", "本网")):
        return dateline["outlet"]
    if m := _WIRE.search(head[:200]):
        return m[1]
    if m := _ZH_WIRE.match(head):
        return m[1]
    return cleaned.html_meta.get("og:site_name") or None


def authors(cleaned: Cleaned) -> list[str]:
    """Reporters from bylines; a generic word such as "the editor" is not a name."""
    return list(bylines(cleaned))


def bylines(cleaned: Cleaned) -> dict[str, str]:
    """Reporters from bylines, each with the role the byline gives ("记者", "Reporter")."""
    found: dict[str, str] = {}

    def add(names: list[str], role: str) -> None:
        for name in names:
            found.setdefault(name, role)

    zh_role = "记者"
    for line in cleaned.meta_lines:
        if m := BYLINE.match(line):
            add(_split_names(m[1]), "Reporter")
        for label, value in labelled_fields(line):
            if label in _AUTHOR_LABELS:
                add(
                    _split_names(value),
                    _ROLE_WORDS.get(label, zh_role if CJK.search(value) else "Reporter"),
                )
    for line in cleaned.meta_lines:
        for m in _ZH_ROLE_NAMES.finditer(line):
            add(_split_names(m["names"]), m["role"])
    head = cleaned.paragraphs[0][:120] if cleaned.paragraphs else ""
    for m in _ZH_REPORTER.finditer(head):
        for r in _ZH_ROLE_NAMES.finditer(head, m.start()):
            add(_split_names(r["names"]), r["role"])
        if not found:
            add(_split_names(m[1]), zh_role)
    for m in _EN_BYLINE_IN_TEXT.finditer(head):
        add(_split_names(m["names"]), _ROLE_WORDS.get(m["role"].lower(), "Reporter"))
    return found


def _split_names(value: str) -> list[str]:
    value = re.sub(rf"\s*{DATE_RE}.*$", "", value)
    parts = re.split(r"\s*(?:,|，|、|/|;|；|&|\band\b|和)\s*|\s{2,}", value)
    if CJK.search(value):
        parts = [q for p in parts for q in p.split()]
    out = []
    for part in parts:
        part = re.sub(r"(报道|摄影?|编辑|整理)$", "", part.strip(" .:：()（）"))
        if not part or _NOT_A_NAME.match(part) or part in {"记者", "通讯员", "实习生", "本报记者"}:
            continue
        if (
            CJK.search(part)
            and re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", part)
            or re.fullmatch(r"[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,3}", part)
        ):
            out.append(part)
    return out


def language(title: str | None, body: str) -> str:
    """en, zh, or mixed when the title and body differ or both scripts carry the body."""

    def counts(text: str) -> tuple[int, int]:
        return len(CJK.findall(text)), len(re.findall(r"[A-Za-z]+", text))

    zh, en = counts(body)
    body_lang = "zh" if zh >= en * 2 else "en"
    minor = min(zh, en * 2) / max(1, zh + en * 2)
    if minor >= 0.2:
        return "mixed"
    if title:
        tzh, ten = counts(title)
        title_lang = "zh" if tzh >= ten * 2 else "en"
        if body and title_lang != body_lang:
            return "mixed"
    return body_lang if body or not title else ("zh" if counts(title)[0] else "en")
