"""Server-rendered SVG pictures: no JavaScript, the same markup serves pages and PDFs."""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

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
