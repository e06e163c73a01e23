"""People the directory does not know yet, named with a post, and reporters in bylines.

"Deputy Mayor Sun Yanbo", "Park Ji-hoon, Director of KOTRA Dalian", "长春市副市长孙艳波",
"KOTRA大连代表处首席代表朴智勋": each becomes a person of the record with the post as
written and the organisation it belongs to (the directory's name when known, else as
written), so the review queue can propose them. A name written in both scripts in one
document (刘景波 / Liu Jingbo) is one person. National leaders named with an honorific
("General Secretary Xi Jinping", "习近平总书记") are people without a post: no tenure is
proposed for them.
"""

from __future__ import annotations

import re
from typing import Any

from planwatch.intake.gazetteer import Gazetteer
from planwatch.intake.link import Hit

_TITLE_EN = (
    r"(?:(?:Executive|First|Acting)\s+)?(?:(?:Vice|Deputy|Assistant)[\s-])?"
    r"(?:Mayor|Governor|Director[\s-]General|Director|Secretary[\s-]General|Party Secretary"
    r"|Secretary|Chairman|Chairwoman|Chairperson|President|General Manager|Manager"
    r"|Chief Representative|Chief Executive|Representative|Head|Minister|Commissioner"
    r"|Consul[\s-]General|Ambassador|CEO|Dean|Premier|General Secretary|Leader)"
)
_TITLE_HINT_EN = re.compile(
    r"Mayor|Governor|Director|Secretary|Chair|President|Manager|Representative|Head|Minister"
    r"|Commissioner|Consul|Ambassador|CEO|Dean|Premier|Leader"
)
_NAME_EN = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+(?:-[a-z]+)?){1,2}"
_ORG_EN = r"[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and|on|in|at|the)\s+)*[A-Z][\w&'’-]*){0,8}"
_TITLE_BEFORE_EN = re.compile(rf"\b(?P<title>{_TITLE_EN})\s+(?P<name>{_NAME_EN})\b")
_NAME_TITLE_OF_EN = re.compile(
    rf"\b(?P<name>{_NAME_EN}),\s+(?:the\s+)?(?P<title>{_TITLE_EN})"
    rf"(?:\s+(?:of|at)\s+(?:the\s+)?(?P<org>{_ORG_EN}))?(?=\s*[,.;)(（]|\s+(?:and|said|who)\b)"
)
_TITLE_ZH = (
    r"(?:常务)?副?(?:省长|市长|区长|县长|州长|主任|书记|局长|厅长|部长|处长|科长|总经理"
    r"|董事长|首席代表|总领事|领事|大使|会长|社长|院长|秘书长|主席|总裁|经理|馆长|所长|行长|组长)"
)
# Common Chinese and Korean surnames: a name after a post starts with one.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝朴权玄禹千"
)
_NAME_END = (
    r"(?=[，,、。；;：:）)\s]|$"
    r"|[出主表介指强在与和到一等会说讲率带调参视考陪同也还先对向就要为是介称])"
)
_ORG_SUFFIX_ZH = (
    r"(?:代表处|办事处|公司|集团|局|厅|委|管委会|党工委|政府|市|省|区|县|社|会|中心|银行|商会|协会|大学"
    r"|医院|研究院|研究所|海关|公社)"
)
_TITLE_BEFORE_ZH = re.compile(_TITLE_ZH)
_UNKNOWN_ORG_ZH = re.compile(
    rf"(?:^|[，,、。；;：:（(\s])(?P<org>[A-Za-z\u4e00-\u9fff]{{2,20}}{_ORG_SUFFIX_ZH})$"
)
_HONORIFIC = {"General Secretary", "President", "Premier", "总书记", "国家主席", "总理"}
_HONORIFIC_AFTER_ZH = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})(?P<title>总书记|国家主席|总理)")
_GOVERNMENT_TITLES = re.compile(r"长|Mayor|Governor", re.I)


def _surname(name: str) -> bool:
    return name[:1] in _SURNAMES


def _zh_name(text: str, at: int) -> str | None:
    for size in (3, 2):
        candidate = text[at : at + size]
        if (
            len(candidate) == size
            and re.fullmatch(r"[\u4e00-\u9fff]+", candidate)
            and _surname(candidate)
            and re.match(_NAME_END, text[at + size : at + size + 1])
        ):
            return candidate
    return None


def _org_name(
    text: str, start: int, end: int, org_hits: list[Hit], gaz: Gazetteer, title: str
) -> str | None:
    """The directory's name of the body text[start:end] names, a city's government for
    a mayor, or the words as written."""
    if end <= start:
        return None
    phrase = text[start:end].strip()
    phrase = re.sub(r"^(?:the)\s+", "", phrase, flags=re.I)
    hits = [h for h in org_hits if start <= h.start and h.end <= end]
    if hits and hits[-1].end - hits[0].start >= 0.8 * len(phrase):
        key = hits[-1].keys[0]
        if _GOVERNMENT_TITLES.search(title):
            key = _government_of(key, gaz)
        return gaz.org_name(key)
    return phrase or None


def _government_of(key: str, gaz: Gazetteer) -> str:
    """A city's or province's government, where a mayor or governor serves."""
    for child_key, child in gaz.organisations.items():
        if child.parent == key and ("政府" in child.name_zh or "Government" in child.name_en):
            return child_key
    return key


def unknown_people(
    text: str,
    person_hits: list[Hit],
    org_hits: list[Hit],
    gaz: Gazetteer,
) -> list[dict[str, Any]]:
    """People named with a post in `text` whom the directory does not know."""
    known = bytearray(len(text) + 1)
    for hit in person_hits:
        known[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    found: dict[str, dict[str, Any]] = {}

    def add(name: str, start: int, title: str | None, org: str | None) -> None:
        if any(known[start : start + len(name)]):
            return
        person = found.setdefault(name, {"name": name, "mentions": [name], "posts": []})
        if title and (org is not None or title not in _HONORIFIC):
            post = {"title": " ".join(title.split()), "organisation": org, "acting": False}
            if post not in person["posts"]:
                person["posts"].append(post)

    latin = bool(_TITLE_HINT_EN.search(text))
    for m in _NAME_TITLE_OF_EN.finditer(text) if latin else ():
        org = _org_name(text, *m.span("org"), org_hits, gaz, m["title"]) if m["org"] else None
        add(m["name"], m.start("name"), m["title"], org)
    for m in _TITLE_BEFORE_EN.finditer(text) if latin else ():
        if m["name"] not in found or not found[m["name"]]["posts"]:
            add(m["name"], m.start("name"), m["title"], None)
    if re.search(r"[\u4e00-\u9fff]", text):
        for m in _TITLE_BEFORE_ZH.finditer(text):
            name = _zh_name(text, m.end())
            if name is None:
                continue
            add(name, m.end(), m.group(), _zh_org(text, m, org_hits, gaz))
        for m in _HONORIFIC_AFTER_ZH.finditer(text):
            if _surname(m["name"]):
                add(m["name"], m.start(), m["title"], None)
    return _merge_scripts(list(found.values()))


def _zh_org(text: str, title: re.Match[str], org_hits: list[Hit], gaz: Gazetteer) -> str | None:
    """The body named right before a Chinese post: a directory name, else the words back
    to the last punctuation when they end like a body's name ("KOTRA大连代表处")."""
    before = [h for h in org_hits if h.end == title.start()]
    if before:
        key = before[-1].keys[0]
        if _GOVERNMENT_TITLES.search(title.group()):
            key = _government_of(key, gaz)
        return gaz.org_name(key)
    unknown = _UNKNOWN_ORG_ZH.search(text, max(0, title.start() - 21), title.start())
    return unknown["org"] if unknown else None


def _merge_scripts(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """刘景波 and Liu Jingbo in one document are one person, under the Latin name."""
    from planwatch.intake.link import _pinyin_key

    latin = {re.sub(r"[\s-]", "", p["name"]).lower(): p for p in people if p["name"].isascii()}
    merged = []
    for person in people:
        if person["name"].isascii():
            continue
        twin = latin.get(_pinyin_key(person["name"]))
        if twin is None:
            merged.append(person)
            continue
        twin["mentions"] = [person["name"], *twin["mentions"]]
        twin["posts"] += [p for p in person["posts"] if p not in twin["posts"]]
    return merged + list(latin.values())


def reporters(names: dict[str, str], outlet: str | None) -> list[dict[str, Any]]:
    """Reporters of a byline as people, with their role at the outlet as their post."""
    return [
        {
            "name": name,
            "mentions": [name],
            "posts": [{"title": role, "organisation": outlet, "acting": False}],
        }
        for name, role in names.items()
    ]
