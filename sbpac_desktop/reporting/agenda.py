"""ระเบียบวาระการประชุม (docs/CONVENTIONS.md §3.3): sections, items with presenters, item 2 and 3 as stored.

When any item has planned minutes the agenda is also a timetable: a right-hand column
"เวลา" gives each item's planned start ("09.30 น.") and length ("45 นาที"), and a line
under the table the planned total and the planned end (domain.documents.agenda_with_timetable).
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable

from sbpac_desktop.domain.documents import AgendaDoc, AgendaSection
from sbpac_desktop.reporting.agenda_text import LABEL_WIDTH, SUB_INDENT, TIME_WIDTH, time_cell_text, total_text
from sbpac_desktop.reporting.common import Writer, gap, meeting_pdf, rule
from sbpac_desktop.reporting.document_text import clock, long_date_text
from sbpac_desktop.reporting.layout import TEXT_WIDTH


def agenda_header(w: Writer, doc: AgendaDoc) -> list[Flowable]:
    h = doc.header
    start = f" ตั้งแต่เวลา {clock(h.start_time)} เป็นต้นไป" if h.start_time else ""
    return [
        w.centred("ระเบียบวาระการประชุม", bold=True),
        w.centred(f"{h.body_name} ครั้งที่ {h.number}/{h.be_year}", bold=True),
        w.centred(f"{long_date_text(h.meeting_date)}{start}"),
        w.centred(f"ณ {h.venue}"),
        rule(),
    ]


def _section_rows(w: Writer, section: AgendaSection, timed: bool) -> list[list[object]]:
    """Left column 'ระเบียบวาระที่ ๑', middle the heading, then one row per item (and its time)."""
    tail: list[object] = [""] if timed else []
    rows: list[list[object]] = [
        [w.para(f"ระเบียบวาระที่ {section.number}", "cell_bold"), w.para(section.title, "cell_bold"), *tail]
    ]
    if not section.entries:
        rows.append(["", w.para(section.empty_text, "cell", leftIndent=SUB_INDENT), *tail])
    for entry in section.entries:
        indent = SUB_INDENT * entry.depth
        text = f"{entry.number} {entry.title}"
        if entry.presenter:
            text += f"  (ผู้นำเสนอ: {entry.presenter})"
        row: list[object] = ["", w.para(text, "cell", leftIndent=indent, firstLineIndent=0)]
        if timed:
            row.append(w.para(time_cell_text(entry), "cell"))
        rows.append(row)
    return rows


def agenda_flowables(doc: AgendaDoc, *, thai_digits: bool = True) -> list[Flowable]:
    w = Writer(thai_digits)
    flow = agenda_header(w, doc)
    timed = doc.has_timetable
    rows: list[list[object]] = [["", "", w.para("เวลา", "cell_bold", alignment=TA_CENTER)]] if timed else []
    for section in doc.sections:
        rows += _section_rows(w, section, timed)
    if timed:
        widths: tuple[float, ...] = (LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH - TIME_WIDTH, TIME_WIDTH)
    else:
        widths = (LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH)
    style = [("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    flow.append(w.table(rows, widths, header_rows=1 if timed else 0, grid=False, style=style))
    if timed:
        flow += [gap(0.5), w.para(total_text(doc), "body", alignment=TA_CENTER)]
    return flow


def render(doc: AgendaDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    flowables = agenda_flowables(doc, thai_digits=thai_digits)
    return meeting_pdf(path, flowables, "ระเบียบวาระการประชุม", doc.header, thai_digits=thai_digits)
