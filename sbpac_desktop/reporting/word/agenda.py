"""ระเบียบวาระการประชุม as an editable Word file: the PDF's (reporting/agenda.py) header and
table without lines, same text; with planned minutes, the เวลา column and the planned total."""

from __future__ import annotations

import os
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from sbpac_desktop.domain.documents import AgendaDoc, AgendaSection
from sbpac_desktop.reporting.agenda_text import LABEL_WIDTH, SUB_INDENT, TIME_WIDTH, time_cell_text, total_text
from sbpac_desktop.reporting.document_text import SECRETARIAT, clock, long_date_text, meeting_file_title
from sbpac_desktop.reporting.layout import TEXT_WIDTH
from sbpac_desktop.reporting.word.base import Runs, WordWriter


def header(w: WordWriter, doc: AgendaDoc) -> None:
    h = doc.header
    start = f" ตั้งแต่เวลา {clock(h.start_time)} เป็นต้นไป" if h.start_time else ""
    w.centred("ระเบียบวาระการประชุม", bold=True)
    w.centred(f"{h.body_name} ครั้งที่ {h.number}/{h.be_year}", bold=True)
    w.centred(f"{long_date_text(h.meeting_date)}{start}")
    w.centred(f"ณ {h.venue}")
    w.rule()


def section_rows(part: AgendaSection, timed: bool) -> list[tuple[list[Runs], int]]:
    """(cells, depth) per row: the section heading, then its items (or its empty text)."""
    tail: list[Runs] = [[]] if timed else []
    rows = [([[(f"ระเบียบวาระที่ {part.number}", True)], [(part.title, True)], *tail], 0)]
    if not part.entries:
        rows.append(([[], [(part.empty_text, False)], *tail], 1))
    for item in part.entries:
        text = f"{item.number} {item.title}"
        if item.presenter:
            text += f"  (ผู้นำเสนอ: {item.presenter})"
        time_cell: list[Runs] = [[(time_cell_text(item), False)]] if timed else []
        rows.append(([[], [(text, False)], *time_cell], item.depth))
    return rows


def add_agenda(w: WordWriter, doc: AgendaDoc) -> None:
    header(w, doc)
    timed = doc.has_timetable
    rows: list[list[Runs]] = [[[], [], [("เวลา", True)]]] if timed else []
    depths: list[int] = [0] if timed else []
    for part in doc.sections:
        for cells, depth in section_rows(part, timed):
            rows.append(cells)
            depths.append(depth)
    if timed:
        widths: tuple[float, ...] = (LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH - TIME_WIDTH, TIME_WIDTH)
    else:
        widths = (LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH)
    table = w.table(rows, widths, header_rows=1 if timed else 0, grid=False)
    if timed:
        table.paragraph(0, 2).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row, depth in enumerate(depths):
        if depth:  # sub-items indented as in the PDF
            table.paragraph(row, 1).paragraph_format.left_indent = Pt(SUB_INDENT * depth)
    if timed:
        w.gap()
        w.centred(total_text(doc))


def render(doc: AgendaDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = WordWriter(thai_digits, title=meeting_file_title("ระเบียบวาระการประชุม", doc.header), author=SECRETARIAT)
    add_agenda(w, doc)
    return w.save(path)
