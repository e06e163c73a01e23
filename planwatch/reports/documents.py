"""The documents as files: what each format shows of a notice or a bulletin.

Pages, PDF and DOCX show the same content: the PDF is the page's document body in an
official-document layout (red header line, number, date, seal area, page numbers);
the DOCX is built from the same stored content; the XLSX holds the tables whole.
"""

from planwatch.reports import charts
from planwatch.reports.models import Bulletin

UNITS_SHOWN = 50
UNITS_LAST = 10


def bulletin_context(bulletin: Bulletin) -> dict:
    """What the bulletin's page and its PDF render: the content, its charts, and the
    ranking's head and tail (the whole ranking is in the spreadsheet)."""
    content = bulletin.content
    units = content["units"]
    if len(units) > UNITS_SHOWN + UNITS_LAST:
        shown = units[:UNITS_SHOWN] + units[-UNITS_LAST:]
    else:
        shown = units
    return {
        "bulletin": bulletin,
        "c": content,
        "plan_chart": charts.plan_rates(content["plans"]) if content["plans"] else "",
        "units_shown": shown,
        "units_more": len(units) - len(shown),
        "formats": [],
    }
