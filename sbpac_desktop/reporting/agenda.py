"""ระเบียบวาระการประชุม (docs/CONVENTIONS.md §3.3): sections, items with presenters, item 2 and 3 as stored.

When any item has planned minutes the agenda is also a timetable: a right-hand column
"เวลา" gives each item's planned start ("09.30 น.") and length ("45 นาที"), and a line
under the table the planned total and the planned end (domain.documents.agenda_with_timetable).
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sbpac_desktop.domain.documents import AgendaDoc, AgendaEntry, AgendaSection
from sbpac_desktop.reporting.common import Writer, clock, gap, long_date_text, rule
from sbpac_desktop.reporting.engine import build_pdf
from sbpac_desktop.thai import duration_text, time_text

LABEL_WIDTH = 3.3 * cm
TIME_WIDTH = 2.4 * cm
SUB_INDENT = 0.9 * cm
TEXT_WIDTH = 16 * cm


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


def time_cell_text(entry: AgendaEntry) -> str:
    """'09.30 น. (90 นาที)' / '09.30 น.' / '90 นาที' / '' — Arabic digits, the paragraph converts.
    Plain minutes keep the narrow column to two lines (start, then length); the total under
    the table says hours and minutes."""
    parts = []
    if entry.start_time is not None:
        parts.append(time_text(entry.start_time, thai_digits=False))
    if entry.planned_minutes is not None:
        length = f"{entry.planned_minutes} นาที"
        parts.append(f"({length})" if parts else length)
    return " ".join(parts)


def total_text(doc: AgendaDoc) -> str:
    """'รวมเวลาที่วางแผน 2 ชั่วโมง 15 นาที · เลิกประมาณ 11.45 น.' (+ how many items have no time)."""
    text = f"รวมเวลาที่วางแผน {duration_text(doc.planned_minutes, thai_digits=False)}"
    if doc.planned_end is not None:
        text += f" · เลิกประมาณ {time_text(doc.planned_end, thai_digits=False)}"
    if doc.unplanned_count:
        text += f" (ยังไม่กำหนดเวลา {doc.unplanned_count} เรื่อง)"
    return text


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
    h = doc.header
    return build_pdf(
        path,
        agenda_flowables(doc, thai_digits=thai_digits),
        title=f"ระเบียบวาระการประชุม ครั้งที่ {h.number}/{h.be_year}",
        author="ฝ่ายเลขานุการ ศอ.บต.",
        subject=h.body_name,
        thai_digits=thai_digits,
    )
