"""Audit and conflict values as a clerk reads them: Thai field labels, Buddhist-Era dates,
Thai enum labels and names instead of row ids."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from sbpac_desktop.domain import enums
from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.services.names import person_name
from sbpac_desktop.store.models import (
    AgendaItem,
    Assignment,
    DevelopmentDimension,
    Directive,
    Meeting,
    MeetingSeries,
    OrgUnit,
    Position,
)
from sbpac_desktop.thai import medium_date

BLANK = "—"
# Bookkeeping every versioned row carries; it says nothing a clerk needs in a history.
HOUSEKEEPING = frozenset({"id", "version", "created_at", "updated_at", "sort_key", "content"})

ENTITY_LABELS = {
    "meeting": "การประชุม",
    "agenda_item": "เรื่องในระเบียบวาระ",
    "speaker_entry": "คำกล่าวในที่ประชุม",
    "attendance": "ผู้เข้าประชุม",
    "directive": "ข้อสั่งการ",
    "assignment": "ผู้รับผิดชอบ",
    "progress_report": "รายงานผลการดำเนินการ",
    "attachment": "ไฟล์แนบ",
    "person": "บุคคล",
    "position": "ตำแหน่ง",
    "org_unit": "หน่วยงาน",
    "app_user": "ผู้ใช้",
    "setting": "การตั้งค่า",
}

ACTION_LABELS = {
    "create": "สร้าง",
    "update": "แก้ไข",
    "delete": "ลบ",
    "overwrite": "บันทึกทับการแก้ไขของผู้อื่น",
}

FIELD_LABELS = {
    "text": "ข้อความ",
    "title": "ชื่อเรื่อง",
    "issued_on": "วันที่สั่งการ",
    "due_on": "กำหนดแล้วเสร็จ",
    "extended_due_on": "ขยายเวลาถึง",
    "closed_on": "วันที่ปิดเรื่อง",
    "priority": "ความเร่งด่วน",
    "report_cycle": "รอบการรายงาน",
    "state": "สถานะ",
    "status": "สถานะ",
    "remarks": "หมายเหตุ",
    "dimension_id": "มิติการพัฒนา",
    "meeting_id": "การประชุม",
    "agenda_item_id": "เรื่องในระเบียบวาระ",
    "issued_by_person_id": "ผู้สั่งการ",
    "fiscal_year": "ปีงบประมาณ",
    "seq": "เลขที่",
    "assignments": "ผู้รับผิดชอบ",
    "directive_id": "ข้อสั่งการ",
    "assignment_id": "ผู้รับผิดชอบ",
    "position_id": "ตำแหน่ง",
    "org_unit_id": "หน่วยงาน",
    "role": "บทบาท",
    "series_id": "ชุดการประชุม",
    "number": "ครั้งที่",
    "be_year": "ปี พ.ศ.",
    "meeting_date": "วันที่ประชุม",
    "start_time": "เวลาเริ่ม",
    "end_time": "เวลาเลิก",
    "venue": "สถานที่",
    "chair_person_id": "ประธาน",
    "recorder_person_id": "ผู้จดรายงานการประชุม",
    "checker_person_id": "ผู้ตรวจรายงานการประชุม",
    "recording_style": "รูปแบบการจดรายงาน",
    "agenda_template": "แบบระเบียบวาระ",
    "previous_meeting_id": "การประชุมครั้งก่อน",
    "opening_text": "ข้อความเปิดประชุม",
    "section": "ระเบียบวาระที่",
    "parent_id": "เรื่องหลัก",
    "position": "ลำดับ",
    "presenter_person_id": "ผู้นำเสนอ",
    "presenter_text": "ผู้นำเสนอ (ข้อความ)",
    "speaker_text": "ผู้กล่าว (ข้อความ)",
    "background": "ความเป็นมา",
    "proposal": "ข้อเสนอ",
    "discussion": "การพิจารณา",
    "resolution": "มติที่ประชุม",
    "planned_minutes": "เวลาที่วางแผน (นาที)",
    "report_date": "วันที่รายงาน",
    "period_text": "ห้วงการรายงาน",
    "reporter_person_id": "ผู้รายงาน",
    "percent": "ร้อยละความก้าวหน้า",
    "result": "ผลการดำเนินการ",
    "problems": "ปัญหา/อุปสรรค",
    "suggestions": "ข้อเสนอแนะ",
    "next_step": "การดำเนินการต่อไป",
    "original_name": "ชื่อไฟล์",
    "size": "ขนาด (ไบต์)",
    "sha256": "รหัสตรวจสอบ SHA-256",
    "person_id": "บุคคล",
    "kind": "ประเภท",
    "absence_reason": "เหตุที่ไม่มา",
    "first_name": "ชื่อ",
    "last_name": "นามสกุล",
    "prefix": "คำนำหน้า",
    "name": "ชื่อ",
    "short_name": "ชื่อย่อ",
    "short_code": "ชื่อย่อตำแหน่ง",
    "active": "ใช้งานอยู่",
    "display_name": "ชื่อที่แสดง",
    "login": "ชื่อผู้ใช้",
}

_ENUM_FIELDS: dict[str, type[enums.LabelledEnum]] = {
    "priority": enums.Priority,
    "report_cycle": enums.ReportCycle,
    "recording_style": enums.RecordingStyle,
    "agenda_template": enums.AgendaTemplate,
}
_ENTITY_ENUMS: dict[tuple[str, str], type[enums.LabelledEnum]] = {
    ("directive", "state"): enums.DirectiveState,
    ("meeting", "status"): enums.MeetingStatus,
    ("assignment", "role"): enums.AssignmentRole,
    ("attendance", "kind"): enums.AttendanceKind,
    ("app_user", "role"): enums.UserRole,
    ("position", "kind"): enums.PositionKind,
    ("org_unit", "kind"): enums.OrgUnitKind,
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_ENTITY_FIELD_LABELS = {
    ("agenda_item", "number"): "เลขที่เรื่อง",
    ("agenda_item", "title"): "ชื่อเรื่อง",
    ("meeting", "title"): "ชื่อการประชุม",
    ("app_user", "role"): "บทบาทผู้ใช้",
}


def field_label(field: str, entity: str | None = None) -> str:
    return _ENTITY_FIELD_LABELS.get((entity or "", field)) or FIELD_LABELS.get(field, field)


def _meeting_text(session: Session, meeting_id: int) -> str | None:
    m = session.get(Meeting, meeting_id)
    return f"ครั้งที่ {m.number}/{m.be_year}" if m else None


def _directive_text(session: Session, directive_id: int) -> str | None:
    d = session.get(Directive, directive_id)
    return directive_number_text(d.seq, d.fiscal_year, thai_digits=False) if d else None


def _position_text(session: Session, position_id: int) -> str | None:
    p = session.get(Position, position_id)
    return (p.short_code or p.title) if p else None


def _unit_text(session: Session, unit_id: int) -> str | None:
    unit = session.get(OrgUnit, unit_id)
    return unit.name if unit else None


def _assignment_text(session: Session, assignment_id: int) -> str | None:
    row = session.get(Assignment, assignment_id)
    if row is None:
        return None
    return _position_text(session, row.position_id) if row.position_id else _unit_text(session, row.org_unit_id or 0)


def _simple(model: Any, attribute: str) -> Callable[[Session, int], str | None]:
    def lookup(session: Session, row_id: int) -> str | None:
        row = session.get(model, row_id)
        return getattr(row, attribute) if row else None

    return lookup


_REFERENCES: dict[str, Callable[[Session, int], str | None]] = {
    "meeting_id": _meeting_text,
    "previous_meeting_id": _meeting_text,
    "directive_id": _directive_text,
    "assignment_id": _assignment_text,
    "position_id": _position_text,
    "org_unit_id": _unit_text,
    "dimension_id": _simple(DevelopmentDimension, "name"),
    "series_id": _simple(MeetingSeries, "name"),
    "agenda_item_id": _simple(AgendaItem, "title"),
}


def assignments_text(session: Session, value: Any) -> str:
    """[[position_id, org_unit_id, role], …] as 'ผช.(พณ.) (หลัก), กรมบัญชีกลาง (ร่วม)'."""
    parts = []
    for position_id, unit_id, role in value or ():
        who = _position_text(session, position_id) if position_id else _unit_text(session, unit_id)
        parts.append(f"{who or BLANK} ({enums.AssignmentRole(role).label})")
    return ", ".join(parts) or BLANK


def value_text(session: Session, entity: str, field: str, value: Any) -> str:
    """One stored (JSON-shaped) value as Thai text."""
    if value is None or value == "":
        return BLANK
    if field == "assignments":
        return assignments_text(session, value)
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    enum = _ENTITY_ENUMS.get((entity, field)) or _ENUM_FIELDS.get(field)
    if enum is not None and isinstance(value, str):
        try:
            return enum(value).label
        except ValueError:
            return value
    if field.endswith("person_id") and isinstance(value, int):
        return person_name(session, value) or f"#{value}"
    if field in _REFERENCES and isinstance(value, int):
        return _REFERENCES[field](session, value) or f"#{value}"
    return _plain_text(value)


def _plain_text(value: Any) -> str:
    if isinstance(value, str) and _ISO_DATE.match(value):
        return medium_date(date.fromisoformat(value), thai_digits=False)
    if isinstance(value, str) and "T" in value[:11] and _ISO_DATE.match(value[:10]):
        try:
            return datetime_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def datetime_text(value: datetime) -> str:
    local = value.astimezone() if value.tzinfo else value
    return f"{medium_date(local.date(), thai_digits=False)} {local:%H.%M} น."
