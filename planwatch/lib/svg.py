"""Server-rendered SVG pictures: no JavaScript, the same markup serves pages and PDFs."""

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

PALETTE = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
]


def text_width(text: str, size: int = 12) -> int:
    """Approximate drawn width: a CJK character takes a full em, a Latin one about half."""
    wide = sum(1 for ch in text if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return round(size * wide + size * 0.6 * (len(text) - wide))


def fit(text: str, width: int, size: int = 12) -> str:
    """`text` cut with an ellipsis so that it is drawn within `width` (text_width's measure):
    a label's end, not its start, is what goes when it is too long."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass
class Node:
    key: str
    label: str
    group: str = ""
    href: str = ""


@dataclass
class Edge:
    source: str
    target: str
    label: str


def _wrap(label: str, width: int = 22) -> list[str]:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) == 1 and len(lines[0]) > width:
        text = lines[0]
        lines = [text[i : i + width // 2] for i in range(0, len(text), width // 2)]
    return lines[:4]


def directed_graph(nodes: list[Node], edges: list[Edge], title: str = "") -> str:
    """A directed graph on a circle, nodes grouped by `group`, edges coloured by label."""
    count = max(len(nodes), 1)
    radius = max(220, count * 26)
    size = 2 * radius + 360
    centre = size / 2
    ordered = sorted(nodes, key=lambda n: (n.group, n.label))
    place = {}
    for i, node in enumerate(ordered):
        angle = 2 * math.pi * i / count - math.pi / 2
        place[node.key] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    labels = sorted({e.label for e in edges})
    colour = {label: PALETTE[i % len(PALETTE)] for i, label in enumerate(labels)}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {size:.0f} {size + 30 * len(labels):.0f}" '
        f'role="img" aria-label="{escape(title)}" class="graph">',
        "<defs>",
    ]
    for label in labels:
        marker = f"arrow-{labels.index(label)}"
        out.append(
            f'<marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour[label]}"/></marker>'
        )
    out.append("</defs>")
    for edge in edges:
        if edge.source not in place or edge.target not in place:
            continue
        (x1, y1), (x2, y2) = place[edge.source], place[edge.target]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        x2, y2 = x2 - dx / length * 14, y2 - dy / length * 14
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour[edge.label]}" stroke-width="1.6" '
            f'marker-end="url(#arrow-{labels.index(edge.label)})">'
            f"<title>{escape(edge.label)}</title></line>"
        )
    for node in ordered:
        x, y = place[node.key]
        anchor = "start" if x > centre + 1 else "end" if x < centre - 1 else "middle"
        dx = 12 if anchor == "start" else -12 if anchor == "end" else 0
        lines = _wrap(node.label)
        text = "".join(
            f'<tspan x="{x + dx:.1f}" dy="{0 if i == 0 else 14}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        shape = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="#fff" stroke="#333" stroke-width="2"/>'
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" '
            f'font-size="12">{text}</text>'
        )
        if node.href:
            shape = f'<a href="{escape(node.href)}"><title>{escape(node.label)}</title>{shape}</a>'
        out.append(shape)
    for i, label in enumerate(labels):
        y = size + 30 * i
        out.append(
            f'<line x1="20" y1="{y:.0f}" x2="60" y2="{y:.0f}" '
            f'stroke="{colour[label]}" stroke-width="3"/>'
            f'<text x="70" y="{y + 4:.0f}" font-size="13">{escape(label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


# Charts ------------------------------------------------------------------------------------
# Values are Decimal (or int); they are only turned into pixel positions here, so a chart
# never rounds a figure that a table beside it shows exactly.


@dataclass
class Series:
    label: str
    colour: str


def _scale(maximum: float, width: float) -> float:
    return width / maximum if maximum > 0 else 0.0


def bar_chart(
    bars: list[tuple[str, list[float]]],
    series: list[Series],
    title: str = "",
    value_format: Callable[[float], str] = lambda v: f"{v:,.2f}",
    label_width: int = 220,
    width: int = 760,
) -> str:
    """Horizontal bars, one group per category and one bar per series in it.

    `bars` is [(category label, [value per series])]; each bar carries its value as text
    and a <title>, so the chart reads without colour and on paper.
    """
    bar_h, gap = 16, 10
    group_h = bar_h * len(series) + gap
    legend_h = 24
    height = legend_h + group_h * max(len(bars), 1) + 10
    plot_w = width - label_width - 110
    maximum = max((float(v) for _, values in bars for v in values), default=0)
    k = _scale(maximum, plot_w)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="chart" font-size="12">'
    ]
    x = label_width
    for s in series:
        out.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{s.colour}"/>'
            f'<text x="{x + 16}" y="14">{escape(s.label)}</text>'
        )
        x += 24 + text_width(s.label)
    for i, (label, values) in enumerate(bars):
        y0 = legend_h + i * group_h
        out.append(
            f'<text x="{label_width - 8}" y="{y0 + bar_h * len(series) / 2 + 4:.0f}" '
            f'text-anchor="end">{escape(fit(label, label_width - 12))}'
            f"<title>{escape(label)}</title></text>"
        )
        for j, value in enumerate(values):
            y = y0 + j * bar_h
            w = max(float(value) * k, 0)
            text = escape(value_format(value))
            out.append(
                f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h - 3}" '
                f'fill="{series[j].colour}"><title>{escape(label)} · '
                f"{escape(series[j].label)}: {text}</title></rect>"
                f'<text x="{label_width + w + 4:.1f}" y="{y + bar_h - 5}" fill="#333">{text}</text>'
            )
    out.append(
        f'<line x1="{label_width}" y1="{legend_h - 2}" x2="{label_width}" '
        f'y2="{height - 6}" stroke="#999"/>'
    )
    out.append("</svg>")
    return "".join(out)


@dataclass
class GanttMark:
    """A dated mark on a row: a milestone (diamond) or a due date (triangle)."""

    day: dt.date
    label: str
    shape: str = "diamond"
    late: bool = False
    done: bool = False


@dataclass
class GanttRow:
    label: str
    start: dt.date | None
    end: dt.date | None
    colour: str = "#1e8e3e"
    href: str = ""
    marks: list[GanttMark] | None = None
    group: str = ""


def gantt(
    rows: list[GanttRow], first_month: dt.date, months: int, today: dt.date, title: str = ""
) -> str:
    """Rows down the side, months across; group headings when the `group` changes.

    Late marks are red and crossed, done marks hollow, so the board prints in black and white.
    """
    label_w, col_w, row_h, head_h = 260, 56, 24, 36
    width = label_w + col_w * months + 10
    headings = sum(1 for i, r in enumerate(rows) if i == 0 or r.group != rows[i - 1].group)
    height = head_h + row_h * (len(rows) + headings) + 10
    start = dt.date(first_month.year, first_month.month, 1)
    end_month = start.month - 1 + months
    end = dt.date(start.year + end_month // 12, end_month % 12 + 1, 1)
    span = (end - start).days

    def x_of(day: dt.date) -> float:
        day = min(max(day, start), end)
        return label_w + (day - start).days / span * col_w * months

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}" class="chart gantt" font-size="11">'
    ]
    for m in range(months):
        month = start.month - 1 + m
        day = dt.date(start.year + month // 12, month % 12 + 1, 1)
        x = label_w + m * col_w
        fill = "#f3f5f8" if m % 2 else "#fff"
        out.append(
            f'<rect x="{x}" y="{head_h - 6}" width="{col_w}" height="{height - head_h}" '
            f'fill="{fill}"/><text x="{x + col_w / 2}" y="{head_h - 12}" '
            f'text-anchor="middle">{day:%Y-%m}</text>'
        )
    if start <= today <= end:
        tx = x_of(today)
        out.append(
            f'<line x1="{tx:.1f}" y1="{head_h - 6}" x2="{tx:.1f}" y2="{height}" '
            f'stroke="#c5221f" stroke-dasharray="4 3"/>'
        )
    y = head_h
    previous = None
    for row in rows:
        if row.group != previous:
            out.append(
                f'<text x="4" y="{y + 16}" font-weight="700">{escape(row.group)}</text>'
                f'<line x1="0" y1="{y + row_h}" x2="{width}" y2="{y + row_h}" stroke="#ccc"/>'
            )
            y += row_h
            previous = row.group
        label = escape(fit(row.label, label_w - 20, 11))
        if row.href:
            label = f'<a href="{escape(row.href)}">{label}</a>'
        out.append(f'<text x="14" y="{y + 16}">{label}<title>{escape(row.label)}</title></text>')
        if row.start and row.end and row.end >= start and row.start <= end:
            x1, x2 = x_of(row.start), x_of(row.end)
            out.append(
                f'<rect x="{x1:.1f}" y="{y + 7}" width="{max(x2 - x1, 2):.1f}" height="10" '
                f'rx="3" fill="{row.colour}" opacity="0.55"/>'
            )
        for mark in row.marks or []:
            if not start <= mark.day <= end:
                continue
            mx, my = x_of(mark.day), y + 12
            colour = "#c5221f" if mark.late else "#1d2733"
            fill = "#fff" if mark.done else colour
            if mark.shape == "triangle":
                shape = f"M{mx:.1f},{my - 6} L{mx + 6:.1f},{my + 5} L{mx - 6:.1f},{my + 5} Z"
            else:
                shape = (
                    f"M{mx:.1f},{my - 6} L{mx + 6:.1f},{my} L{mx:.1f},{my + 6} L{mx - 6:.1f},{my} Z"
                )
            cross = (
                f'<path d="M{mx - 4:.1f},{my - 4} L{mx + 4:.1f},{my + 4} M{mx + 4:.1f},{my - 4} '
                f'L{mx - 4:.1f},{my + 4}" stroke="#fff" stroke-width="1.5"/>'
                if mark.late and not mark.done
                else ""
            )
            out.append(
                f'<g class="mark{" late" if mark.late else ""}"><path d="{shape}" fill="{fill}" '
                f'stroke="{colour}" stroke-width="1.5"/>{cross}'
                f"<title>{escape(mark.label)}</title></g>"
            )
        y += row_h
    out.append("</svg>")
    return "".join(out)
