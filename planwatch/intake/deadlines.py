"""Deadlines ("于10月15日前", "9月底前", "年内", "by the end of June", "before 31 March
2027") and reporting rules ("每季度最后一个月25日前报送", "every Friday").

A deadline is resolved against the document's date and lies after it: "by the end of
January" in a November text is next January. It is never an event date. A recurring
time ("每月5日前", "before the 5th of each month") is a reporting rule, not a deadline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from planwatch.intake.meta import MONTHS

_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2, "十": 10}
_EN_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
} | {"fifteen": 15, "twenty": 20, "thirty": 30}
_BY = r"(?:by|before|no later than|not later than|until|due)"
_END_WORDS = r"(?:末|底)"

# One-off deadlines, each with a named group telling how to resolve it.
_DEADLINES = re.compile(
    # 于2026年10月15日前, 10月15日之前; a bare date only with 前 or 截止
    r"(?P<zh_day>(?:[于在]\s*)?(?:(?P<zd_y>\d{4})\s*年\s*)?(?P<zd_m>\d{1,2})\s*月\s*(?P<zd_d>\d{1,2})\s*[日号]"
    r"\s*(?:前|之前|以前|截止|止))"
    # 9月底前, 2027年6月底前, 6月末
    rf"|(?P<zh_month>(?:[于在]\s*)?(?:(?P<zm_y>\d{{4}})\s*年\s*)?(?P<zm_m>\d{{1,2}})\s*月(?:份)?\s*{_END_WORDS}"
    r"\s*(?:前|之前|以前)?)"
    # 2026年底前, 年底前, 年内, 今年内, 上半年
    rf"|(?P<zh_year>(?:[于在]\s*)?(?:(?P<zy_y>\d{{4}})\s*年|(?:今|本)年度?|年)\s*年?\s*{_END_WORDS}"
    r"\s*(?:前|之前)?"
    r"|(?:今年|本年度?)?年内|(?:今年|本年度?)内)"
    r"|(?P<zh_half>(?:(?P<zh_y>\d{4})\s*年\s*)?上半年(?:内|前|底前|末前)?)"
    # 一个月内, 15日内, 30天内
    r"|(?P<zh_within>(?P<zw_n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?\s*(?P<zw_u>月|天|日|周|星期|工作日)\s*内)"
    # by 31 March 2027, before 15 December
    rf"|(?P<en_dmy>\b{_BY}\s+(?:the\s+)?(?P<ed_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<ed_m>{_MONTH_NAME})"
    r"(?:,?\s+(?P<ed_y>\d{4}))?)"
    # by October 31, before November 30, 2026
    rf"|(?P<en_mdy>\b{_BY}\s+(?P<em_m>{_MONTH_NAME})\s+(?P<em_d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<em_y>\d{4}))?)"
    # by the end of June (2027), before the end of January, by end-March
    rf"|(?P<en_month>\b{_BY}\s+(?:(?:the\s+)?end(?:\s+of|-)\s*)?(?P<en_m>{_MONTH_NAME})"
    r"(?:\s+(?P<en_y>\d{4}))?\b)"
    # within the year, by the end of the year / this year / 2026, by year-end
    rf"|(?P<en_year>\bwithin\s+(?:the|this)\s+year\b|\b{_BY}\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?"
    r"(?:year\b|(?P<ey_y>\d{4}))|\bby\s+(?:the\s+)?year[- ]end\b)"
    # within 15 days, within one month
    r"|(?P<en_within>\bwithin\s+(?P<ew_n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty)\s+(?:working\s+)?(?P<ew_u>days?|weeks?|months?)\b)",
    re.I,
)

_REPORT_VERB = re.compile(
    r"报送|上报|报告|汇报|反馈|报\w{0,4}(?:办|委|局|厅|府)|\breport|\bsubmit", re.I
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_RULES = re.compile(
    r"(?P<week>每(?:周|星期)[一二三四五六日天]?(?:前|之前)?|每两周|"
    rf"\bevery\s+(?:(?:{_WEEKDAYS})|week|two weeks|fortnight)\b|\bweekly\b)"
    r"|(?P<quarter>每(?:个)?季度[^，。；,;]{0,12}?(?:前|之前|末|底)|每(?:个)?季度|"
    r"\bevery\s+quarter\b[^.;]{0,60}?(?:month|quarter|day)\b|\bevery\s+quarter\b|\bquarterly\b)"
    r"|(?P<month>每(?:个)?月(?:\d{1,2}[日号])?(?:前|之前|底前|末前)?|"
    r"\b(?:before|by)\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+(?:day\s+)?of\s+(?:each|every)\s+month\b|"
    r"\bevery\s+month(?:\s+(?:before|by)\s+the\s+\d{1,2}(?:st|nd|rd|th))?|\bmonthly\b)"
    r"|(?P<year>每年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:前|底前)?|\bevery\s+year\b|\bannually\b)",
    re.I,
)
_EN_RECUR = re.compile(r"\bevery\b|\beach month\b|weekly|monthly|quarterly|annually", re.I)
_EN_RECUR_OR_EACH = re.compile(
    r"每|\bevery\b|\beach month\b|weekly|monthly|quarterly|annually", re.I
)
_HINT = re.compile(
    r"\d|前|内|底|末|半年|within|end|by|before|每|every|weekly|monthly|quarterly", re.I
)
# Words every deadline or recurring time contains: the full patterns run only near them.
_TRIGGER = re.compile(
    r"前|底|末|年内|[天日月周]内|工作日内|本年度?内|半年"
    r"|\b(?:by|before|within|until|due|later than)\b",
    re.I,
)
_BEFORE, _AFTER = 30, 45


def _windows(text: str, trigger: re.Pattern[str] = _TRIGGER) -> list[tuple[int, int]]:
    """Stretches of `text` around trigger words, merged where they overlap."""
    merged: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _deadline_matches(text: str) -> list[re.Match[str]]:
    found: dict[int, re.Match[str]] = {}
    for lo, hi in _windows(text):
        for m in _DEADLINES.finditer(text, lo, hi):
            found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


def _rule_matches(text: str) -> list[re.Match[str]]:
    found: dict[int, re.Match[str]] = {}
    for lo, hi in _windows(text, _EN_RECUR_OR_EACH):
        for m in _RULES.finditer(text, lo, hi):
            found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


# A deadline cell naming only a month: "2026年9月", "December 2026", "Dec. 2026".
_MONTH_CELL = re.compile(
    rf"\s*(?:(?:(?P<y>\d{{4}})\s*年\s*)?(?P<m>\d{{1,2}})\s*月(?:份)?|(?P<name>{_MONTH_NAME})"
    r"(?:,?\s*(?P<y2>\d{4}))?)\s*(?:前|之前|底|末)?\s*"
)


@dataclass(frozen=True)
class Deadline:
    date: dt.date | None
    as_written: str
    start: int
    end: int


def _small(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.lower() in _EN_NUMBERS:
        return _EN_NUMBERS[text.lower()]
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[units] if units else 0)
    return _ZH_DIGITS.get(text, 0)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _ahead(on: dt.date | None, month: int, day: int | None) -> int | None:
    """The year of a month (and day) stated without one: the first on or after `on`."""
    if on is None:
        return None
    return on.year if (month, day or 31) >= (on.month, on.day) else on.year + 1


def _resolve(m: re.Match[str], on: dt.date | None) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["zh_day"] or g["en_dmy"] or g["en_mdy"]:
            if g["zh_day"]:
                year, month, day = g["zd_y"], int(g["zd_m"]), int(g["zd_d"])
            elif g["en_dmy"]:
                year, month = g["ed_y"], MONTHS[g["ed_m"].rstrip(".").lower()]
                day = int(g["ed_d"])
            else:
                year, month = g["em_y"], MONTHS[g["em_m"].rstrip(".").lower()]
                day = int(g["em_d"])
            y = int(year) if year else _ahead(on, month, day)
            return dt.date(y, month, day) if y else None
        if g["zh_month"] or g["en_month"]:
            year = g["zm_y"] or g["en_y"]
            month = int(g["zm_m"]) if g["zh_month"] else MONTHS[g["en_m"].rstrip(".").lower()]
            y = int(year) if year else _ahead(on, month, None)
            return _month_end(y, month) if y else None
        if g["zh_year"] or g["en_year"]:
            year = g["zy_y"] or g["ey_y"]
            y = int(year) if year else (on.year if on else None)
            return dt.date(y, 12, 31) if y else None
        if g["zh_half"]:
            y = int(g["zh_y"]) if g["zh_y"] else (on.year if on else None)
            return dt.date(y, 6, 30) if y else None
        if g["zh_within"] or g["en_within"]:
            if on is None:
                return None
            n = _small(g["zw_n"] or g["ew_n"])
            unit = (g["zw_u"] or g["ew_u"]).lower()
            if unit.startswith(("月", "month")):
                year, month = divmod(on.month - 1 + n, 12)
                year, month = on.year + year, month + 1
                return dt.date(year, month, min(on.day, calendar.monthrange(year, month)[1]))
            days = n * 7 if unit.startswith(("周", "星期", "week")) else n
            return on + dt.timedelta(days=days)
    except (ValueError, KeyError):
        return None
    return None


def reporting_rule(text: str) -> tuple[dict[str, str], tuple[int, int]] | None:
    """A recurring report the text requires: {"period", "due"} and its span in `text`."""
    if not ("每" in text or _EN_RECUR.search(text)) or not _REPORT_VERB.search(text):
        return None
    matches = _rule_matches(text)
    if not matches:
        return None
    m = matches[0]
    period = next(k for k in ("week", "quarter", "month", "year") if m[k])
    return {"period": period, "due": m.group().strip()}, m.span()


def find_deadline(text: str, on: dt.date | None) -> Deadline | None:
    """The first one-off deadline stated in `text` (outside any recurring time)."""
    if not _HINT.search(text):
        return None
    recurring = [m.span() for m in _rule_matches(text)]
    for m in _deadline_matches(text):
        if any(s <= m.start() < e for s, e in recurring):
            continue
        written = m.group().strip()
        return Deadline(_resolve(m, on), written, m.start(), m.end())
    return None


@dataclass(frozen=True)
class Timing:
    """Every deadline and recurring time of one text, found once, looked up by span."""

    deadlines: list[Deadline]
    rules: list[tuple[int, int]]

    def spans(self) -> list[tuple[int, int]]:
        return [(d.start, d.end) for d in self.deadlines] + self.rules

    def deadline_in(self, start: int, end: int) -> Deadline | None:
        return next((d for d in self.deadlines if start <= d.start and d.end <= end), None)


def timing(text: str, on: dt.date | None) -> Timing:
    """The deadlines of `text` (outside recurring times) and its recurring times."""
    rules = [m.span() for m in _rule_matches(text)]
    found = [
        Deadline(_resolve(m, on), m.group().strip(), m.start(), m.end())
        for m in _deadline_matches(text)
        if not any(s <= m.start() < e for s, e in rules)
    ]
    return Timing(found, rules)


def deadline_of_cell(text: str, on: dt.date | None) -> Deadline | None:
    """A table's deadline cell: a stated deadline, or any date in it ("2026-09-30")."""
    from planwatch.intake.meta import first_date

    found = find_deadline(text, on)
    if found is not None:
        return found
    date = first_date(text)
    if date is not None:
        return Deadline(date, text.strip(), 0, len(text))
    month = _MONTH_CELL.fullmatch(text)
    if month:
        number = int(month["m"]) if month["m"] else MONTHS[month["name"].rstrip(".").lower()]
        year = (
            int(month["y"] or month["y2"])
            if month["y"] or month["y2"]
            else _ahead(on, number, None)
        )
        return Deadline(_month_end(year, number) if year else None, text.strip(), 0, len(text))
    cell = re.fullmatch(r"\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*", text)
    if cell:
        month, day = int(cell[2]), int(cell[3])
        year = int(cell[1]) if cell[1] else _ahead(on, month, day)
        try:
            return Deadline(dt.date(year, month, day) if year else None, text.strip(), 0, len(text))
        except ValueError:
            return None
    return None
