"""Meeting series and meetings: automatic numbering n/BE that restarts every calendar year."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AgendaTemplate, MeetingStatus
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.numbering import meeting_number_text, next_sequence
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services import conflicts
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import check_version, ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import series as series_service
from sbpac_desktop.services.meetings.meeting_list import MeetingInput as MeetingInput  # re-exported: the callers' types
from sbpac_desktop.services.meetings.meeting_list import MeetingView as MeetingView
from sbpac_desktop.services.meetings.meeting_list import find_meeting as find_meeting  # Core: no ORM (issue #16)
from sbpac_desktop.services.meetings.meeting_list import get_meeting as get_meeting
from sbpac_desktop.services.meetings.meeting_list import list_meetings as list_meetings
from sbpac_desktop.services.meetings.meeting_list import meeting_view
from sbpac_desktop.services.meetings.series import SeriesView
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Meeting, MeetingSeries, Person
from sbpac_desktop.thai import be_year, fiscal_year
from sbpac_desktop.thai.normalize import clean, clean_required


def create_series(
    db: Database, actor: Actor, name: str, template: AgendaTemplate = AgendaTemplate.STANDARD_5
) -> SeriesView:
    """A series with only a name and template (demo, generator); the full form is services.meetings.series."""
    return series_service.create_series(db, actor, series_service.SeriesInput(name, agenda_template=template))


def list_series(db: Database, actor: Actor) -> list[SeriesView]:
    """Every series, deactivated ones too: their meetings stay (new meetings: series.list_series)."""
    return series_service.list_series(db, actor, include_inactive=True)


def _validate(data: MeetingInput) -> None:
    check = Checker()
    check.required("title", data.title, "ชื่อการประชุม", "Meeting title")
    check.required("venue", data.venue, "สถานที่ประชุม", "Venue")
    check.positive("number", data.number, "ครั้งที่")
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        check.add("end_time", "เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม", "End time must be after start time")
    check.raise_if_any()


def _check_people(session: Session, data: MeetingInput) -> None:
    for person_id, label in (
        (data.chair_person_id, "ประธานการประชุม"),
        (data.recorder_person_id, "ผู้จดรายงานการประชุม"),
        (data.checker_person_id, "ผู้ตรวจรายงานการประชุม"),
    ):
        if person_id is not None:
            get_or_raise(session, Person, person_id, label)


def _number_for(session: Session, data: MeetingInput, year: int, own_id: int | None = None) -> int:
    taken = select(Meeting.number).where(Meeting.series_id == data.series_id, Meeting.be_year == year)
    if own_id is not None:
        taken = taken.where(Meeting.id != own_id)
    used = list(session.scalars(taken))
    if data.number is None:
        return next_sequence(used)
    if data.number in used:
        label = meeting_number_text(data.number, year, thai_digits=False)
        raise ValidationError.single("number", f"ครั้งที่ {label} มีอยู่แล้วในชุดการประชุมนี้", f"Meeting {label} already exists")
    return data.number


def _previous_meeting(session: Session, series_id: int, on: date, own_id: int | None) -> int | None:
    query = (
        select(Meeting.id)
        .where(Meeting.series_id == series_id, Meeting.meeting_date < on)
        .order_by(Meeting.meeting_date.desc(), Meeting.id.desc())
        .limit(1)
    )
    if own_id is not None:
        query = query.where(Meeting.id != own_id)
    return session.scalar(query)


def create_meeting(db: Database, actor: Actor, data: MeetingInput) -> MeetingView:
    require(actor, EDIT_MEETINGS, "สร้างการประชุม")
    _validate(data)
    with db.unit_of_work() as session:
        series = get_or_raise(session, MeetingSeries, data.series_id, "ชุดการประชุม")
        if not series.active:  # its earlier meetings stay editable; new ones go to an active series
            raise ValidationError.single(
                "series_id", f"ชุดการประชุม “{series.name}” ถูกระงับการใช้งานแล้ว", "The series is deactivated"
            )
        _check_people(session, data)
        year = be_year(data.meeting_date)
        meeting = Meeting(
            series_id=series.id,
            number=_number_for(session, data, year),
            status=MeetingStatus.DRAFT.value,
            agenda_template=(data.agenda_template or AgendaTemplate(series.agenda_template)).value,
            previous_meeting_id=data.previous_meeting_id
            or _previous_meeting(session, series.id, data.meeting_date, None),
        )
        _apply(meeting, data, year)
        add_row(session, actor, meeting)
        return _view(session, meeting)


def update_meeting(
    db: Database, actor: Actor, meeting_id: int, expected_version: int, data: MeetingInput, *, overwrite: bool = False
) -> MeetingView:
    """`overwrite`: save over a conflict the user saw (secretariat only, audited as such)."""
    require(actor, EDIT_MEETINGS, "แก้ไขการประชุม")
    if overwrite:
        conflicts.require_overwrite(actor)
    _validate(data)
    with db.unit_of_work() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
        planned = conflicts.planned_values(Meeting, lambda row: _apply(row, data, be_year(data.meeting_date)))
        check_version(meeting, expected_version, "การประชุม", planned)
        ensure_meeting_editable(meeting)
        _check_people(session, data)
        before = snapshot(meeting)
        year = be_year(data.meeting_date)
        keep_number = data.number or (meeting.number if year == meeting.be_year else None)
        meeting.number = _number_for(session, replace(data, number=keep_number), year, meeting.id)
        if data.agenda_template is not None:
            meeting.agenda_template = data.agenda_template.value
        if data.previous_meeting_id is not None:
            meeting.previous_meeting_id = data.previous_meeting_id
        _apply(meeting, data, year)
        audit(session, actor, "overwrite" if overwrite else "update", meeting, before)
        return _view(session, meeting)


def set_status(db: Database, actor: Actor, meeting_id: int, status: MeetingStatus) -> MeetingView:
    require(actor, EDIT_MEETINGS, "เปลี่ยนสถานะการประชุม")
    with db.unit_of_work() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
        if status.value != meeting.status:
            ensure_meeting_editable(meeting)  # certification is final; corrections come as new versions
        change_row(session, actor, meeting, status=status.value)
        return _view(session, meeting)


def _apply(meeting: Meeting, data: MeetingInput, year: int) -> None:
    meeting.be_year = year
    meeting.fiscal_year = fiscal_year(data.meeting_date)
    meeting.title = clean_required(data.title)
    meeting.meeting_date = data.meeting_date
    meeting.start_time = data.start_time
    meeting.end_time = data.end_time
    meeting.venue = clean_required(data.venue)
    meeting.chair_person_id = data.chair_person_id
    meeting.recorder_person_id = data.recorder_person_id
    meeting.checker_person_id = data.checker_person_id
    meeting.recording_style = data.recording_style.value
    meeting.opening_text = clean(data.opening_text)


def _view(session: Session, m: Meeting) -> MeetingView:
    """The meeting as the lists show it, read back after this unit of work's writes."""
    view = meeting_view(session, m.id)
    assert view is not None  # written in this unit of work
    return view


def meeting_count(db: Database, actor: Actor) -> int:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0
