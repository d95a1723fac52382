"""ระเบียบวาระการประชุม (DOMAIN.md §3.3): sections, items with presenters, item 2 and 3 as stored."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sbpac_desktop.domain.documents import AgendaDoc, AgendaSection
from sbpac_desktop.reporting.common import Writer, clock, long_date_text, rule
from sbpac_desktop.reporting.engine import build_pdf

LABEL_WIDTH = 3.3 * cm
SUB_INDENT = 0.9 * cm


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


def _section_rows(w: Writer, section: AgendaSection) -> list[list[object]]:
    """Left column 'ระเบียบวาระที่ ๑', right column the heading, then one row per item."""
    rows: list[list[object]] = [
        [w.para(f"ระเบียบวาระที่ {section.number}", "cell_bold"), w.para(section.title, "cell_bold")]
    ]
    if not section.entries:
        rows.append(["", w.para(section.empty_text, "cell", leftIndent=SUB_INDENT)])
    for entry in section.entries:
        indent = SUB_INDENT * entry.depth
        text = f"{entry.number} {entry.title}"
        if entry.presenter:
            text += f"  (ผู้นำเสนอ: {entry.presenter})"
        rows.append(["", w.para(text, "cell", leftIndent=indent, firstLineIndent=0)])
    return rows


def agenda_flowables(doc: AgendaDoc, *, thai_digits: bool = True) -> list[Flowable]:
    w = Writer(thai_digits)
    flow = agenda_header(w, doc)
    rows: list[list[object]] = []
    for section in doc.sections:
        rows += _section_rows(w, section)
    widths = (LABEL_WIDTH, 16 * cm - LABEL_WIDTH)
    flow.append(w.table(rows, widths, header_rows=0, grid=False, style=[("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
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
