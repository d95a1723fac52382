"""รายงานผลการติดตามข้อสั่งการ: counts by status at the top, then each group's directives."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable

from sbpac_desktop.domain.documents import FollowUpDoc, FollowUpGroup
from sbpac_desktop.reporting.common import Writer, gap, rule, signature
from sbpac_desktop.reporting.document_text import SECRETARIAT, long_date_text
from sbpac_desktop.reporting.engine import build_pdf
from sbpac_desktop.reporting.followup_text import (
    COLUMNS,
    HEADER_FILL_HEX,
    NOTES_HEADING,
    PRESENTED_INDENT,
    REPORTER_ROLE,
    STATUS_FILL_HEX,
    SUMMARY_WIDTHS,
    SUPPORT_HEADING,
    WIDTHS,
    directive_cells,
    notes_of,
)

# ReportLab colours of the shared fills (followup_text); plan_report uses them too.
STATUS_FILLS = {key: colors.HexColor(f"#{value}") for key, value in STATUS_FILL_HEX.items()}
HEADER_FILL = colors.HexColor(f"#{HEADER_FILL_HEX}")


def _summary(w: Writer, doc: FollowUpDoc) -> Flowable:
    total = sum(count for _label, count in doc.counts)
    rows = [["สถานะ", "จำนวน (ข้อ)"], *[[label, str(count)] for label, count in doc.counts], ["รวม", str(total)]]
    return w.table(
        rows,
        SUMMARY_WIDTHS,
        style=[("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("ALIGN", (1, 0), (1, -1), "RIGHT")],
    )


def _group(w: Writer, group: FollowUpGroup, lead_in_heading: bool) -> list[Flowable]:
    columns = list(COLUMNS)
    if lead_in_heading:
        columns[2] = SUPPORT_HEADING
    rows = [columns, *[directive_cells(line, lead_in_heading) for line in group.rows]]
    fills = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for index, line in enumerate(group.rows, start=1):
        if line.status_key in STATUS_FILLS:
            fills.append(("BACKGROUND", (4, index), (4, index), STATUS_FILLS[line.status_key]))
    heading = w.para(f"{group.name} ({len(group.rows)} ข้อ)", "heading")
    small = w.style["small"]
    return [heading, w.table(rows, WIDTHS, style=fills, cell_style=small), *_notes(w, group)]


def _notes(w: Writer, group: FollowUpGroup) -> list[Flowable]:
    """Under the group's table: each directive's notes, too long for a table cell."""
    noted = [(line, notes_of(line)) for line in group.rows if notes_of(line)]
    if not noted:
        return []
    flow: list[Flowable] = [gap(0.3), w.para(NOTES_HEADING, "heading", spaceBefore=0)]
    for line, notes in noted:
        flow.append(w.para([(line.number, True)], leftIndent=PRESENTED_INDENT / 2, keepWithNext=1))
        flow += [w.labelled(label, text, PRESENTED_INDENT) for label, text in notes]
    return flow


def _presented(w: Writer, doc: FollowUpDoc) -> list[Flowable]:
    """The meeting's item-3 lines exactly as accepted (and edited) for its agenda."""
    flow: list[Flowable] = [w.para(doc.presented_heading or "", "heading")]
    for number, title in doc.presented:
        flow.append(w.para(f"{number} {title}", leftIndent=PRESENTED_INDENT, firstLineIndent=-PRESENTED_INDENT))
    return [*flow, gap()]


def followup_flowables(doc: FollowUpDoc, *, thai_digits: bool = True) -> list[Flowable]:
    w = Writer(thai_digits)
    flow: list[Flowable] = [
        w.centred(doc.title, bold=True),
        w.centred(doc.scope),
        w.centred(f"ข้อมูล ณ {long_date_text(doc.as_of)}"),
        rule(),
        w.para("สรุปจำนวนข้อสั่งการตามสถานะ", "heading"),
        _summary(w, doc),
        gap(),
    ]
    if doc.presented:
        flow += _presented(w, doc)
    if not doc.groups:
        flow.append(w.para("ไม่พบข้อสั่งการตามเงื่อนไขที่ระบุ"))
    for group in doc.groups:
        flow += _group(w, group, lead_in_heading=doc.grouped_by == "assignee")
    if doc.signed:
        flow.append(signature(w, REPORTER_ROLE, doc.reporter))
    return flow


def render(doc: FollowUpDoc, path: str | os.PathLike[str], *, thai_digits: bool = True) -> Path:
    return build_pdf(
        path,
        followup_flowables(doc, thai_digits=thai_digits),
        title=f"{doc.title} {doc.scope}",
        author=SECRETARIAT,
        thai_digits=thai_digits,
    )
