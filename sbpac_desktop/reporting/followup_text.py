"""The follow-up report's columns, widths, fills and cell text, shared by the PDF
(reporting.followup) and the Word file (reporting.word.followup); free of ReportLab."""

from __future__ import annotations

from sbpac_desktop.domain.documents import DirectiveLine
from sbpac_desktop.reporting.document_text import NO_ASSIGNEE, date_text
from sbpac_desktop.reporting.layout import CM

# Light fills (RRGGBB) that print legibly in greyscale too (docs/CONVENTIONS.md §4.3 traffic lights).
STATUS_FILL_HEX = {
    "overdue": "F6C9C4",
    "due_soon": "FBE0B4",
    "in_progress": "FFF3B0",
    "blocked": "E3D3EC",
    "done": "CDEBD0",
    "not_started": "E6E6E6",
    "cancelled": "D5D5D5",
}
HEADER_FILL_HEX = "DDE4EE"
COLUMNS = ("เลขที่", "ข้อสั่งการ", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ", "สถานะ", "ผลการดำเนินการล่าสุด")
SUPPORT_HEADING = "หน่วยงานสนับสนุน"  # when groups are assignees, the lead is the group heading
# The latest progress is often the longest cell: give it room (a 2.1 cm column wrapped to ~12 lines).
WIDTHS = (2.2 * CM, 4.4 * CM, 2.8 * CM, 1.8 * CM, 2.0 * CM, 2.8 * CM)
SUMMARY_WIDTHS = (6 * CM, 3 * CM)
PRESENTED_INDENT = 1.4 * CM


def directive_cells(line: DirectiveLine, lead_in_heading: bool) -> list[str]:
    """One directive's row, as text: the one definition of its cells for both formats."""
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


NOTES_HEADING = "ปัญหา/อุปสรรค ข้อเสนอแนะ และการดำเนินการต่อไป"
NOTE_LABELS = (("ปัญหา/อุปสรรค", "problems"), ("ข้อเสนอแนะ", "suggestions"), ("การดำเนินการต่อไป", "next_step"))
REPORTER_ROLE = "ผู้รายงาน"


def notes_of(line: DirectiveLine) -> list[tuple[str, str]]:
    """(label, text) of the newest progress report's notes that were filled in, in a fixed order."""
    return [(label, getattr(line, key)) for label, key in NOTE_LABELS if getattr(line, key)]
