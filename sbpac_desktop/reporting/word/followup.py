"""รายงานผลการติดตามข้อสั่งการ as an editable Word file: the PDF's (reporting/followup.py)
summary table, item-3 lines and one table per group, with the same cells and status colours."""

from __future__ import annotations

import os
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from sbpac_desktop.domain.documents import FollowUpDoc, FollowUpGroup
from sbpac_desktop.reporting import followup_text as shared
from sbpac_desktop.reporting.document_text import SECRETARIAT, long_date_text
from sbpac_desktop.reporting.word.base import CELL_SMALL, HEADING, WordWriter
from sbpac_desktop.reporting.word.minutes import signature


def summary(w: WordWriter, doc: FollowUpDoc) -> None:
    total = sum(count for _label, count in doc.counts)
    rows = [["สถานะ", "จำนวน (ข้อ)"], *[[label, str(count)] for label, count in doc.counts], ["รวม", str(total)]]
    table = w.table(rows, shared.SUMMARY_WIDTHS)
    table.table.alignment = WD_TABLE_ALIGNMENT.CENTER  # ReportLab centres a table narrower than the text
    for column in range(len(rows[0])):
        table.shade(0, column, shared.HEADER_FILL_HEX)
    for row in range(len(rows)):
        table.paragraph(row, 1).alignment = WD_ALIGN_PARAGRAPH.RIGHT  # as the PDF


def group(w: WordWriter, part: FollowUpGroup, lead_in_heading: bool) -> None:
    columns = list(shared.COLUMNS)
    if lead_in_heading:
        columns[2] = shared.SUPPORT_HEADING
    w.para(f"{part.name} ({len(part.rows)} ข้อ)", HEADING)
    rows = [columns, *[shared.directive_cells(line, lead_in_heading) for line in part.rows]]
    table = w.table(rows, shared.WIDTHS, cell_style=CELL_SMALL)
    for column in range(len(columns)):
        table.shade(0, column, shared.HEADER_FILL_HEX)
    for row, line in enumerate(part.rows, start=1):
        if line.status_key in shared.STATUS_FILL_HEX:
            table.shade(row, 4, shared.STATUS_FILL_HEX[line.status_key])


def add_followup(w: WordWriter, doc: FollowUpDoc) -> None:
    w.centred(doc.title, bold=True)
    w.centred(doc.scope)
    w.centred(f"ข้อมูล ณ {long_date_text(doc.as_of)}")
    w.rule()
    w.para("สรุปจำนวนข้อสั่งการตามสถานะ", HEADING)
    summary(w, doc)
    w.gap()
    if doc.presented:
        w.para(doc.presented_heading or "", HEADING)
        for number, title in doc.presented:
            w.para(f"{number} {title}", indent=shared.PRESENTED_INDENT, first_line=-shared.PRESENTED_INDENT)
        w.gap()
    if not doc.groups:
        w.para("ไม่พบข้อสั่งการตามเงื่อนไขที่ระบุ")
    for part in doc.groups:
        group(w, part, lead_in_heading=doc.grouped_by == "assignee")
        notes(w, part)
    if doc.signed:
        signature(w, shared.REPORTER_ROLE, doc.reporter)


def notes(w: WordWriter, part: FollowUpGroup) -> None:
    """Each directive's problems, suggestions and next step under its group's table, as the PDF."""
    noted = [(line, shared.notes_of(line)) for line in part.rows if shared.notes_of(line)]
    if not noted:
        return
    w.para(shared.NOTES_HEADING, HEADING, space_before=0)
    for line, labelled in noted:
        w.para([(line.number, True)], indent=shared.PRESENTED_INDENT / 2, keep_with_next=True)
        for label, text in labelled:
            w.labelled(label, text, shared.PRESENTED_INDENT)


def render(doc: FollowUpDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    w = WordWriter(thai_digits, title=f"{doc.title} {doc.scope}", author=SECRETARIAT)
    add_followup(w, doc)
    return w.save(path)
