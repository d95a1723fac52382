"""The agenda's layout and timetable text, shared by the PDF (reporting.agenda) and the Word file
(reporting.word.agenda); free of ReportLab."""

from __future__ import annotations

from sbpac_desktop.domain.documents import AgendaDoc, AgendaEntry
from sbpac_desktop.reporting.layout import CM
from sbpac_desktop.thai import duration_text, time_text

LABEL_WIDTH = 3.3 * CM
TIME_WIDTH = 2.4 * CM
SUB_INDENT = 0.9 * CM


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
