"""ระเบียบวาระการประชุม as an editable Word file: the PDF's (reporting/agenda.py) header and
two-column table without lines, same text."""

from __future__ import annotations

import os
from pathlib import Path

from docx.shared import Pt

from sbpac_desktop.domain.documents import AgendaDoc, AgendaSection
from sbpac_desktop.reporting.agenda import LABEL_WIDTH, SUB_INDENT
from sbpac_desktop.reporting.common import TEXT_WIDTH, clock, long_date_text
from sbpac_desktop.reporting.word.base import Runs, WordWriter


def header(w: WordWriter, doc: AgendaDoc) -> None:
    h = doc.header
    start = f" ตั้งแต่เวลา {clock(h.start_time)} เป็นต้นไป" if h.start_time else ""
    w.centred("ระเบียบวาระการประชุม", bold=True)
    w.centred(f"{h.body_name} ครั้งที่ {h.number}/{h.be_year}", bold=True)
    w.centred(f"{long_date_text(h.meeting_date)}{start}")
    w.centred(f"ณ {h.venue}")
    w.rule()


def section_rows(part: AgendaSection) -> list[tuple[list[tuple[str, bool]], list[tuple[str, bool]]]]:
    rows = [([(f"ระเบียบวาระที่ {part.number}", True)], [(part.title, True)])]
    if not part.entries:
        rows.append(([], [(part.empty_text, False)]))
    for item in part.entries:
        text = f"{item.number} {item.title}"
        if item.presenter:
            text += f"  (ผู้นำเสนอ: {item.presenter})"
        rows.append(([], [(text, False)]))
    return rows


def add_agenda(w: WordWriter, doc: AgendaDoc) -> None:
    header(w, doc)
    rows: list[list[Runs]] = []
    depths: list[int] = []
    for part in doc.sections:
        depths += [0] + ([1] if not part.entries else [item.depth for item in part.entries])
        rows += [list(row) for row in section_rows(part)]
    table = w.table(rows, (LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH), header_rows=0, grid=False)
    for row, depth in zip(table.rows, depths, strict=True):
        if depth:  # sub-items indented as in the PDF
            row.cells[1].paragraphs[0].paragraph_format.left_indent = Pt(SUB_INDENT * depth)


def render(doc: AgendaDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    h = doc.header
    w = WordWriter(thai_digits, title=f"ระเบียบวาระการประชุม ครั้งที่ {h.number}/{h.be_year}",
                   author="ฝ่ายเลขานุการ ศอ.บต.")  # fmt: skip
    add_agenda(w, doc)
    return w.save(path)
