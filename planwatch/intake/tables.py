"""Task-division tables (重点工作任务分工表): task, lead unit, co-units, deadline.

Every reader turns a table into lines of cells joined by " | " (tab-separated and
space-aligned text, HTML <table>, DOCX tables, XLSX sheets); a table is recognised by
its header row, whose cells name the columns in Chinese or English. Its rows stay in the
body, one paragraph each, so the directives found in them keep honest spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATOR = " | "
_COLUMNS = {
    "number": r"序号|编号|No\.?|Number|Item|#",
    "task": r"(?:重点|主要|具体)?(?:工作)?(?:任务|事项|措施|内容)(?:名称|内容)?|工作任务及目标"
    r"|(?:Key |Main )?(?:Tasks?|Work(?: items?)?|Measures?|Actions?)",
    "lead": r"(?:牵头|责任|主责|主办)(?:单位|部门)|牵头|"
    r"Lead(?:ing)?(?: units?| departments?| bod(?:y|ies))?|Responsible(?: units?| departments?)?",
    "co": r"(?:配合|协办|协助|参与|责任配合)(?:单位|部门)|配合"
    r"|Co-?units?|Co-?operating units?|(?:Supporting|Assisting|Participating) units?"
    r"|Co-?organi[sz]ers?",
    "deadline": r"(?:完成)?(?:时限|时间|期限)(?:要求)?|时间节点|完成时限|进度安排"
    r"|Deadlines?|Due(?: date)?|Time ?limits?|Completion(?: date| time)?|Timeline|By when",
}
_HEADER = {kind: re.compile(rf"(?:{pattern})", re.I) for kind, pattern in _COLUMNS.items()}
_WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]"
)
_CELL_SPLIT = re.compile(r"\s*\|\s*")
_ALIGNED_SPLIT = re.compile(r"\S+(?: \S+)*")


def header_kinds(cells: list[str]) -> list[str | None] | None:
    """The kind of each column if `cells` are a task table's header, else None."""
    if len(cells) < 3:
        return None
    kinds: list[str | None] = []
    for cell in cells:
        text = cell.strip(" *：:")
        kind = next((k for k, rx in _HEADER.items() if text and rx.fullmatch(text)), None)
        kinds.append(kind if kind not in kinds else None)
    named = [k for k in kinds if k]
    if "task" not in named or len(named) < 3 or not {"lead", "deadline"} & set(named):
        return None
    return kinds


def cell_spans(line: str, offset: int = 0) -> list[tuple[int, int]]:
    """[start, end) of each cell of a " | " row, empty cells included."""
    lead = len(line) - len(line.lstrip(" |"))
    tail = len(line.rstrip(" |"))
    spans, start = [], lead
    for sep in _CELL_SPLIT.finditer(line, lead, tail):
        if sep.start() == sep.end():
            continue
        spans.append((offset + start, offset + sep.start()))
        start = sep.end()
    spans.append((offset + start, offset + max(start, tail)))
    return spans


def cells_of(line: str) -> list[str]:
    return [line[s:e] for s, e in cell_spans(line)]


def is_row(line: str) -> bool:
    return "|" in line and len(cell_spans(line)) >= 3


@dataclass(frozen=True)
class Table:
    """A header row's column kinds and the indices (into a list of lines) of its rows."""

    kinds: tuple[str | None, ...]
    header: int
    rows: tuple[int, ...]


def find_tables(lines: list[str]) -> list[Table]:
    """Header rows and the rows after them with the same number of cells."""
    tables = []
    i = 0
    while i < len(lines):
        kinds = header_kinds(cells_of(lines[i])) if is_row(lines[i]) else None
        if kinds is None:
            i += 1
            continue
        rows = []
        j = i + 1
        while j < len(lines) and is_row(lines[j]) and len(cell_spans(lines[j])) == len(kinds):
            rows.append(j)
            j += 1
        tables.append(Table(tuple(kinds), i, tuple(rows)))
        i = j
    return tables


def _width(text: str) -> int:
    """Columns on screen: a Chinese character takes two."""
    return len(text) + len(_WIDE.findall(text))


def rows_as_cells(text: str) -> str:
    """Plain text with its tables' rows joined by " | ": tab-separated lines, and the
    lines under a space-aligned header, cut at the header's column starts."""
    lines = text.split("\n")
    out: list[str] = []
    columns: list[int] | None = None
    for line in lines:
        if "\t" in line and len([c for c in line.split("\t") if c.strip()]) >= 2:
            out.append(SEPARATOR.join(c.strip() for c in line.rstrip().split("\t")))
            columns = None
            continue
        pieces = [(_width(line[: m.start()]), m.group()) for m in _ALIGNED_SPLIT.finditer(line)]
        if columns is None and len(pieces) >= 3 and header_kinds([p for _, p in pieces]):
            columns = [start for start, _ in pieces]
            out.append(SEPARATOR.join(p for _, p in pieces))
            continue
        if columns is not None and len(pieces) >= 2:
            cells = [""] * len(columns)
            for start, piece in pieces:
                index = max((i for i, c in enumerate(columns) if c <= start + 2), default=0)
                cells[index] = f"{cells[index]} {piece}".strip()
            out.append(SEPARATOR.join(cells))
            continue
        columns = None
        out.append(line)
    return "\n".join(out)
