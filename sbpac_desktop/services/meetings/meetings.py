"""Meeting series and meetings: automatic numbering n/BE that restarts every calendar year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sbpac_desktop.domain.enums import AgendaTemplate, MeetingStatus, RecordingStyle
from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.domain.numbering import meeting_number_text, next_sequence, parse_meeting_number
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services import conflicts
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import check_version, ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import series as series_service
from sbpac_desktop.services.meetings.series import SeriesView
from sbpac_desktop.services.names import person_name
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Meeting, MeetingSeries, Person
from sbpac_desktop.thai import be_year, fiscal_year
from sbpac_desktop.thai.normalize import clean, clean_required


@dataclass(frozen=True)
class MeetingInput:
    series_id: int
    title: str
    meeting_date: date
    venue: str
    start_time: time | None = None
    end_time: time | None = None
    chair_person_id: int | None = None
    recorder_person_id: int | None = None
    checker_person_id: int | None = None
    recording_style: RecordingStyle = RecordingStyle.SUMMARY
    agenda_template: AgendaTemplate | None = None  # None: the series' template
    number: int | None = None  # None: next free number of the calendar year
    previous_meeting_id: int | None = None  # None: the series' latest earlier meeting
    opening_text: str | None = None


@dataclass(frozen=True)
class MeetingView:
    id: int
    version: int
    series_id: int
    series_name: str
    number: int
    be_year: int
    fiscal_year: int
    title: str
    meeting_date: date
    start_time: time | None
    end_time: time | None
    venue: str
    chair_person_id: int | None
    chair_name: str | None
    recorder_person_id: int | None
    recorder_name: str | None
    checker_person_id: int | None
    recording_style: RecordingStyle
    agenda_template: AgendaTemplate
    status: MeetingStatus
    previous_meeting_id: int | None
    opening_text: str | None

    def number_text(self, thai_digits: bool = True) -> str:
        return meeting_number_text(self.number, self.be_year, thai_digits=thai_digits)

    def as_input(self) -> MeetingInput:
        """The stored meeting as the input an unchanged edit would send (the window's form and
        `meetings edit` both start from it and change only what the user changed)."""
        return MeetingInput(
            series_id=self.series_id,
            title=self.title,
            meeting_date=self.meeting_date,
            venue=self.venue,
            start_time=self.start_time,
            end_time=self.end_time,
            chair_person_id=self.chair_person_id,
            recorder_person_id=self.recorder_person_id,
            checker_person_id=self.checker_person_id,
            recording_style=self.recording_style,
            number=self.number,
            opening_text=self.opening_text,
        )


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
    """One meeting's view (a list reads its views with `_listed_views`, from plain rows)."""
    session.flush()
    return MeetingView(
        id=m.id,
        version=m.version,
        series_id=m.series_id,
        series_name=m.series.name,
        number=m.number,
        be_year=m.be_year,
        fiscal_year=m.fiscal_year,
        title=m.title,
        meeting_date=m.meeting_date,
        start_time=m.start_time,
        end_time=m.end_time,
        venue=m.venue,
        chair_person_id=m.chair_person_id,
        chair_name=person_name(session, m.chair_person_id),
        recorder_person_id=m.recorder_person_id,
        recorder_name=person_name(session, m.recorder_person_id),
        checker_person_id=m.checker_person_id,
        recording_style=RecordingStyle(m.recording_style),
        agenda_template=AgendaTemplate(m.agenda_template),
        status=MeetingStatus(m.status),
        previous_meeting_id=m.previous_meeting_id,
        opening_text=m.opening_text,
    )


def get_meeting(db: Database, actor: Actor, meeting_id: int) -> MeetingView:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _view(session, get_or_raise(session, Meeting, meeting_id, "การประชุม"))


def find_meeting(db: Database, actor: Actor, reference: str, series_id: int | None = None) -> MeetingView:
    """A meeting by id ('12') or by its printed number ('10/2562', '๑๐/๒๕๖๒')."""
    require(actor, READ_DATA, "ดูข้อมูล")
    reference = reference.strip()
    with db.unit_of_work() as session:
        if reference.isdigit():
            return _view(session, get_or_raise(session, Meeting, int(reference), "การประชุม"))
        parsed = parse_meeting_number(reference)
        if parsed is not None:
            query = select(Meeting).where(Meeting.number == parsed[0], Meeting.be_year == parsed[1])
            if series_id is not None:
                query = query.where(Meeting.series_id == series_id)
            found = list(session.scalars(query.order_by(Meeting.id)))
            if found:
                return _view(session, found[0])
    raise NotFound(
        f"ไม่พบการประชุม {reference} (ระบุรหัส หรือครั้งที่ เช่น 10/2562)",
        f"No meeting {reference} (give an id or a number such as 10/2562)",
    )


def list_meetings(
    db: Database, actor: Actor, series_id: int | None = None, fiscal_year_be: int | None = None
) -> list[MeetingView]:
    """Newest first, as a secretary looks for the coming or the last meeting."""
    require(actor, READ_DATA, "ดูข้อมูล")
    chair, recorder = aliased(Person), aliased(Person)
    query = (
        select(
            *(getattr(Meeting, column) for column in _LISTED),
            MeetingSeries.name,
            *(getattr(chair, part) for part in _NAME_PARTS),
            *(getattr(recorder, part) for part in _NAME_PARTS),
        )
        .join(MeetingSeries, MeetingSeries.id == Meeting.series_id)
        .outerjoin(chair, chair.id == Meeting.chair_person_id)
        .outerjoin(recorder, recorder.id == Meeting.recorder_person_id)
        .order_by(Meeting.meeting_date.desc(), Meeting.id.desc())
    )
    if series_id is not None:
        query = query.where(Meeting.series_id == series_id)
    if fiscal_year_be is not None:
        query = query.where(Meeting.fiscal_year == fiscal_year_be)
    with db.unit_of_work() as session:
        # One SELECT of plain columns, the series' and the people's names joined: loading 2,000
        # Meeting entities cost more than the rest of the page's first read.
        return _listed_views(session.execute(query))


# The meeting's columns a list view takes, in the order _listed_views reads them.
_LISTED = (
    "id", "version", "series_id", "number", "be_year", "fiscal_year", "title", "meeting_date", "start_time",
    "end_time", "venue", "chair_person_id", "recorder_person_id", "checker_person_id", "recording_style",
    "agenda_template", "status", "previous_meeting_id", "opening_text",
)  # fmt: skip
_NAME_PARTS = ("id", "prefix", "first_name", "last_name")


def _listed_views(rows: Iterable[tuple[Any, ...]]) -> list[MeetingView]:
    # stored values to their enums by a dict: calling the Enum is slower, and on 2,000 meetings
    # these conversions were most of what the read cost after the entities went; an unknown value
    # still falls through to the Enum call and its ValueError
    styles = {style.value: style for style in RecordingStyle}
    templates = {template.value: template for template in AgendaTemplate}
    statuses = {status.value: status for status in MeetingStatus}
    names: dict[int, str] = {}  # a chair chairs many meetings: their name is put together once

    def name(person_id: int | None, prefix: str | None, first: str | None, last: str | None) -> str | None:
        if person_id is None or first is None or last is None:
            return None
        if person_id not in names:
            names[person_id] = full_name(prefix, first, last)
        return names[person_id]

    def view(row: tuple[Any, ...]) -> MeetingView:
        (
            id_, version, series_id, number, year, fiscal, title, on, start, end, venue, chair_id, recorder_id,
            checker_id, style, template, status, previous, opening, series_name, *people,
        ) = row  # fmt: skip
        return MeetingView(
            id=id_,
            version=version,
            series_id=series_id,
            series_name=series_name,
            number=number,
            be_year=year,
            fiscal_year=fiscal,
            title=title,
            meeting_date=on,
            start_time=start,
            end_time=end,
            venue=venue,
            chair_person_id=chair_id,
            chair_name=name(*people[:4]),
            recorder_person_id=recorder_id,
            recorder_name=name(*people[4:]),
            checker_person_id=checker_id,
            recording_style=styles.get(style) or RecordingStyle(style),
            agenda_template=templates.get(template) or AgendaTemplate(template),
            status=statuses.get(status) or MeetingStatus(status),
            previous_meeting_id=previous,
            opening_text=opening,
        )

    return [view(row) for row in rows]


def meeting_count(db: Database, actor: Actor) -> int:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(Meeting)) or 0
