"""Who came, who did not (and why), who came in someone's place, and invited attendees."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AttendanceKind
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import audit, erase_row, snapshot
from sbpac_desktop.services.common import ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.names import person_name
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Attendance, Meeting, Person
from sbpac_desktop.thai.normalize import clean


@dataclass(frozen=True)
class AttendanceInput:
    person_id: int
    kind: AttendanceKind
    position_text: str | None = None
    meeting_role: str | None = None  # ประธาน, เลขานุการ, ...
    absence_reason: str | None = None
    substitute_for_person_id: int | None = None
    substitute_for_text: str | None = None
    sort_order: int | None = None


@dataclass(frozen=True)
class AttendanceView:
    id: int
    version: int
    person_id: int
    person_name: str
    kind: AttendanceKind
    position_text: str | None
    meeting_role: str | None
    absence_reason: str | None
    substitute_for_person_id: int | None
    substitute_for_text: str | None
    sort_order: int


def _validate(data: AttendanceInput) -> None:
    check = Checker()
    if data.kind is AttendanceKind.SUBSTITUTE and not (data.substitute_for_person_id or data.substitute_for_text):
        check.add(
            "substitute_for",
            "ผู้มาประชุมแทนต้องระบุว่ามาแทนผู้ใด",
            "A substitute must say whom they attend for",
        )
    check.raise_if_any()


def record_attendance(db: Database, actor: Actor, meeting_id: int, data: AttendanceInput) -> AttendanceView:
    """Insert or update one person's line for the meeting (one line per person)."""
    require(actor, EDIT_MEETINGS, "บันทึกการเข้าประชุม")
    _validate(data)
    with db.unit_of_work() as session:
        ensure_meeting_editable(get_or_raise(session, Meeting, meeting_id, "การประชุม"))
        get_or_raise(session, Person, data.person_id, "บุคคล")
        if data.substitute_for_person_id is not None:
            get_or_raise(session, Person, data.substitute_for_person_id, "ผู้ที่ถูกแทน")
        row = session.scalar(
            select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.person_id == data.person_id)
        )
        before = snapshot(row) if row else None
        if row is None:
            count = len(list(session.scalars(select(Attendance.id).where(Attendance.meeting_id == meeting_id))))
            row = Attendance(meeting_id=meeting_id, person_id=data.person_id, sort_order=count + 1)
            session.add(row)
        row.kind = data.kind.value
        row.position_text = clean(data.position_text)
        row.meeting_role = clean(data.meeting_role)
        row.absence_reason = clean(data.absence_reason) if data.kind is AttendanceKind.ABSENT else None
        row.substitute_for_person_id = data.substitute_for_person_id
        row.substitute_for_text = clean(data.substitute_for_text)
        if data.sort_order is not None:
            row.sort_order = data.sort_order
        audit(session, actor, "update" if before else "create", row, before)
        return _view(session, row)


def remove_attendance(db: Database, actor: Actor, attendance_id: int) -> None:
    require(actor, EDIT_MEETINGS, "ลบรายชื่อผู้เข้าประชุม")
    with db.unit_of_work() as session:
        row = get_or_raise(session, Attendance, attendance_id, "รายชื่อผู้เข้าประชุม")
        ensure_meeting_editable(get_or_raise(session, Meeting, row.meeting_id, "การประชุม"))
        erase_row(session, actor, row)


def list_attendance(db: Database, actor: Actor, meeting_id: int) -> list[AttendanceView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        get_or_raise(session, Meeting, meeting_id, "การประชุม")
        rows = session.scalars(
            select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.sort_order, Attendance.id)
        )
        return [_view(session, row) for row in rows]


def _view(session: Session, row: Attendance) -> AttendanceView:
    session.flush()
    return AttendanceView(
        row.id,
        row.version,
        row.person_id,
        person_name(session, row.person_id) or "",
        AttendanceKind(row.kind),
        row.position_text,
        row.meeting_role,
        row.absence_reason,
        row.substitute_for_person_id,
        row.substitute_for_text,
        row.sort_order,
    )
