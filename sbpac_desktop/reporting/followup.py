"""รายงานผลการติดตามข้อสั่งการ: counts by status at the top, then each group's directives."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from sbpac_desktop.domain.documents import DirectiveLine, FollowUpDoc, FollowUpGroup
from sbpac_desktop.reporting.common import NO_ASSIGNEE, Writer, date_text, gap, long_date_text, rule, signature
from sbpac_desktop.reporting.engine import build_pdf

# Light fills that print legibly in greyscale too (docs/CONVENTIONS.md §4.3 traffic lights).
STATUS_FILLS = {
    "overdue": colors.HexColor("#F6C9C4"),
    "due_soon": colors.HexColor("#FBE0B4"),
    "in_progress": colors.HexColor("#FFF3B0"),
    "blocked": colors.HexColor("#E3D3EC"),
    "done": colors.HexColor("#CDEBD0"),
    "not_started": colors.HexColor("#E6E6E6"),
    "cancelled": colors.HexColor("#D5D5D5"),
}
COLUMNS = ("เลขที่", "ข้อสั่งการ", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ", "สถานะ", "ผลการดำเนินการล่าสุด")
SUPPORT_HEADING = "หน่วยงานสนับสนุน"  # when groups are assignees, the lead is the group heading
# The latest progress is often the longest cell: give it room (a 2.1 cm column wrapped to ~12 lines).
WIDTHS = (2.2 * cm, 4.4 * cm, 2.8 * cm, 1.8 * cm, 2.0 * cm, 2.8 * cm)
HEADER_FILL = colors.HexColor("#DDE4EE")
PRESENTED_INDENT = 1.4 * cm


def _summary(w: Writer, doc: FollowUpDoc) -> Flowable:
    total = sum(count for _label, count in doc.counts)
    rows = [["สถานะ", "จำนวน (ข้อ)"], *[[label, str(count)] for label, count in doc.counts], ["รวม", str(total)]]
    return w.table(
        rows,
        (6 * cm, 3 * cm),
        style=[("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("ALIGN", (1, 0), (1, -1), "RIGHT")],
    )


def _row(line: DirectiveLine, lead_in_heading: bool) -> list[str]:
    if lead_in_heading:
        who = ", ".join(line.supporting) or "-"
    else:
        who = line.responsible or NO_ASSIGNEE
        if line.parent_agency and line.parent_agency not in who:
            who += f" ต้นสังกัด {line.parent_agency}"
        if line.supporting:
            who += f"\nสนับสนุน: {', '.join(line.supporting)}"
    percent = "" if line.percent is None else f"ร้อยละ {line.percent}\n"
    status = "\n".join([line.status_label or "", *line.history]).strip()
    return [
        line.number,
        line.text,
        who,
        date_text(line.due_on),
        status,
        percent + (line.progress_text or "ยังไม่มีรายงาน"),
    ]


def _group(w: Writer, group: FollowUpGroup, lead_in_heading: bool) -> list[Flowable]:
    columns = list(COLUMNS)
    if lead_in_heading:
        columns[2] = SUPPORT_HEADING
    rows = [columns, *[_row(line, lead_in_heading) for line in group.rows]]
    fills = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for index, line in enumerate(group.rows, start=1):
        if line.status_key in STATUS_FILLS:
            fills.append(("BACKGROUND", (4, index), (4, index), STATUS_FILLS[line.status_key]))
    heading = w.para(f"{group.name} ({len(group.rows)} ข้อ)", "heading")
    small = w.style["small"]
    return [heading, w.table(rows, WIDTHS, style=fills, cell_style=small), *_notes(w, group)]


NOTES_HEADING = "ปัญหา/อุปสรรค ข้อเสนอแนะ และการดำเนินการต่อไป"
NOTE_LABELS = (("ปัญหา/อุปสรรค", "problems"), ("ข้อเสนอแนะ", "suggestions"), ("การดำเนินการต่อไป", "next_step"))
REPORTER_ROLE = "ผู้รายงาน"


def notes_of(line: DirectiveLine) -> list[tuple[str, str]]:
    """(label, text) of the newest progress report's notes that were filled in, in a fixed order."""
    return [(label, getattr(line, key)) for label, key in NOTE_LABELS if getattr(line, key)]


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
        author="ฝ่ายเลขานุการ ศอ.บต.",
        thai_digits=thai_digits,
    )
