"""Formatting of CLI output: Thai text with Buddhist-Era dates, or JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from sbpac_desktop.thai import apply_digits, be_year, long_date, medium_date, time_text

if TYPE_CHECKING:
    from sbpac_desktop.services.directives.directive_views import DirectiveRow
    from sbpac_desktop.services.meetings.meetings import MeetingView


def emit(text: str, stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stdout)


def emit_json(payload: Any) -> None:
    emit(json.dumps(payload, ensure_ascii=False, indent=2))


def meeting_lines(meetings: Sequence[MeetingView], thai_digits: bool) -> list[str]:
    if not meetings:
        return ["ยังไม่มีการประชุมในฐานข้อมูล (ใช้คำสั่ง demo เพื่อเพิ่มข้อมูลตัวอย่าง)"]
    lines = []
    for m in meetings:
        when = long_date(m.meeting_date, thai_digits=thai_digits)
        if m.start_time:
            when += f" เวลา {time_text(m.start_time, thai_digits=thai_digits)}"
        lines += [
            f"[{apply_digits(str(m.id), thai_digits)}] {m.title}",
            f"    ครั้งที่ {m.number_text(thai_digits)}  เมื่อ{when}",
            f"    ณ {m.venue}",
            f"    ปีงบประมาณ {apply_digits(str(m.fiscal_year), thai_digits)}  สถานะ: {m.status.label}",
        ]
    lines.append(f"รวม {apply_digits(str(len(meetings)), thai_digits)} การประชุม")
    return lines


def meeting_json(m: MeetingView) -> dict[str, Any]:
    return {
        "id": m.id,
        "number": m.number,
        "be_year": m.be_year,
        "number_text": m.number_text(False),
        "fiscal_year": m.fiscal_year,
        "title": m.title,
        "date": m.meeting_date.isoformat(),
        "date_th": long_date(m.meeting_date, thai_digits=False),
        "start_time": m.start_time.strftime("%H:%M") if m.start_time else None,
        "end_time": m.end_time.strftime("%H:%M") if m.end_time else None,
        "venue": m.venue,
        "series": m.series_name,
        "chair": m.chair_name,
        "status": m.status.value,
        "status_th": m.status.label,
    }


def directive_lines(rows: Sequence[DirectiveRow], thai_digits: bool) -> list[str]:
    if not rows:
        return ["ไม่พบข้อสั่งการตามเงื่อนไขที่ระบุ"]
    lines = []
    for r in rows:
        due = r.effective_due
        due_text = medium_date(due, thai_digits=thai_digits) if due else "ไม่กำหนด"
        percent = "-" if r.latest_percent is None else f"ร้อยละ {r.latest_percent}"
        lines += [
            f"{r.number_text(thai_digits)}  [{apply_digits(r.status.label, thai_digits)}]",
            f"    {r.text}",
            f"    ผู้รับผิดชอบหลัก: {r.lead_label or 'ยังไม่มอบหมาย'}",
            f"    กำหนดแล้วเสร็จ: {due_text}  ความก้าวหน้า: {apply_digits(percent, thai_digits)}",
        ]
    lines.append(f"รวม {apply_digits(str(len(rows)), thai_digits)} ข้อสั่งการ")
    return lines


def directive_json(r: DirectiveRow) -> dict[str, Any]:
    due = r.effective_due
    return {
        "id": r.id,
        "number_text": r.number_text(False),
        "fiscal_year": r.fiscal_year,
        "seq": r.seq,
        "text": r.text,
        "meeting": r.meeting_label,
        "issued_on": r.issued_on.isoformat(),
        "due_on": due.isoformat() if due else None,
        "due_on_th": medium_date(due, thai_digits=False) if due else None,
        "extended": r.extended_due_on is not None,
        "priority": r.priority.value,
        "dimension": r.dimension,
        "lead": r.lead_label,
        "lead_agency": r.lead_agency,
        "latest_percent": r.latest_percent,
        "status": r.status.key,
        "status_th": r.status.label,
        "days_late": r.status.days if r.status.key == "overdue" else None,
        "be_year_issued": be_year(r.issued_on),
    }
