"""From a web page, or text copied from one, to the article: title, meta lines and body.

trafilatura finds the main text of HTML (in its fast mode: the line filter below catches
what its fallback extractors would, at two thirds of the cost); Chinese portals still leak
previous/next links and related-news lists through it, and copied text has all the
furniture, so one line filter serves both. Lines are classified, never rewritten, so
spans stay honest.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from planwatch.intake import tables

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACE_CHARS = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\t\f\v]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_RUNS = re.compile(r" {2,}")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")

# A date with a year, in any of the forms portals print.
DATE_RE = (
    r"(?:\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
TIME_RE = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_DATE_LINE = re.compile(rf"^[\s(（\[【]*{DATE_RE}{TIME_RE}[\s)）\]】]*$", re.I)
_DATE_START = re.compile(rf"^[\s(（\[【]*{DATE_RE}{TIME_RE}(?:\s|$)", re.I)
_ENDS_WITH_DATE = re.compile(rf"(?:{DATE_RE}|\d{{1,2}}[-/]\d{{1,2}}){TIME_RE}[\s)）\]】]*$", re.I)
_FULL_DATE_AT = re.compile(DATE_RE, re.I)

META_LABELS = (
    r"published(?: on| at| date| time)?|publication date|release(?:d)?(?: date| time)?"
    r"|posted(?: on)?|updated|date|time|source|from|author|authors|reporter|reporters"
    r"|editor|responsible editor|editor in charge|chief editor|translator|photo|photos"
    r"|issued by|publisher|issuer|发布时间|发布日期|发布机构|发文机关|成文日期|时间|日期"
    r"|来源|稿源|出处|作者|记者|通讯员|编辑|责任编辑|责编|审核|校对|摄影|文|图"
    r"|索引号|主题分类|体裁分类|发文字号|文号|有效性|批示人|批示日期|来文单位|报送单位|文件标题|标题"
    r"|index no|document no|instructed by|submitted by|date of instruction|instruction date"
    r"|date of publication|publication time|issue date|date issued|date posted"
    r"|来文机关|事由|批示领导|批示时间|成文时间|印发日期"
)
BYLINE = re.compile(
    r"^\s*[Bb]y\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+"
    r"(?:\s+[A-Z][\w.'-]+){0,3})*)\s*$"
)
_CREDIT = re.compile(
    r"^\s*[(（\[【]\s*(?:editing|edited|reporting|writing|compiled|translated|photo|责任编辑|编辑"
    r"|记者|作者|通讯员|摄影)\b[^)）\]】]*[)）\]】]\s*$",
    re.I,
)
_META_HINT = re.compile(
    r"[:：]|\d{4}\s*[-/.年]|\d{1,2},? \d{4}|^\s*[Bb]y\s|^\s*[(（\[【]|[〇一二三四五六七八九]年"
)
_META_LABEL = re.compile(rf"(?:^|\s|\||丨|(?<=[\d\u4e00-\u9fff]))({META_LABELS})\s*[:：]", re.I)
_META_START = re.compile(rf"^\s*[\[【(（]?\s*(?:{META_LABELS})\s*[:：]", re.I)

_ANCHORED = re.compile(
    r"^\s*[\[【(（<«]?\s*(?:"
    r"(?:previous|prev|next|last|older|newer)\s*(?:post|article|page|item|story|news|one|entry)?"
    r"\s*[:：>»|]"
    r"|(?:上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页|上一个|下一个)"
    r"|(?:related|recommended|more|latest|popular|hot|top|further)\s+"
    r"(?:news|articles|stories|reading|posts|reports|links|content|items)"
    r"|(?:相关|推荐|热门|延伸|更多|最新|热点|精彩|往期)(?:新闻|阅读|文章|报道|链接|资讯|推荐|回顾|图片)"
    r"|share(?:\s+(?:to|on|this))?\b|分享到?|(?:copyright|©|\(c\)|版权所有|版权声明|免责声明)"
    r"|disclaimer|home\s*[>»/|]|首页\s*[>»/|]|当前位置|您的位置|你的位置|your (?:current )?location"
    r"|you are here|back to top|返回顶部|返回首页|打印本页|关闭窗口|print this page|close window"
    r"|(?:address|addr|地址|电话|tel|fax|传真|e-?mail|邮箱|邮编|postcode|zip code)\s*[:：]"
    r")",
    re.I,
)

_SHORT_FURNITURE = re.compile(
    r"hotline|customer service|service (?:tel|phone|number)|热线|客服|举报电话|联系我们|contact us"
    r"|about us|关于我们|\b(?:views?|visits?|reads?|hits|clicks|comments?|likes?|shares?)"
    r"\s*[:：(（]?\s*\d|\d[\d,]*\s*(?:views|reads|comments|likes|hits|shares)\b"
    r"|\bcollect(?:ion)?s?\b"
    r"|send gifts?|点击[数量率次]*\s*[:：]?\s*\d|浏览[数量次]*\s*[:：]?\s*\d|阅读[数量次]*\s*[:：]?"
    r"\s*\d|评论\s*[:：(（]?\s*\d|收藏|点赞|送礼物?|打赏|total visits|访问(?:量|次数|人数)|总访问"
    r"|you are visitor|visitor (?:count|number)|disclaimer|all rights reserved|copyright|免责|版权"
    r"|转载|reprint|without (?:permission|authori[sz]ation)|未经(?:许可|授权)|privacy|隐私"
    r"|terms of (?:use|service)|cookies?\b|site ?map|网站地图|网站声明|legal notice|法律声明"
    r"|\bicp\b|备案|公网安备|record (?:no|number)|licen[cs]e (?:no|number)|许可证"
    r"|(?:sponsored|hosted|organi[sz]ed|operated|maintained|run) by|主办|承办|技术支持|协办"
    r"|scan (?:the )?qr|qr code"
    r"|扫一扫|二维码|客户端|download (?:the|our) app|follow us|关注我们|font size|字号|字体\s*[:：]"
    r"|\[\s*(?:big|medium|small|large)\s*\]|大\s+中\s+小|\[\s*(?:print|close)\s*\]"
    r"|【\s*(?:打印|关闭)|\blog ?in\b|\bsign (?:in|up)\b|登录|注册|wechat|weibo|微信|微博|twitter"
    r"|facebook|qzone|\btop\s*$",
    re.I,
)
_BARE = re.compile(
    r"^\s*[\[【(]?\s*(?:print|close|share|collect|打印|关闭|分享|收藏|search|搜索|home|首页"
    r"|more|更多|top|返回|back)\s*[\]】)]?\s*$",
    re.I,
)
_NAV_SPLIT = re.compile(r"\s*[|>»·•/]\s*|\s{2,}")
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\(?\d{1,2}[.、)）]"
    r"|第[一二三四五六七八九十]+[章节条部分]|[IVX]{1,4}\.\s|chapter|part|article|section)",
    re.I,
)
# A document number: "吉政办发〔2026〕18号", "Jizheng Banfa [2026] No. 18".
_DOC_NUMBER = re.compile(
    r"^\s*[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d\d\s*[〕\]］)）】]\s*\d{1,4}\s*号\s*$"
    r"|^\s*[A-Z][\w .-]{0,40}\[\s*(?:19|20)\d\d\s*\]\s*No\.?\s*\d{1,4}\s*$"
)
_ENDINGS = set(".!?。！？…;；:：\"')）」』")


@dataclass
class Cleaned:
    """The article: its title, its paragraphs, and the lines that may carry metadata."""

    title: str | None
    paragraphs: list[str]
    meta_lines: list[str] = field(default_factory=list)
    html_meta: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalise(text: str) -> str:
    """Unify line ends, spaces (NBSP, ideographic indents) and curly quotes; trim lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _ZERO_WIDTH.sub("", _SPACE_CHARS.sub(" ", text)).translate(_QUOTES)
    lines = [_RUNS.sub(" ", line.replace("\u3000", " ")).strip() for line in text.split("\n")]
    return "\n".join(lines)


def is_cjk(text: str) -> bool:
    """Mostly Chinese: CJK characters outnumber the other word characters."""
    head = text[:200]
    cjk = len(CJK.findall(head))
    return cjk > len(_LATIN_OR_DIGIT.findall(head))


def _short(line: str, en: int = 140, zh: int = 60, cjk: bool | None = None) -> bool:
    if len(line) <= zh:
        return True
    if len(line) > en:
        return False
    return not (is_cjk(line) if cjk is None else cjk)


def sentence_like(line: str) -> bool:
    """Body paragraphs end like sentences or run long; titles and links do neither."""
    return line.rstrip()[-1:] in _ENDINGS or not _short(line, 160, 70)


def classify(line: str) -> str:
    """ "furniture", "meta" (labelled fields or a bare date, kept for metadata), "dated" (a
    few words and a full date: an outlet's dateline, a dated title, or one link of a list)
    or "body"."""
    if _ANCHORED.match(line) or _BARE.match(line):
        return "furniture"
    if _DATE_LINE.match(line) or BYLINE.match(line) or _CREDIT.match(line):
        return "meta"
    if _DOC_NUMBER.match(line):
        return "meta"
    if len(line) > 200:
        return "body"
    cjk = is_cjk(line)
    colon = ":" in line or "：" in line
    if _short(line, 200, 90, cjk) and (
        (colon and _META_START.match(line))
        or _DATE_START.match(line)
        or (colon and len(_META_LABEL.findall(line)) >= 2)
    ):
        return "meta"
    if not _short(line, cjk=cjk):
        return "body"
    if _SHORT_FURNITURE.search(line):
        return "furniture"
    if not sentence_like(line):
        parts = [p for p in _NAV_SPLIT.split(line) if p]
        if len(parts) >= 3 and all(_short(p, 25, 8, cjk) for p in parts):
            return "furniture"
    dated = _ENDS_WITH_DATE.search(line, max(0, len(line) - 40))
    if dated and not _DATE_LINE.match(line):
        prefix = line[: dated.start()].rstrip(" ,，|·-–—(（[【")
        if not _FULL_DATE_AT.match(line, dated.start()):
            return "body" if sentence_like(prefix) else "furniture"
        if prefix.endswith((":", "：")):
            return "meta"
        if not sentence_like(prefix):
            return "dated"
    return "body"


def might_be_meta(line: str) -> bool:
    """A cheap test before `classify` on the whole page: meta lines are short and carry a
    colon, a digit or a byline."""
    return len(line) <= 200 and bool(_META_HINT.search(line))


def _shingles(text: str) -> set[str]:
    flat = re.sub(r"[\W_]+", "", text.lower())
    k = 3 if is_cjk(text) else 5
    return {flat[i : i + k] for i in range(max(1, len(flat) - k + 1))}


_ATTACHMENT = re.compile(r"^\s*(?:附件|附表|attachment|annex|appendix)\s*\d*\s*[:：]", re.I)


def drop_near_duplicates(paragraphs: list[str]) -> list[str]:
    """Drop a paragraph whose text is mostly contained in a fuller one (cut short, garbled).

    Containment of character shingles survives dropped words, swapped words and typos
    while two different paragraphs of one report share few five-letter runs. An inverted
    index counts shared shingles, so a long page costs little more than a short one.
    """
    seen: set[str] = set()
    unique = []
    for paragraph in paragraphs:
        key = re.sub(r"[\W_]+", "", paragraph.lower())
        if key not in seen:
            seen.add(key)
            unique.append(paragraph)
    paragraphs = unique
    sets = [_shingles(p) for p in paragraphs]
    index: dict[str, list[int]] = {}
    for k, shingles in enumerate(sets):
        for shingle in shingles:
            index.setdefault(shingle, []).append(k)
    dropped: set[int] = set()
    for i, shingles in enumerate(sets):
        if (
            len(paragraphs[i]) < 12
            or paragraphs[i].rstrip()[-1:] in ":："
            or " | " in paragraphs[i]
            or _ITEM_START.match(paragraphs[i])
            or _ATTACHMENT.match(paragraphs[i])
            or " | " in (paragraphs[i + 1] if i + 1 < len(paragraphs) else "")
        ):
            continue
        sample = [shingle for shingle in shingles if len(index[shingle]) <= 12][::3]
        shared = Counter(j for shingle in sample for j in index[shingle] if j != i)
        for j, count in shared.items():
            if count < 0.3 * len(sample) or j in dropped or len(paragraphs[j]) < len(paragraphs[i]):
                continue
            if len(paragraphs[i]) < 0.15 * len(paragraphs[j]):
                continue
            if len(paragraphs[j]) == len(paragraphs[i]) and j > i:
                continue
            if len(shingles & sets[j]) >= 0.6 * len(shingles):
                dropped.add(i)
                break
    return [p for k, p in enumerate(paragraphs) if k not in dropped]


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a.lower()) == re.sub(r"\W+", "", b.lower())


def _looks_like_title(line: str) -> bool:
    return (
        _short(line, 200, 80)
        and line.rstrip("\"'”")[-1:] not in _ENDINGS
        and len(re.sub(r"\W", "", line)) >= 4
    )


def clean_lines(lines: list[str], title: str | None = None) -> Cleaned:
    """Split lines into title, body paragraphs and metadata lines.

    Without a known title, the title is the last title-like line before the first meta
    line near the top, or the first title-like line; whatever precedes it is page header.
    """
    lines = [line for line in lines if line]
    kinds = _dated_lists([classify(line) for line in lines])
    for table in tables.find_tables(lines):
        for i in (table.header, *table.rows):
            lines[i] = tables.SEPARATOR.join(c.strip() for c in tables.cells_of(lines[i]))
            kinds[i] = "table"
    start = 0
    dated_title = None
    if title is None:
        title, start = _find_title(lines, kinds)
        if start and kinds[start - 1] == "dated":
            dated_title = title
    first_body = next(
        (i for i in range(start, len(kinds)) if kinds[i] in {"body", "table"}), len(kinds)
    )
    meta: list[str] = []
    links = False
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        links = links or (i > first_body and kind == "furniture" and bool(_ANCHORED.match(line)))
        if kind == "meta" or (kind == "dated" and not links and line != dated_title):
            meta.append(line)
    if dated_title:
        meta.append(dated_title)
    body: list[tuple[str, str]] = []
    in_list = False
    for line, kind in zip(lines[start:], kinds[start:], strict=True):
        if kind == "furniture" and _ANCHORED.match(line) and _is_list_heading(line):
            in_list = True
            continue
        if in_list and kind != "meta" and (not sentence_like(line) or _ENDS_WITH_DATE.search(line)):
            continue
        in_list = False
        if kind == "table" or (kind == "body" and not (title and _same(line, title))):
            body.append((line, kind))
    while body and body[-1][1] == "body" and not sentence_like(body[-1][0]):
        if _HEADING.match(body[-1][0]):
            break
        meta.append(body.pop()[0])
    paragraphs = [line for line, _ in body]
    header = [
        ln
        for ln, k in zip(lines[:start], kinds[:start], strict=True)
        if k != "furniture" and ln != title
    ]
    return Cleaned(title, drop_near_duplicates(paragraphs), header + meta)


def _dated_lists(kinds: list[str]) -> list[str]:
    """Two dated lines in a row are a list of links ("Title 2020-06-28"), not metadata."""
    out = list(kinds)
    for i, kind in enumerate(kinds):
        neighbours = kinds[max(0, i - 1) : i] + kinds[i + 1 : i + 2]
        if kind == "dated" and "dated" in neighbours:
            out[i] = "furniture"
    return out


def _is_list_heading(line: str) -> bool:
    return bool(
        re.match(
            r"^\s*[\[【(（]?\s*(?:related|recommended|more|latest|popular|hot|top|further|相关|推荐"
            r"|热门|延伸|更多|最新|热点|精彩|往期)",
            line,
            re.I,
        )
    )


def _find_title(lines: list[str], kinds: list[str]) -> tuple[str | None, int]:
    top = min(len(lines), 15)
    first_meta = next((i for i in range(min(top, 6)) if kinds[i] in {"meta", "dated"}), None)
    if first_meta is not None:
        for i in range(first_meta - 1, -1, -1):
            if kinds[i] == "body" and _looks_like_title(lines[i]):
                return lines[i], i + 1
    for i in range(top):
        if kinds[i] == "dated" and _dated_title(lines[i]):
            return lines[i], i + 1
        if kinds[i] == "table":
            return None, i
        if kinds[i] == "body":
            if _looks_like_title(lines[i]):
                return lines[i], i + 1
            return None, i
    return None, 0


def _dated_title(line: str) -> bool:
    """A headline that carries its date ("... projects (15 July 2020)"), not an outlet's
    name and a date: five words or a dozen Chinese characters before the date."""
    found = _ENDS_WITH_DATE.search(line)
    prefix = line[: found.start()] if found else line
    return len(prefix.split()) >= 5 or len(CJK.findall(prefix)) >= 12


def clean_text(text: str) -> Cleaned:
    """Plain text copied from a page: every non-empty line (hard-wrapped lines re-joined)
    is a paragraph candidate."""
    return clean_lines(rejoin_wrapped(normalise(tables.rows_as_cells(text)).split("\n")))


def _width(line: str) -> int:
    return len(line) + len(CJK.findall(line))


def _wrap_width(lines: list[str]) -> int | None:
    """The column at which a text copied from e-mail or a PDF was hard-wrapped, if it was.

    Greedy wrapping fills every line to within a word of the column, so at least two body
    lines stop mid-sentence within 16 columns of the widest line, and no paragraph runs
    past it; text copied from a page has one line per paragraph, many of them longer.
    """
    widths = [_width(ln) for ln in lines]
    widest = max((w for w in widths if 40 <= w <= 120), default=None)
    if widest is None:
        return None
    if any(
        w > widest and ln[-1] in _ENDINGS and classify(ln) == "body"
        for ln, w in zip(lines, widths, strict=True)
    ):
        return None
    near = sum(
        1
        for ln, w in zip(lines, widths, strict=True)
        if widest - 16 <= w <= widest and ln[-1] not in _ENDINGS and classify(ln) == "body"
    )
    return widest if near >= 2 else None


_ITEM_START = re.compile(
    r"^(?:[(（]?\d{1,2}[.．、)）]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、是]"
    r"|[•·▪●◦*-]\s|[IVX]{1,4}\.\s|(?:First|Second|Third|Fourth|Fifth|Finally|Last)\w*,)",
)


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Join the lines of a paragraph that was broken at a fixed column (or that continue
    in lower case) into one line, so that no line of it is taken for a title or dropped.

    A line is continued by the next when it stops mid-sentence at the wrap column, or when
    the next starts in lower case; in a text whose paragraphs are separated by blank lines,
    a full line at the column is continued too unless the next line opens a new item.
    Lines that are furniture or metadata are never joined.
    """
    width = _wrap_width(lines)
    blank_separated = width is not None and "" in lines
    out: list[str] = []
    previous = ""
    for line in lines:
        if line and previous and _continues(previous, line, width, blank_separated):
            joined = previous.endswith("-") or CJK.match(line) or CJK.match(previous[-1])
            out[-1] += ("" if joined else " ") + line
        else:
            out.append(line)
        previous = line
    return out


def _continues(previous: str, line: str, width: int | None, blank_separated: bool) -> bool:
    if "|" in previous or "|" in line:
        return False
    ended = previous.rstrip()[-1:] in _ENDINGS
    lower = line[0].islower() and not ended
    full = width is not None and _width(previous) >= width - 16
    if not (lower or (full and (not ended or (blank_separated and not _ITEM_START.match(line))))):
        return False
    return (
        classify(previous) == "body"
        and classify(line) in {"body", "furniture"}
        and not (_ANCHORED.match(line) or _BARE.match(line) or _SHORT_FURNITURE.search(line))
    )


_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "section", "table", "td", "th", "tr", "ul", "title",
}  # fmt: skip


_INLINE = {"span", "a", "em", "b", "strong", "i", "label", "font", "small", "time"}


def _page_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """All visible text of the page, one line per block, for metadata only.

    Changes `tree` (marks block ends, drops scripts), so call it after extraction.
    """
    etree.strip_elements(tree, "script", "style", "noscript", "template", with_tail=False)
    for element in tree.iter(*_BLOCK):
        element.tail = "\n" + (element.tail or "")
        element.text = "\n" + (element.text or "")
    for element in tree.iter(*_INLINE):
        element.tail = " " + (element.tail or "")
    body = tree.find("body")
    text = etree.tostring(body if body is not None else tree, method="text", encoding="unicode")
    return [line for line in normalise(text).split("\n") if line]


def _html_meta(tree: lxml_html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        value = (node.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = normalise(value)
    h1 = tree.find(".//h1")
    if h1 is not None:
        found["h1"] = normalise(h1.text_content()).replace("\n", " ").strip()
    title = tree.find(".//title")
    if title is not None and title.text:
        found["title"] = normalise(title.text).replace("\n", " ").strip()
    return found


def html_title(meta: dict[str, str]) -> str | None:
    """The <h1>, else og:title, else <title> without its " - Site name" tail."""
    for key in ("h1", "og:title"):
        if meta.get(key):
            return meta[key]
    title = meta.get("title")
    if not title:
        return None
    return re.split(r"\s+(?:-{1,2}|[|–—_])\s+|_|\|", title)[0].strip() or title


_LAYOUT_TAGS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup"}


def unfold_tables(tree: lxml_html.HtmlElement) -> None:
    """A task table becomes one paragraph per row, cells joined by " | "; any other table
    (a page laid out with tables, an information box) becomes plain blocks, so that its
    paragraphs are read as paragraphs. Inner tables first."""
    for table in reversed(list(tree.iter("table"))):
        rows = [tr for tr in table.iter("tr") if tr.getparent() is not None]
        cells = [[c.text_content() for c in tr if c.tag in {"td", "th"}] for tr in rows]
        cells = [[" ".join(normalise(c).split()) for c in row] for row in cells]
        header = next((i for i, row in enumerate(cells[:3]) if tables.header_kinds(row)), None)
        if header is not None:
            width = len(cells[header])
            block = lxml_html.Element("div")
            for row in cells[header:]:
                if len(row) == width and any(row):
                    paragraph = etree.SubElement(block, "p")
                    paragraph.text = tables.SEPARATOR.join(row)
            block.tail = table.tail
            table.getparent().replace(table, block)
            continue
        for element in [table, *table.iter(*_LAYOUT_TAGS)]:
            element.tag = "div"


def clean_html(html: str) -> Cleaned:
    """Main text by trafilatura, then the line filter; metadata from the whole page."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html) if html.strip() else None
    if tree is None:
        return Cleaned(None, [])
    meta = _html_meta(tree)
    title = html_title(meta)
    unfold_tables(tree)
    text = trafilatura.extract(tree, fast=True, include_comments=False, include_tables=True) or ""
    page = _page_lines(tree)
    lines = normalise(text).split("\n")
    cleaned = clean_lines(lines, title=title)
    in_body = set(lines)
    head = next((i for i, ln in enumerate(page) if ln in in_body), len(page))
    page_meta = [
        ln
        for ln in page[: head + 3]
        if ln not in in_body and might_be_meta(ln) and classify(ln) == "meta"
    ]
    known = set(page_meta)
    cleaned.meta_lines = page_meta + [ln for ln in cleaned.meta_lines if ln not in known]
    cleaned.html_meta = meta
    if not cleaned.paragraphs:
        fallback = clean_lines(page, title=title)
        cleaned.paragraphs = fallback.paragraphs
    return cleaned
