"""The documents as files: what each format shows of a notice or a bulletin.

Pages, PDF and DOCX show the same content: the PDF is the page's document body in an
official-document layout (red header line, number, date, seal area, page numbers) drawn
by WeasyPrint with the Noto CJK fonts; the DOCX is built with python-docx from the same
stored content, editable; the XLSX holds the tables whole, with typed cells and headers
in the reader's language. Nothing here fetches a URL: the HTML holds no link to a file.
"""

import datetime as dt
import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from weasyprint import HTML

from planwatch.lib.models import pick_language
from planwatch.lib.xlsx import put
from planwatch.plans.status import LABELS, Status
from planwatch.reports import charts
from planwatch.reports.models import Bulletin, Card, Evaluation, Notice

UNITS_SHOWN = 50
UNITS_LAST = 10
RED = RGBColor(0xD0, 0x00, 0x00)
FONT = "Noto Serif CJK SC"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _name(names) -> str:
    if not isinstance(names, dict):
        return "" if names is None else str(names)
    return pick_language(names.get("en", ""), names.get("zh", ""))


def _percent(value) -> str:
    return "—" if value is None else f"{round(100 * float(value))}%"


def default_header() -> str:
    return _("Supervision Office")


# ---------------------------------------------------------------- context (page and PDF)


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
        "formats": ["pdf", "docx", "xlsx"],
        "header": bulletin.header or default_header(),
        "number": bulletin.reference,
        "issued_on": bulletin.issued_on,
        "signer": "",
    }


def notice_context(notice: Notice) -> dict:
    return {
        "notice": notice,
        "items": list(notice.items.all()),
        "header": notice.header or default_header(),
        "number": notice.reference or _("(proposal, not yet numbered)"),
        "issued_on": notice.issued_on,
        "signer": notice.signer_name,
    }


# ---------------------------------------------------------------- PDF


def _pdf(template: str, context: dict) -> bytes:
    return HTML(string=render_to_string(template, context)).write_pdf()


def notice_pdf(notice: Notice) -> bytes:
    return _pdf("reports/pdf/notice.html", notice_context(notice))


def bulletin_pdf(bulletin: Bulletin) -> bytes:
    return _pdf("reports/pdf/bulletin.html", bulletin_context(bulletin))


# ---------------------------------------------------------------- DOCX


def _set_font(document) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)


def _bottom_border(paragraph, colour: str = "D00000") -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "1"), ("w:color", colour)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_numbers(document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    for code in ("PAGE", None, "NUMPAGES"):
        if code is None:
            paragraph.add_run(" / ")
            continue
        run = paragraph.add_run()
        for kind, text in (("begin", None), (None, code), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)
    paragraph.add_run(" —")


def _docx_start(header: str, number: str, title: str):
    document = Document()
    _set_font(document)
    _page_numbers(document)
    red = document.add_paragraph()
    red.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = red.add_run(header)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(24), RED
    _bottom_border(red)
    document.add_paragraph(number).alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold, run.font.size = True, Pt(16)
    return document


def _heading(document, text: str) -> None:
    run = document.add_paragraph().add_run(text)
    run.bold, run.font.size = True, Pt(13)


def _table(document, header: list[str], rows: list[list]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _seal(document, header: str, signer: str, issued_on: dt.date | None) -> None:
    document.add_paragraph()
    for text in (_("(seal)"), header, signer and f"{_('Signed by')} {signer}", issued_on):
        if text:
            paragraph = document.add_paragraph(str(text))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def notice_docx(notice: Notice) -> bytes:
    context = notice_context(notice)
    document = _docx_start(context["header"], context["number"], notice.get_kind_display())
    document.add_paragraph(f"{notice.unit.name}{_(':')}")
    document.add_paragraph(
        ngettext(
            "The following task of the plan “%(plan)s” is overdue:",
            "The following %(n)s tasks of the plan “%(plan)s” are overdue:",
            len(context["items"]),
        )
        % {"n": len(context["items"]), "plan": notice.plan.title}
    )
    _table(
        document,
        [_("Task"), _("Deadline"), _("Last report"), _("Progress"), _("Days overdue")],
        [
            [
                f"{i.reference} {i.title}",
                i.deadline,
                i.last_report_on or _("none"),
                "—" if i.last_percent is None else f"{i.last_percent}%",
                i.days_overdue,
            ]
            for i in context["items"]
        ],
    )
    _heading(document, _("Required response"))
    document.add_paragraph(notice.required_response)
    if notice.answer_due:
        document.add_paragraph(_("Answer by %(due)s.") % {"due": notice.answer_due})
    if notice.state == Notice.State.WITHDRAWN:
        document.add_paragraph(f"{_('Withdrawn')}{_(':')} {notice.withdraw_reason}")
    _seal(document, context["header"], notice.signer_name, notice.issued_on)
    return _docx_bytes(document)


def bulletin_docx(bulletin: Bulletin) -> bytes:
    """The bulletin's sections, as its page and PDF show them, in an editable document."""
    context = bulletin_context(bulletin)
    c = context["c"]
    h = c["headline"]
    document = _docx_start(context["header"], bulletin.reference, bulletin.title)
    if bulletin.corrects_id:
        document.add_paragraph(
            _("This bulletin corrects %(ref)s:") % {"ref": bulletin.corrects.reference}
            + f" {bulletin.correction_note}"
        )
    document.add_paragraph(
        _("Period: %(start)s to %(end)s; figures as of %(end)s.")
        % {"start": bulletin.period_start, "end": bulletin.period_end}
    )
    _heading(document, _("1. Overall"))
    document.add_paragraph(
        _(
            "Of %(total)s tasks, %(finished)s are finished (%(completion)s), %(overdue)s are "
            "overdue and %(at_risk)s at risk; %(on_time)s of the tasks due were closed on time. "
            "In the period units sent %(reports)s progress reports and %(closed)s tasks were "
            "closed."
        )
        % {
            **h,
            "completion": _percent(h["completion"]),
            "on_time": _percent(h["on_time_rate"]),
            "closed": h["closed_in_period"],
        }
    )
    _heading(document, _("2. Plans"))
    _table(
        document,
        [
            _("Plan"),
            _("Tasks"),
            _("Finished"),
            _("Overdue"),
            _("At risk"),
            _("Completion"),
            _("On-time rate"),
        ],
        [
            [
                _name(p["title"]),
                p["total"],
                p["finished"],
                p["overdue"],
                p["at_risk"],
                _percent(p["completion"]),
                _percent(p["on_time_rate"]),
            ]
            for p in c["plans"]
        ],
    )
    _heading(document, _("3. Units ranked"))
    _table(
        document,
        [_("Rank"), _("Unit"), _("Tasks led"), _("Overdue"), _("Deducted"), _("Score")],
        [
            [
                u["rank"] or "—",
                _name(u["name"]),
                u["tasks_led"],
                u["overdue"],
                u["penalty"],
                "—" if u["score"] is None else u["score"],
            ]
            for u in context["units_shown"]
        ],
    )
    if context["units_more"]:
        document.add_paragraph(
            ngettext(
                "and %(n)s more unit: the whole ranking is in the spreadsheet.",
                "and %(n)s more units: the whole ranking is in the spreadsheet.",
                context["units_more"],
            )
            % {"n": context["units_more"]}
        )
    _heading(document, _("4. Overdue and at-risk tasks"))
    document.add_paragraph(
        _("%(overdue)s tasks overdue, %(at_risk)s at risk.")
        % {"overdue": c["overdue"]["count"], "at_risk": c["at_risk"]["count"]}
    )
    _table(
        document,
        [_("Task"), _("Lead unit"), _("Deadline"), _("Days overdue")],
        [
            [f"{t['reference']} {_name(t['title'])}", _name(t["unit"]), t["deadline"], t["days"]]
            for t in c["overdue"]["top"]
        ],
    )
    _heading(document, _("5. Notices issued and answered"))
    document.add_paragraph(
        _("%(issued)s notices issued in the period, %(answered)s of them answered.") % c["notices"]
    )
    for n in c["notices"]["list"]:
        document.add_paragraph(f"{n['reference']} · {_name(n['unit'])} · {n['issued_on']}")
    _heading(document, _("6. Red and yellow cards"))
    cards = c["cards"]
    document.add_paragraph(
        _(
            "Issued in the period: %(red)s red, %(yellow)s yellow. In force at its end: "
            "%(live_red)s red, %(live_yellow)s yellow."
        )
        % {
            "red": cards["issued"]["red"],
            "yellow": cards["issued"]["yellow"],
            "live_red": cards["live"]["red"],
            "live_yellow": cards["live"]["yellow"],
        }
    )
    for k in cards["list"]:
        colour = _("red card") if k["colour"] == Card.Colour.RED else _("yellow card")
        document.add_paragraph(f"{colour} · {_name(k['unit'])} · {k['task']} · {k['reason']}")
    _heading(document, _("7. Major issues"))
    document.add_paragraph(
        _("%(raised)s raised and %(resolved)s resolved in the period; %(open)s open at its end.")
        % c["issues"]
    )
    for i in c["issues"]["list"]:
        document.add_paragraph(f"{i['task']} · {_name(i['unit'])} · {i['description']}")
    _heading(document, _("8. Projects that slipped"))
    document.add_paragraph(
        ngettext(
            "%(n)s project is behind its planned stage.",
            "%(n)s projects are behind their planned stages.",
            c["projects"]["slipped"],
        )
        % {"n": c["projects"]["slipped"]}
    )
    for p in c["projects"]["list"]:
        document.add_paragraph(f"{_name(p['name'])} · {_name(p['unit'])} · {p['due']}")
    _heading(document, _("9. Commendation and criticism"))
    none = _("none")
    document.add_paragraph(
        f"{_('Commended')}{_(':')} " + ("、".join(_name(u["name"]) for u in c["commended"]) or none)
    )
    document.add_paragraph(
        f"{_('Criticised')}{_(':')} "
        + ("；".join(_name(u["name"]) for u in c["criticised"]) or none)
    )
    _heading(document, _("10. What changed since the previous bulletin"))
    changes = c["changes"]
    if not changes.get("previous"):
        document.add_paragraph(
            _("This is the first bulletin of its kind; there is nothing to compare.")
        )
    else:
        document.add_paragraph(
            _(
                "Compared with %(ref)s: overdue tasks went from %(before)s to %(now)s; "
                "%(new)s fell overdue and %(gone)s are no longer overdue."
            )
            % {
                "ref": changes["previous"],
                "before": changes["overdue_before"],
                "now": c["overdue"]["count"],
                "new": changes["new_overdue_count"],
                "gone": changes["no_longer_overdue_count"],
            }
        )
        for label, key in ((_("Moved up"), "moved_up"), (_("Moved down"), "moved_down")):
            if changes[key]:
                moves = "、".join(
                    f"{_name(m['name'])} ({m['from']} → {m['to']})" for m in changes[key]
                )
                document.add_paragraph(f"{label}{_(':')} {moves}")
    _seal(document, context["header"], "", bulletin.issued_on)
    return _docx_bytes(document)


# ---------------------------------------------------------------- XLSX

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")


def _sheet(workbook: Workbook, title: str, header: list[str], rows, formats: dict | None = None):
    """A sheet whose cells keep their types: numbers as numbers, dates as dates, rates as
    percentages; text that looks like a formula stays text (lib/xlsx.put)."""
    sheet = workbook.create_sheet(title=title[:31])
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=column)
        put(cell, text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            put(cell, value)
            if formats and column in formats:
                cell.number_format = formats[column]
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    for column, text in enumerate(header, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = max(10, min(60, 2 * len(text) + 4))
    sheet.freeze_panes = "A2"
    return sheet


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _xlsx_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bulletin_xlsx(bulletin: Bulletin) -> bytes:
    """The bulletin's tables whole: plans, the full ranking, overdue tasks, notices, cards."""
    c = bulletin.content
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(
        workbook,
        _("Plans"),
        [
            _("Code"),
            _("Plan"),
            _("Tasks"),
            _("Finished"),
            _("Overdue"),
            _("At risk"),
            _("Completion"),
            _("On-time rate"),
        ],
        [
            [
                p["code"],
                _name(p["title"]),
                p["total"],
                p["finished"],
                p["overdue"],
                p["at_risk"],
                p["completion"],
                p["on_time_rate"],
            ]
            for p in c["plans"]
        ],
        {7: "0%", 8: "0%"},
    )
    _sheet(
        workbook,
        _("Unit ranking"),
        [
            _("Rank"),
            _("Unit"),
            _("Tasks led"),
            _("Finished"),
            _("Overdue"),
            _("Reports"),
            _("Reports on time"),
            _("Deducted"),
            _("Why deducted"),
            _("Score"),
        ],
        [
            [
                u["rank"],
                _name(u["name"]),
                u["tasks_led"],
                u["finished"],
                u["overdue"],
                u["reports"],
                u["reports_on_time"],
                u["penalty"],
                u["penalty_reason"],
                u["score"],
            ]
            for u in c["units"]
        ],
    )
    _sheet(
        workbook,
        _("Overdue tasks"),
        [_("Task"), _("Title"), _("Lead unit"), _("Deadline"), _("Days overdue"), _("Progress")],
        [
            [
                t["reference"],
                _name(t["title"]),
                _name(t["unit"]),
                _date(t["deadline"]),
                t["days"],
                None if t["progress"] is None else t["progress"] / 100,
            ]
            for t in c["overdue"]["top"]
        ],
        {6: "0%"},
    )
    _sheet(
        workbook,
        _("Notices"),
        [_("Number"), _("Kind"), _("Addressed unit"), _("Issued on"), _("State")],
        [
            [
                n["reference"],
                str(dict(Notice._meta.get_field("kind").choices)[n["kind"]]),
                _name(n["unit"]),
                _date(n["issued_on"]),
                str(dict(Notice.State.choices)[n["state"]]),
            ]
            for n in c["notices"]["list"]
        ],
    )
    _sheet(
        workbook,
        _("Cards"),
        [_("Card"), _("Unit"), _("Task"), _("Reason"), _("Issued on")],
        [
            [
                str(dict(Card.Colour.choices)[k["colour"]]),
                _name(k["unit"]),
                k["task"],
                k["reason"],
                _date(k["issued_on"]),
            ]
            for k in c["cards"]["list"]
        ],
    )
    return _xlsx_bytes(workbook)


def notices_xlsx(notices) -> bytes:
    """A list of notices with their tasks' frozen facts, one row per task."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    rows = []
    for notice in notices:
        for item in notice.items.all():
            rows.append(
                [
                    notice.reference,
                    notice.get_kind_display(),
                    notice.unit.name,
                    notice.issued_on,
                    notice.answer_due,
                    notice.get_state_display(),
                    item.reference,
                    item.title,
                    item.deadline,
                    item.days_overdue,
                ]
            )
    _sheet(
        workbook,
        _("Notices"),
        [
            _("Number"),
            _("Kind"),
            _("Addressed unit"),
            _("Issued on"),
            _("Answer due"),
            _("State"),
            _("Task"),
            _("Title"),
            _("Deadline"),
            _("Days overdue"),
        ],
        rows,
    )
    return _xlsx_bytes(workbook)


# ---------------------------------------------------------------- evaluation reports

ANNEX_ON_PAGE = 200
# WeasyPrint lays out a 10,000-task annex in minutes and 1.4 GB (measured 264-503 s): the
# PDF holds the first tasks, the DOCX and the spreadsheet every one.
ANNEX_IN_PDF = 500
INDICATORS_SHOWN = 200


def evaluation_context(report: Evaluation, whole: bool = False) -> dict:
    """What the evaluation's page and PDF render: the annex's first rows (more in the
    PDF); the DOCX and XLSX hold every task."""
    c = report.content
    units = c["units"]
    units_shown = units if len(units) <= UNITS_SHOWN + UNITS_LAST else units[:UNITS_SHOWN]
    annex = c["annex"][: ANNEX_IN_PDF if whole else ANNEX_ON_PAGE]
    language = "zh" if (translation.get_language() or "en").startswith("zh") else "en"
    return {
        "evaluation": report,
        "c": c,
        "narrative": c["narrative"][language],
        "clause_chart": charts.clause_completion(c["clauses"]) if c["clauses"] else "",
        "indicator_chart": charts.indicators_achieved(c["indicators"]),
        "indicators_shown": c["indicators"][:INDICATORS_SHOWN],
        "units_shown": units_shown,
        "units_more": len(units) - len(units_shown),
        "annex": annex,
        "annex_more": len(c["annex"]) - len(annex),
        "annex_lines": whole,
        "formats": ["pdf", "docx", "xlsx"],
        "header": default_header(),
        "number": report.issued_on.isoformat(),
        "issued_on": report.issued_on,
        "signer": "",
    }


def evaluation_pdf(report: Evaluation) -> bytes:
    return _pdf("reports/pdf/evaluation.html", evaluation_context(report, whole=True))


def evaluation_docx(report: Evaluation) -> bytes:
    context = evaluation_context(report)
    c = context["c"]
    document = _docx_start(context["header"], context["number"], report.title)
    _heading(document, _("1. Summary"))
    for line in context["narrative"]:
        document.add_paragraph(line)
    _heading(document, _("2. Completion by clause"))
    _table(
        document,
        [_("Clause"), _("Tasks"), _("Finished"), _("Overdue"), _("Completion")],
        [
            [k["ordinal"], k["total"], k["finished"], k["overdue"], _percent(k["completion"])]
            for k in c["clauses"]
        ],
    )
    _heading(document, _("3. Completion by unit"))
    _table(
        document,
        [_("Unit"), _("Tasks"), _("Finished"), _("Overdue"), _("Completion")],
        [
            [_name(u["name"]), u["total"], u["finished"], u["overdue"], _percent(u["completion"])]
            for u in context["units_shown"]
        ],
    )
    _heading(document, _("4. Indicators"))
    _table(
        document,
        [_("Indicator"), _("Baseline"), _("Target"), _("Actual"), _("Achieved")],
        [
            [
                f"{i['task']} {i['name']}",
                i["baseline"] or "—",
                i["target"],
                i["actual"] or "—",
                _percent(i["achieved"]),
            ]
            for i in context["indicators_shown"]
        ],
    )
    _heading(document, _("5. Projects' investment"))
    _table(
        document,
        [_("Currency"), _("Projects"), _("Planned"), _("Completed"), _("Share completed")],
        [
            [p["currency"], p["projects"], p["planned"], p["completed"], _percent(p["share"])]
            for p in c["projects"]["by_currency"]
        ],
    )
    _heading(document, _("6. Delays and their stated reasons"))
    _table(
        document,
        [_("Task"), _("Lead unit"), _("Days overdue"), _("Reason given")],
        [
            [
                f"{d['reference']} {_name(d['title'])}",
                _name(d["unit"]),
                d["days"],
                d["reason"] or _("none given"),
            ]
            for d in c["delays"]
        ],
    )
    _heading(document, _("7. Major issues and how they were resolved"))
    for i in c["issues"]["list"]:
        resolved = f" — {i['resolved_on']}: {i['resolution']}" if i["resolved_on"] else ""
        document.add_paragraph(f"{i['task']} · {i['raised_on']} · {i['description']}{resolved}")
    _heading(document, _("Annex: every task"))
    # One tab-separated line per task in one paragraph, not a table: python-docx adds
    # 10,000 table rows in half a minute (measured 33 s), 10,000 paragraphs in 12 s.
    header = [_("Task"), _("Title"), _("Lead unit"), _("Deadline"), _("Status"), _("Progress")]
    document.add_paragraph("\t".join(header)).runs[0].bold = True
    lines = (
        "\t".join("" if v is None else str(v) for v in [*row[:4], _status(row[4]), row[5]])
        for row in c["annex"]
    )
    document.add_paragraph().add_run("\n".join(lines)).font.size = Pt(8)
    return _docx_bytes(document)


def _status(value: str) -> str:
    try:
        return str(LABELS[Status(value)])
    except ValueError:
        return value


def evaluation_xlsx(report: Evaluation) -> bytes:
    c = report.content
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(
        workbook,
        _("Clauses"),
        [_("Clause"), _("Text"), _("Tasks"), _("Finished"), _("Overdue"), _("Completion")],
        [
            [k["ordinal"], k["text"], k["total"], k["finished"], k["overdue"], k["completion"]]
            for k in c["clauses"]
        ],
        {6: "0%"},
    )
    _sheet(
        workbook,
        _("Units"),
        [_("Unit"), _("Tasks"), _("Finished"), _("Overdue"), _("Completion")],
        [
            [_name(u["name"]), u["total"], u["finished"], u["overdue"], u["completion"]]
            for u in c["units"]
        ],
        {5: "0%"},
    )
    _sheet(
        workbook,
        _("Indicators"),
        [
            _("Task"),
            _("Indicator"),
            _("Unit of measure"),
            _("Baseline"),
            _("Target"),
            _("Actual"),
            _("Achieved"),
        ],
        [
            [
                i["task"],
                i["name"],
                i["unit_of_measure"],
                _decimal(i["baseline"]),
                _decimal(i["target"]),
                _decimal(i["actual"]),
                i["achieved"],
            ]
            for i in c["indicators"]
        ],
        {7: "0%"},
    )
    _sheet(
        workbook,
        _("Every task"),
        [_("Task"), _("Title"), _("Lead unit"), _("Deadline"), _("Status"), _("Progress")],
        [
            [
                row[0],
                row[1],
                row[2],
                _date(row[3]),
                _status(row[4]),
                None if row[5] is None else row[5] / 100,
            ]
            for row in c["annex"]
        ],
        {6: "0%"},
    )
    return _xlsx_bytes(workbook)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)
