"""Directives: enumerated requirements and obligations laid on a named body.

Two sources of directives in a text:
- enumerated requirements after a leader "stresses" something, or in an official
  document such as a reply ("First, ... Second, ...", "1. ... Fourth, ... 5.",
  一是/二是, （一）); every item of such a list is a directive;
- sentences with an obligation modal (should, shall, must, need to, 要, 必须, 应当) whose
  subject is a body, or that report what a leader required.
Background is left out: lists with no modal or directing verb, and past requirements
quoted as history ("As early as 2018 the meeting stressed ...").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from planwatch.intake import deadlines, tables
from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.link import Hit

_EN_ORDINALS = (
    r"First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Fifth(?:ly)?|Sixth(?:ly)?"
    r"|Seventh(?:ly)?|Eighth(?:ly)?|Ninth(?:ly)?|Tenth(?:ly)?|Finally|Last(?:ly| but not least)?"
)
_ZH_NUM = "一二三四五六七八九十"
_MARKER = re.compile(
    rf"(?:(?<=^)|(?<=[.;:!?。；：！？]\s)|(?<=[.;:!?。；：！？，])|(?<=\bthat\s)|(?<=\bthat,\s)|(?<=[,，]\s))"
    rf"(?:(?P<en>(?i:{_EN_ORDINALS}))\s*,\s*"
    rf"|(?P<num>\(?\d{{1,2}}[.．、)）](?!\d)|[(（]\d{{1,2}}[)）]|(?<![^\n])[IVX]{{1,4}}\.(?=\s))\s*"
    rf"|(?P<zh>[{_ZH_NUM}]+是|[{_ZH_NUM}](?=要)|第[{_ZH_NUM}]+(?=[，,、])|(?:首先|其次|再次|最后)(?=[，,])|（[{_ZH_NUM}]+）|[{_ZH_NUM}]+、)"
    r"[，,、：:]?\s*)",
    re.M,
)
_MODAL_EN = re.compile(
    r"\b(?:should|shall|must|need(?:s)? to|have to|has to|(?:is|are) required to|(?:is|are) to"
    r"|ought to|it is (?:necessary|imperative|essential|important) to|please|is expected to"
    r"|are expected to|will need to|(?:is|are) responsible for|(?:is|are) in charge of)\b",
    re.I,
)
_MODAL_ZH = re.compile(
    r"必须|应当|务必|需要|(?<![主重需纲摘只必首紧扼提概简])要(?![求素点闻害])|应(?![用对急邀该])|请(?![示求])"
    r"|负责(?![人同])"
)
_DIRECTING = re.compile(
    r"\b(?:stress(?:ed|es)?|emphasi[sz](?:ed|es)?|required?|requested|urged?"
    r"|call(?:ed|s)? (?:on|for)|demanded|pointed out|instructed|asked|put forward|set out"
    r"|said|noted|made (?:it )?clear"
    r"|approved|requirements?)\b|强调|要求|指出|提出|部署|批示|指示|表示|明确",
    re.I,
)
_SPEECH = re.compile(
    r"\b(?:stress(?:ed|es)|emphasi[sz](?:ed|es)|required|requested|urged|call(?:ed|s) (?:on|for)"
    r"|demanded|pointed out|instructed|asked|said|noted|made (?:it )?clear|presided|chaired"
    r"|held that|decided|agreed|wrote)\b|强调|要求|指出|表示|主持|批示|提出|认为|决定",
    re.I,
)
_PAST = re.compile(
    r"\bas early as\b|\bpreviously\b|\bin the past\b|\bhad (?:stressed|required|asked)"
    r"|早在|此前|曾经|曾",
    re.I,
)
_OFFICIAL = re.compile(
    r"批复|通知|意见|决定|办法|规则|细则|方案|纲要|规划|措施|\b(?:reply|circular|notice|opinions?"
    r"|decision|rules|measures|official reply)\b",
    re.I,
)
_BODY_NOUN = re.compile(
    r"\b(?:office|offices|units?|departments?|committees?|governments?|city|cities|zones?"
    r"|commissions?|groups?|bureaus?|agencies|authorities|enterprises|localities|levels|province"
    r"|administrations?|parks?|areas?|bodies|organs|institutions)\b"
    r"|各地|各级|各部门|部门|单位|办公室|政府|委员会|管委会|党工委|小组|市|省|区|企业|机关",
    re.I,
)
_LEAD_IN = re.compile(
    r"^.*?(?:\b(?:said|stressed|noted|emphasi[sz]ed|pointed out|added)\b(?:\s+that\b,?)?"
    r"|\bthat\b,?|[:：]|强调[，,：:]?|要求[，,：:]?|指出[，,：:]?|表示[，,：:]?)\s*",
    re.I,
)
_ADVERBIAL = re.compile(
    r"^(?:in|to|for|with|under|according to|based on|on|through|as|by|after|at|in order to)\b"
    r"[^,]*,\s*",
    re.I,
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could)\b|已经|已|被", re.I)
_ORGANISER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:has\s+|recently\s+)?(?:held|convened|chaired|hosted|published|issued"
    r"|released|organi[sz]ed)\b|^\s*(?:近日|日前)?(?:召开|主持|举行|印发|发布)",
    re.I,
)
_TRAILING = re.compile(
    r"[\s,，、]*(?:(?:also|each|both|all|together|jointly|themselves)\s*)?[\s,，]*"
    r"|[\s,，]*(?:as|being|which is|who is|in its role as)\b[^,，]*[,，]\s*|都|也|均|各自|分别"
    r"|的?(?:有关|相关|各|所属)?部门",
    re.I,
)
_REQUEST = re.compile(
    r"(?:\b(?:asked|required|urged|called on|instructed|requested|directed)\s+(?:the\s+)?"
    r"|要求|责成|请)",
    re.I,
)
_ASKED_TO = re.compile(
    r"\b(?:asked|urged|instructed|required|requested|directed|called on)\s+(?:the\s+)?"
    r"(?P<object>[A-Z][^.;,]{2,120}?)\s+to\s+[a-z]"
)
# A group or a body the directory lacks, asked to act: "请各责任单位于…", "请市商务局…".
_REQUESTED_GROUP = re.compile(
    r"(?P<group>各[\u4e00-\u9fff]{0,6}?(?:单位|部门|园区)|[\u4e00-\u9fff]{2,16}?(?:局|厅|委|办|政府"
    r"|管委会|中心|公司))(?=[于在要将按对把从就尽抓切认加研会，,])"
)
_JOINT = re.compile(r"\s*(?:,\s*and|,|，|、|\band\b|和|及|与)\s*(?:the\s+)?", re.I)
_SPEECH_AFTER = re.compile(
    r"[,\"]\s*\"?\s*(?:he|she|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:said|stressed|added|noted|urged)"
    r"\.?\"?\s*$"
)
_CLAUSE_BREAK = re.compile(r"[,，;；:：]\s*(?:and\s+|while\s+|but\s+)?|\band\s+(?=the\b)", re.I)
_ORG_SPEECH = re.compile(
    r"\s*(?:负责人|有关负责同志|officials?|spokes(?:person|man|woman))?\s*(?:强调|要求|指出|表示|提出"
    r"|stressed|required|requested|urged|said|pointed out|demanded|asked)",
    re.I,
)
_ADDRESS_REST = re.compile(r"(?:\s|,|，|、|;|；|\band\b|\bthe\b|和|及)*[:：]\s*", re.I)
_BULLETS = set("•·▪●◦■□◆◇*-–—")
_SENTENCE = re.compile(r"[^.!?。！？;；]+(?:[.!?。！？;；]+[\"')”’」]*|$)")
_ZONE_COMMITTEES = re.compile(
    r"(?:the\s+)?(?:zone's|zone|demonstration zone's)\s+(?:two\s+)?committees|both committees"
    r"|two committees of the (?:demonstration )?zone|示范区党工委、管委会|示范区两委",
    re.I,
)


# Bodies named as a group that the directory has no record for: kept as written.
_COLLECTIVE = re.compile(
    r"(?:(?:all|the|each|every)\s+)*(?:relevant\s+)?(?:provincial\s+|municipal\s+|local\s+)?"
    r"(?:member units|(?:lead|responsible) (?:units?|departments?)"
    r"|departments(?: concerned)?|units(?: concerned)?|departments at all levels"
    r"|governments at all levels)|各(?:成员单位|有关部门|部门|地|级政府)|有关部门"
    r"|[省市区县]直有关部门"
    r"|各(?:级|[县市区乡镇])[\u4e00-\u9fff]{0,6}(?:[（(][\u4e00-\u9fff、，,]{1,10}[)）])?"
    r"|各[\u4e00-\u9fff]{0,6}(?:牵头|责任|有关|相关|成员|配合)?(?:单位|部门|园区)"
    r"|(?:有关|相关|牵头)单位",
    re.I,
)
# The lead units of a document's tasks, named as a group: "各牵头单位", "each lead unit".
_LEAD_UNITS = re.compile(
    r"(?:(?:all|the|each|every)\s+)*(?:lead|responsible) (?:units?|departments?)"
    r"|各?(?:牵头|责任)(?:单位|部门)",
    re.I,
)
# A body the directory lacks, named as a subject: "the Harbour Logistics Bureau", "市发展改革委".
_UNKNOWN_BODY = re.compile(
    r"(?:the\s+)?(?P<en>(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){0,7}"
    r"(?:Bureau|Office|Department|Commission|Committee|Administration|Agency|Authority|Group"
    r"|Government|Cent(?:er|re)|Company|Corporation|Institute|Council|Association|Ministry"
    r"|Board|Service|Station|Team|Division|Hall|Park|Zone|Area|District|County|City|Customs"
    r"|Branch|Bank|Fund|Chamber|Federation|Representative Office|Port)"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:and\s+)?[A-Z][\w'’&-]*){0,6})?)"
    r"|(?P<zh>[A-Za-z\u4e00-\u9fff（）()]{1,16}(?:局|厅|委|办|办公室|委员会|政府|中心|集团|公司|管委会"
    r"|工委|部|院|所|站|队|园区|新区|开发区|示范区|县|区|市|海关|代表处|办事处|公社|银行|商会|协会))"
)
# The last words of a short reference to a body named elsewhere in the text ("the New Area",
# "the zone's Management Committee", "the municipal government").
_REFERENCE = re.compile(
    r"(?:the\s+|this\s+|that\s+)?(?:[\w-]+'s\s+)?(?P<words>(?:[\w-]+\s+){0,3}[\w-]+)"
    r"|(?:该|本|这个)?(?P<zh>[\u4e00-\u9fff]{2,8})",
    re.I,
)


_NAME_SPLIT = re.compile(r"\s*(?:、|，|,\s*and\b|,|;|；|和|及|以及|与|/)\s*", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_LEAD_ROLE = (
    re.compile(r"(?:由|请)(?P<names>[^，,。；;：:]{2,60}?)(?:负责|牵头)"),
    re.compile(
        r"(?:^|[，,。；;：:])(?P<names>[^，,。；;：:要]{2,60}?)(?:牵头|负责)(?=[，,。；;]|$)"
    ),
    re.compile(
        r"(?P<names>(?:the\s+)?[A-Z][^,.;:]{2,120}?)\s+(?:is|are)\s+(?:responsible|in charge)\b"
        r"|(?P<names2>(?:the\s+)?[A-Z][^,.;:]{2,120}?)\s+(?:should|shall|must|will|is to|are to)"
        r"\s+take\s+the\s+lead\b|\bled by\s+(?P<names3>[^,.;]+)"
    ),
)
_CO_ROLE = (
    re.compile(
        r"(?:会同|协同|联合)(?P<names>[^，,。；;：:]{2,80}?)(?=[，,。；;：:]|共同|一起|研究|做好|加快|$)"
    ),
    re.compile(
        r"(?:^|[，,。；;：:])(?P<names>[^，,。；;：:要]{2,80}?)(?:等单位|等部门)?(?:配合|协助|协办|参与)"
        r"(?=[，,。；;：:]|$)"
    ),
    re.compile(
        r"\b(?:together with|in conjunction with|jointly with|in (?:co-?operation|collaboration"
        r"|coordination) with|assisted by|supported by|with the (?:support|assistance|help) of"
        r"|working (?:together )?with|(?:co-?operating|collaborating) with)\s+"
        r"(?P<names>[^,.;]+?)(?=\s*[,.;]|\s+(?:in|to|on|for|by|before)\s|$)"
        r"|\bwith\s+(?P<names2>(?:the\s+)?[A-Z][^,.;]+?)\s+(?:assisting|helping|supporting)\b",
        re.I,
    ),
)
# Words that every lead or co-unit phrase above contains.
_ROLE_HINT = re.compile(
    r"牵头|负责|会同|协同|联合|配合|协助|协办|参与|responsible|in charge|the lead|led by|\bwith\b"
    r"|assisted|supported",
    re.I,
)
# "请认真组织实施": the formula closing a notice, no task of its own.
_FORMULA = re.compile(
    r"(?:请|望)(?:各单位|你们)?(?:结合实际)?[，,]?(?:认真|切实)?(?:组织实施|贯彻(?:落实|执行)|抓好落实"
    r"|遵照执行|执行)[。.]?$"
)
# A defined short name: "State Power Investment Corporation (hereinafter SPIC)".
DEFINED = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){0,8}[A-Z][\w&'’-]*"
    r"|[\u4e00-\u9fffA-Za-z（）()]{2,30})\s*[(（]\s*(?:hereinafter(?:\s+referred\s+to\s+as)?"
    r"|以下简称|下称|简称)\s*[:：,，]?\s*[\"“'‘]?(?P<short>[\w\u4e00-\u9fff-]{2,20})[\"”'’]?\s*[)）]"
)


@dataclass(frozen=True)
class Item:
    start: int
    end: int
    ordinal: str | None
    lead_in: str


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in body.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def _items(body: str, spans: list[tuple[int, int]]) -> list[Item]:
    """Enumerated items: from a marker to the next marker or the end of its paragraph."""
    items: list[Item] = []
    lead = ""
    for p_start, p_end in spans:
        paragraph = body[p_start:p_end]
        marks = [m for m in _MARKER.finditer(paragraph) if m.end() < len(paragraph)]
        if not marks:
            lead = paragraph
            continue
        if marks[0].start() > 0:
            lead = paragraph[: marks[0].start()]
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(paragraph)
            text = paragraph[m.end() : end].rstrip(" ，,、;；")
            if not text:
                continue
            ordinal = (m["en"] or m["num"] or m["zh"]).strip(" ，,：:")
            items.append(Item(p_start + m.end(), p_start + m.end() + len(text), ordinal, lead))
    return items


def _is_heading(text: str) -> bool:
    return len(text) < 30 and not re.search(r"[.。;；!！?？]\s*$", text)


def _has_modal(text: str) -> bool:
    return bool(_MODAL_EN.search(text) or _MODAL_ZH.search(text))


def _past(text: str, year: int | None) -> bool:
    if _PAST.search(text):
        return True
    if year is None:
        return False
    return any(int(y) < year for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))


def find_directives(
    body: str,
    gazetteer: Gazetteer,
    person_hits: list[Hit],
    org_hits: list[Hit],
    title: str | None,
    published_year: int | None,
    source_org: str | None,
    on: dt.date | None = None,
    defined: dict[str, str] | None = None,
    times: deadlines.Timing | None = None,
) -> list[dict[str, Any]]:
    """Directive records with spans into `body`, in document order.

    Each row of a task table is a directive (its task cell, lead, co-units, deadline);
    elsewhere enumerated requirements and obligation sentences, with their lead, co-units,
    deadline or reporting rule read from the sentence, resolved against the date `on`.
    """
    spans = paragraph_spans(body)
    defined = defined or {}
    times = times or deadlines.timing(body, on)
    official = bool(_OFFICIAL.search(title or ""))
    addressees = _addressees(body, spans, org_hits, gazetteer)
    official = official or bool(addressees)
    rows = _table_directives(body, spans, org_hits, gazetteer, on, defined)
    found: list[tuple[int, int, str | None]] = []
    row_paragraphs = {i for i, (s, e) in enumerate(spans) if tables.is_row(body[s:e])}
    for item in _items(body, [sp for i, sp in enumerate(spans) if i not in row_paragraphs]):
        text = body[item.start : item.end]
        if _is_heading(text) and not _has_modal(text):
            continue
        directed = official or _DIRECTING.search(item.lead_in) or _has_modal(text)
        if directed and not _past(item.lead_in, published_year) and not _past_sentence(text):
            found.append((item.start, item.end, item.ordinal))
    taken = bytearray(len(body) + 1)
    for s, e, _ in found:
        taken[s:e] = b"\x01" * (e - s)
    for p_start, p_end in (sp for i, sp in enumerate(spans) if i not in row_paragraphs):
        for m in _SENTENCE.finditer(body, p_start, p_end):
            s, e = m.start(), m.end()
            while s < e and (body[s].isspace() or body[s] in _BULLETS):
                s += 1
            e = s + len(body[s:e].rstrip())
            if e - s < 8 or any(taken[s:e]):
                continue
            sentence = body[s:e]
            if _formula_only(sentence):
                continue
            if _modal_sentence(sentence, org_hits, s, defined) and not _past_sentence(sentence):
                found.append((s, e, None))
    found.sort()
    records = []
    for s, e, ordinal in found:
        text = body[s:e]
        lead, co = _roles(text, s, org_hits, gazetteer, defined)
        responsible = lead or _responsible(text, s, org_hits, gazetteer, defined)
        if not responsible and official and addressees:
            responsible = addressees
        responsible = [n for n in responsible if n not in co]
        record = {
            "ordinal": ordinal,
            "text": text,
            "issuer": _issuer(body, (s, e), person_hits, org_hits, gazetteer, official, source_org),
            "responsible": responsible,
            "span": [s, e],
            "co_units": [n for n in co if n not in responsible],
        }
        fields = _timing(text, s, e, times)
        records.append(record | fields | {"title": summary(text, fields["deadline_as_written"])})
    issuer = _issuer(body, (0, 0), [], [], gazetteer, official, source_org) if rows else None
    records = sorted(records + [r | {"issuer": issuer} for r in rows], key=lambda r: r["span"])
    listed = [r for r in records if r["ordinal"] or r.get("_row")]
    leads = list(
        dict.fromkeys(n for r in listed for n in r["responsible"] if not _COLLECTIVE.fullmatch(n))
    )
    for record in records:
        record.pop("_row", None)
        if (
            leads
            and len(record["responsible"]) == 1
            and _LEAD_UNITS.fullmatch(record["responsible"][0])
        ):
            record["responsible"] = leads
    return records


def _formula_only(sentence: str) -> bool:
    """The closing formula of a notice ("请认真组织实施") with no other obligation."""
    m = _FORMULA.search(sentence)
    return m is not None and not _has_modal(sentence[: m.start()])


def _timing(text: str, start: int, end: int, times: deadlines.Timing) -> dict[str, Any]:
    """The deadline and reporting rule a directive's text states."""
    rule = deadlines.reporting_rule(text)
    deadline = times.deadline_in(start, end)
    return {
        "deadline": deadline.date.isoformat() if deadline and deadline.date else None,
        "deadline_as_written": deadline.as_written if deadline else None,
        "reporting_rule": rule[0] if rule else None,
    }


_TITLE_LEAD = re.compile(
    r"^(?:[，,\s]*(?:take the lead|牵头|负责)[，,]?\s*)?"
    r"(?:[，,\s]*(?:together with|in conjunction with|会同|协同)[^，,]*[，,]\s*)?(?:in\s+)?",
    re.I,
)


def summary(text: str, deadline: str | None = None) -> str:
    """A short task title: an item's heading ("建设中韩产业合作平台。由…"), else the verb
    phrase after the obligation ("…要建立项目审批绿色通道，11月底前完成" → "建立项目审批
    绿色通道"), without its deadline; the sentence itself when neither is found."""
    text = text.strip()
    heading = re.match(r"([^。.!?！？；;]{2,100})[。.]\s*\S", text)
    if (
        heading
        and not _has_modal(heading[1])
        and len(heading[1].split()) <= 12
        and (heading[1].isascii() or len(heading[1]) <= 40)
    ):
        return heading[1].strip()
    modals = sorted([*_MODAL_EN.finditer(text), *_MODAL_ZH.finditer(text)], key=lambda m: m.start())
    for modal in modals:
        rest = text[modal.end() :]
        if modal.group() in {"请", "please"}:
            lead = re.search(r"牵头|负责", rest)
            rest = rest[lead.end() :] if lead else rest
        rest = _TITLE_LEAD.sub("", rest, count=1)
        rest = re.sub(r"^(?:[于在]?\d{1,2}月[\d日底末]*前|年内|年底前)[，,]?", "", rest)
        phrase = re.split(r"[，,。.;；:：!?！？]", rest, maxsplit=1)[0].strip()
        if deadline:
            phrase = phrase.replace(deadline, "").strip()
        phrase = re.sub(r"\s{2,}", " ", phrase)
        if len(phrase) >= 4:
            return phrase[:1].upper() + phrase[1:] if phrase.isascii() else phrase
    return text if len(text) <= 80 else text[:79] + "…"


def _table_directives(
    body: str,
    spans: list[tuple[int, int]],
    org_hits: list[Hit],
    gaz: Gazetteer,
    on: dt.date | None,
    defined: dict[str, str],
) -> list[dict[str, Any]]:
    """One directive per row of each task table: its task cell, lead, co-units, deadline."""
    paragraphs = [body[s:e] for s, e in spans]
    records = []
    for table in tables.find_tables(paragraphs):
        for index in table.rows:
            cells = tables.cell_spans(paragraphs[index], spans[index][0])
            column = {kind: cells[i] for i, kind in enumerate(table.kinds) if kind}
            s, e = column["task"]
            if e <= s:
                continue
            lead = _cell_names(body, column.get("lead"), org_hits, gaz, defined)
            co = _cell_names(body, column.get("co"), org_hits, gaz, defined)
            deadline = None
            if "deadline" in column:
                deadline = deadlines.deadline_of_cell(body[slice(*column["deadline"])], on)
            number = body[slice(*column["number"])].strip() if "number" in column else ""
            records.append(
                {
                    "ordinal": number or None,
                    "text": body[s:e],
                    "issuer": None,
                    "responsible": lead,
                    "span": [s, e],
                    "co_units": [n for n in co if n not in lead],
                    "deadline": deadline.date.isoformat() if deadline and deadline.date else None,
                    "deadline_as_written": deadline.as_written if deadline else None,
                    "reporting_rule": None,
                    "title": body[s:e],
                    "_row": True,
                }
            )
    return records


def _cell_names(
    body: str,
    span: tuple[int, int] | None,
    org_hits: list[Hit],
    gaz: Gazetteer,
    defined: dict[str, str],
) -> list[str]:
    """Every body named in a table cell: in the directory, defined in the text, or as written."""
    if span is None:
        return []
    return _names_in(body, span[0], span[1], org_hits, gaz, defined, strict=False)


def _names_in(
    text: str,
    start: int,
    end: int,
    org_hits: list[Hit],
    gaz: Gazetteer,
    defined: dict[str, str],
    strict: bool = True,
    offset: int = 0,
) -> list[str]:
    """The bodies named in text[start:end], split at 、 , and 和: the directory's canonical
    name where the part is a known name, else the part as written when it names a body
    (`strict`) or always (a table cell, where every part is a body)."""
    names: list[str] = []
    pos = start
    for sep in [*_NAME_SPLIT.finditer(text, start, end), None]:
        part_end = sep.start() if sep else end
        part = text[pos:part_end]
        lead = len(part) - len(part.lstrip())
        s, e = pos + lead, pos + len(part.rstrip())
        pos = sep.end() if sep else end
        if e <= s:
            continue
        pieces = [(s, e)]
        ands = list(_AND.finditer(text, s, e))
        if ands:
            bounds = [s, *[x for a in ands for x in a.span()], e]
            split = list(zip(bounds[::2], bounds[1::2], strict=True))
            if all(_body_name(text, a, b, org_hits, gaz, defined, offset) for a, b in split):
                pieces = split
        for a, b in pieces:
            names += _body_name(text, a, b, org_hits, gaz, defined, offset, strict) or []
    return list(dict.fromkeys(names))


def _body_name(
    text: str,
    s: int,
    e: int,
    org_hits: list[Hit],
    gaz: Gazetteer,
    defined: dict[str, str],
    offset: int = 0,
    strict: bool = True,
) -> list[str] | None:
    """The bodies that text[s:e] names, or None when it names none."""
    hits = [h for h in org_hits if s + offset <= h.start and h.end <= e + offset]
    phrase = re.sub(r"^(?:the|all|各)\s*", "", text[s:e], flags=re.I).strip(' “”"')
    if not phrase:
        return None
    if hits and sum(h.end - h.start for h in hits) >= 0.6 * len(phrase):
        return [gaz.org_name(h.keys[0]) for h in hits]
    if phrase in defined:
        return [defined[phrase]]
    if _COLLECTIVE.fullmatch(text[s:e]):
        return [text[s:e]]
    if not strict or _UNKNOWN_BODY.fullmatch(phrase):
        return [phrase]
    return None


def _roles(
    text: str, offset: int, org_hits: list[Hit], gaz: Gazetteer, defined: dict[str, str]
) -> tuple[list[str], list[str]]:
    """The lead named with 牵头/负责/"is responsible" and the co-units named with 会同,
    配合, "together with", "with ... assisting"."""
    lead: list[str] = []
    if not _ROLE_HINT.search(text):
        return [], []
    for rx in _LEAD_ROLE:
        for m in rx.finditer(text):
            group = next(g for g in ("names", "names2", "names3") if m.groupdict().get(g))
            lead += _names_in(
                text, m.start(group), m.end(group), org_hits, gaz, defined, True, offset
            )
        if lead:
            break
    co: list[str] = []
    for rx in _CO_ROLE:
        for m in rx.finditer(text):
            group = "names" if m.groupdict().get("names") else "names2"
            co += _names_in(
                text, m.start(group), m.end(group), org_hits, gaz, defined, True, offset
            )
    return list(dict.fromkeys(lead)), list(dict.fromkeys(co))


def _past_sentence(text: str) -> bool:
    return bool(re.match(r"^(?:as early as|in (?:19|20)\d\d|早在|此前)", text.strip(), re.I))


def _modal_sentence(
    sentence: str, org_hits: list[Hit], offset: int, defined: dict[str, str] | None = None
) -> bool:
    """An obligation laid on a named body, or a requirement a speaker stated, or a body
    asked to act ("asked the Bureau to set up ...")."""
    modal = _MODAL_EN.search(sentence) or _MODAL_ZH.search(sentence)
    if (
        modal is not None
        and modal.group() == "请"
        and (
            _REQUESTED_GROUP.match(sentence, modal.end())
            or any(h.start == offset + modal.end() for h in org_hits)
        )
    ):
        return True
    if _LEAD_ROLE[0].search(sentence) and re.search(r"(?:配合|协助|会同)?[，,]", sentence):
        return True
    if modal is None:
        request = _ASKED_TO.search(sentence)
        return request is not None and bool(
            _UNKNOWN_BODY.fullmatch(request["object"])
            or any(
                offset + request.start("object") <= h.start < offset + request.end("object")
                for h in org_hits
            )
        )
    before = sentence[: modal.start()]
    if _SPEECH.search(before) and not _past(before, None):
        return True
    if _SPEECH_AFTER.search(sentence):
        return True
    subject = _LEAD_IN.sub("", before) if _LEAD_IN.match(before) else before
    subject = _ADVERBIAL.sub("", subject)
    if len(subject) > 120 or not subject.strip():
        return False
    start = offset + (len(before) - len(subject))
    if any(start <= h.start and h.end <= offset + modal.start() for h in org_hits):
        return True
    if defined and re.sub(r"^the\s+", "", subject.strip(" ,，"), flags=re.I) in defined:
        return True
    return bool(_BODY_NOUN.search(subject)) and not re.match(
        r"^\s*(?:we|i|you|they|it)\b", subject, re.I
    )


def _subjects(text: str) -> list[tuple[int, int]]:
    """Offsets, within `text`, of the words before each modal: the clause's subject.

    The first modal's subject runs from the start (lead-ins such as "He stressed that"
    and adverbials such as "Under the plan," removed); a later modal's subject starts
    after the last clause break before it ("..., the office should ...").
    """
    found = []
    modals = sorted([*_MODAL_EN.finditer(text), *_MODAL_ZH.finditer(text)], key=lambda m: m.start())
    previous_end = 0
    for index, modal in enumerate(modals):
        if modal.group().lower() in {"please", "请"}:
            previous_end = modal.end()
            continue
        if index == 0:
            start = 0
            cut = _LEAD_IN.match(text[: modal.start()])
            if cut and cut.end() < modal.start():
                start = cut.end()
        else:
            breaks = list(_CLAUSE_BREAK.finditer(text, previous_end, modal.start()))
            if not breaks:
                previous_end = modal.end()
                continue
            start = breaks[-1].end()
        previous_end = modal.end()
        if _FINITE.search(text[start : modal.start()]):
            breaks = list(_CLAUSE_BREAK.finditer(text, start, modal.start()))
            start = breaks[-1].end() if breaks else start
        adverbial = _ADVERBIAL.match(text[start : modal.start()])
        if adverbial:
            start += adverbial.end()
        if modal.start() - start > 150 or _FINITE.search(text[start : modal.start()]):
            continue
        found.append((start, modal.start()))
    return found


def _responsible(
    text: str,
    offset: int,
    org_hits: list[Hit],
    gaz: Gazetteer,
    defined: dict[str, str] | None = None,
) -> list[str]:
    """Canonical names of the bodies named as the subject of the obligation.

    The subject must end with a body's name: in "示范区建设要" the zone is not the subject.
    The first clause with such a subject wins; else the bodies a leader "asked" to act;
    else a collective subject the directory has no record for ("各成员单位"), as written.
    """
    collective = None
    for start, end in _subjects(text):
        clause = list(re.finditer(r"[，,;；]\s*", text[start:end]))
        if clause and not _named_bodies(text[start:end], offset + start, org_hits, gaz):
            start += clause[-1].end()
        subject = text[start:end]
        names = _named_bodies(subject, offset + start, org_hits, gaz)
        if names:
            return names
        phrase = subject.strip(" ,，")
        short = re.sub(r"^(?:the)\s+", "", phrase, flags=re.I)
        if defined and short in defined:
            return [defined[short]]
        if _COLLECTIVE.fullmatch(phrase):
            if collective is None:
                collective = re.sub(r"^(?:all|the|each|every)\s+", "", phrase, flags=re.I)
                collective = collective[:1].lower() + collective[1:]
            continue
        if referred := _referred_body(phrase, offset + start, org_hits, gaz):
            return [referred]
        if unknown := _UNKNOWN_BODY.fullmatch(phrase):
            return [re.sub(r"^the\s+", "", unknown["en"] or unknown["zh"], flags=re.I)]
    names = _objects_of_request(text, offset, org_hits, gaz)
    if not names and collective:
        names = [collective]
    return names


def is_collective(name: str) -> bool:
    """A group of bodies kept as written ("member units", "各县（市、区）"), not one body."""
    return bool(_COLLECTIVE.fullmatch(name))


def _referred_body(phrase: str, at: int, org_hits: list[Hit], gaz: Gazetteer) -> str | None:
    """The body that a short reference names: one mentioned in the text, or a body under
    one mentioned, whose name ends with the reference's words ("A of B" ends with A's
    words, not B's); the nearest mention before the reference wins."""
    m = _REFERENCE.fullmatch(phrase)
    if m is None or not _BODY_NOUN.search(phrase):
        return None
    endings, children = _name_endings(gaz)
    named = endings.get((m["words"] or m["zh"]).casefold())
    if not named:
        return None
    hits = sorted(org_hits, key=lambda h: (h.start >= at, -h.start if h.start < at else h.start))
    for hit in hits:
        for key in (hit.keys[0], *children.get(hit.keys[0], ())):
            if key in named:
                return gaz.org_name(key)
    return None


def _name_endings(gaz: Gazetteer) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """The last words (Latin) or characters (Chinese) of every name, shorter than the
    name, to the bodies they end; and each body's children. Built once per gazetteer."""
    cached = gaz.__dict__.get("_name_endings")
    if cached is None:
        endings: dict[str, set[str]] = {}
        children: dict[str, list[str]] = {}
        for key, org in gaz.organisations.items():
            if org.parent:
                children.setdefault(org.parent, []).append(key)
            for name in org.names:
                folded = name.casefold()
                if re.search(r" (?:of|for) ", folded):
                    continue
                words = folded.split()
                tails = [" ".join(words[i:]) for i in range(1, len(words))]
                if re.search(r"[\u4e00-\u9fff]", folded):
                    tails += [folded[i:] for i in range(1, len(folded) - 1)]
                for tail in tails:
                    endings.setdefault(tail, set()).add(key)
        cached = gaz.__dict__["_name_endings"] = (endings, children)
    return cached


def _named_bodies(subject: str, offset: int, org_hits: list[Hit], gaz: Gazetteer) -> list[str]:
    """The bodies named in `subject`, if it ends with one ("Changchun City and the zone's
    committees"); none if the name is only a modifier ("示范区建设")."""
    end = offset + len(subject)
    group = _ZONE_COMMITTEES.search(subject)
    hits = [h for h in org_hits if offset <= h.start and h.end <= end]
    if group:
        hits = [h for h in hits if not offset + group.start() <= h.start < offset + group.end()]
    last_end = max([h.end for h in hits] + ([offset + group.end()] if group else []), default=None)
    if last_end is None or not _TRAILING.fullmatch(subject[last_end - offset :]):
        return []
    names: list[str] = []
    for hit in hits:
        name = gaz.org_name(hit.keys[0])
        if name not in names:
            names.append(name)
    if group:
        names += [n for n in _zone_committees(gaz) if n not in names]
    return names


def _zone_committees(gaz: Gazetteer) -> list[str]:
    """The zone's Party Working Committee and Management Committee, from the directory."""
    zone = {key for key, org in gaz.organisations.items() if "示范区" in org.aliases}
    return [
        org.canonical
        for org in gaz.organisations.values()
        if org.parent in zone and ("委员会" in org.name_zh or "Committee" in org.name_en)
    ]


def _objects_of_request(text: str, offset: int, org_hits: list[Hit], gaz: Gazetteer) -> list[str]:
    """Bodies asked to act: "要求长春市和示范区...", "urged Changchun City to ..."."""
    asked = _ASKED_TO.search(text)
    if asked and _UNKNOWN_BODY.fullmatch(asked["object"]):
        inside = [
            h
            for h in org_hits
            if offset + asked.start("object") <= h.start < offset + asked.end("object")
        ]
        if sum(h.end - h.start for h in inside) < 0.8 * len(asked["object"]):
            return [asked["object"]]
    verb = _REQUEST.search(text)
    if verb is None:
        return []
    named = _REQUESTED_GROUP.match(text, verb.end())
    if named and not any(h.start == offset + verb.end() for h in org_hits):
        return [named["group"]]
    pos = offset + verb.end()
    by_start = {h.start: h for h in org_hits}
    names: list[str] = []
    while (hit := by_start.get(pos)) is not None:
        name = gaz.org_name(hit.keys[0])
        if name not in names:
            names.append(name)
        joint = _JOINT.match(text, hit.end - offset)
        if joint is None:
            break
        pos = offset + joint.end()
    return names


def _addressees(
    body: str, spans: list[tuple[int, int]], org_hits: list[Hit], gaz: Gazetteer
) -> list[str]:
    """The bodies a reply or circular is addressed to: a first line of names ending in a colon."""
    for p_start, p_end in spans[:2]:
        paragraph = body[p_start:p_end]
        if len(paragraph) > 160 or not paragraph.rstrip().endswith((":", "：")):
            continue
        hits = [h for h in org_hits if p_start <= h.start < p_end]
        rest = list(paragraph)
        for hit in hits:
            rest[hit.start - p_start : hit.end - p_start] = [" "] * (hit.end - hit.start)
        if hits and _ADDRESS_REST.fullmatch("".join(rest)):
            return list(dict.fromkeys(gaz.org_name(h.keys[0]) for h in hits))
    return []


def _issuer(
    body: str,
    span: tuple[int, int],
    person_hits: list[Hit],
    org_hits: list[Hit],
    gaz: Gazetteer,
    official: bool,
    source_org: str | None,
) -> str | None:
    """The issuing body of an official document, else the speaker, else the organiser."""
    if official and source_org:
        return source_org
    start, end = span
    head = start + min(end - start, 120)
    before = [h for h in person_hits if h.start < head]
    speakers = [h for h in org_hits if h.start < head and _ORG_SPEECH.match(body, h.end)]
    for hit in sorted(before + speakers, key=lambda h: h.start, reverse=True):
        if hit in speakers:
            return gaz.org_name(hit.keys[0])
        window = body[hit.end : min(end, hit.end + 250)]
        if _SPEECH.search(window):
            return gaz.people[hit.keys[0]].canonical
    if before:
        return gaz.people[before[-1].keys[0]].canonical
    for hit in org_hits:
        if hit.start < start and _ORGANISER.match(body[hit.end : hit.end + 40]):
            return gaz.org_name(hit.keys[0])
    return source_org


_ZH_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2}
_EN_ORDINAL_VALUES = {
    w: i
    for i, w in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
        start=1,
    )
} | {"tenth": 10}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


def _zh_number(text: str) -> int | None:
    digits = "".join(c for c in text if c in _ZH_VALUES or c == "十")
    if not digits:
        return None
    if "十" not in digits:
        return _ZH_VALUES.get(digits[-1])
    tens, _, units = digits.partition("十")
    return (_ZH_VALUES.get(tens, 1) if tens else 1) * 10 + (
        _ZH_VALUES.get(units, 0) if units else 0
    )


def ordinal_level(ordinal: str) -> tuple[int, int] | None:
    """The outline level and number of an ordinal as written: 一、 (1), （一） (2), 1. (3),
    (1) (4), 一是 / First, (5); a table row's bare number (6)."""
    text = ordinal.strip()
    if re.fullmatch(r"\d{1,3}", text):
        return 6, int(text)
    if m := re.fullmatch(r"[(（]\s*(\d{1,2})\s*[)）]", text):
        return 4, int(m[1])
    if m := re.fullmatch(r"(\d{1,2})\s*[.．、)）]", text):
        return 3, int(m[1])
    if re.fullmatch(r"[(（][一二三四五六七八九十]+[)）]", text):
        return 2, _zh_number(text) or 0
    if re.fullmatch(r"(?:第)?[一二三四五六七八九十]+[、.．]?", text):
        return 1, _zh_number(text) or 0
    if re.fullmatch(r"[IVX]{1,4}\.", text):
        return 1, _ROMAN.get(text[:-1], 0)
    if re.fullmatch(r"[一二三四五六七八九十]+是|[一二三四五六七八九十](?=要)", text):
        return 5, _zh_number(text) or 0
    word = re.sub(r"ly$", "", text.lower())
    if word in _EN_ORDINAL_VALUES:
        return 5, _EN_ORDINAL_VALUES[word]
    return None


def outline(body: str, items: list[tuple[int, str]]) -> list[str]:
    """The number of each item (its span start and ordinal) in the document's own outline,
    headings included: "二、重点任务 … （一）…" gives the item "2.1". Empty for an item
    without an ordinal."""
    events: dict[int, tuple[int, int]] = {}
    for p_start, p_end in paragraph_spans(body):
        head = _MARKER.match(body, p_start, p_end)
        if head is not None:
            ordinal = (head["en"] or head["num"] or head["zh"]).strip(" ，,：:")
            if (level := ordinal_level(ordinal)) is not None:
                events.setdefault(head.end(), level)
    for start, ordinal in items:
        if ordinal and (level := ordinal_level(ordinal)) is not None:
            events[start] = level
    stack: list[tuple[int, int]] = []
    paths: dict[int, str] = {}
    for position in sorted(events):
        level, number = events[position]
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, number))
        paths[position] = ".".join(str(n) for _, n in stack)
    return [paths.get(start, "") if ordinal else "" for start, ordinal in items]
