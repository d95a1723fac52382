"""The meetings as a list (the window's first page, `meetings list`) and the meeting's view and input
types, over the Core tables (store.tables): importing this module, reading the list and finding one
meeting (`get_meeting`, `find_meeting`: the document commands' lookup) load no
`sqlalchemy.orm` and no mapped model, so the window's first page fills while the ORM still loads
(issue #16). Writing a meeting is services/meetings/meetings.py's, which re-exports these names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select

from sbpac_desktop.domain.enums import AgendaTemplate, MeetingStatus, RecordingStyle
from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.domain.numbering import meeting_number_text, parse_meeting_number
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.found import key_in_range
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import meeting, meeting_series, person

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader


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


def list_meetings(
    db: Database, actor: Actor, series_id: int | None = None, fiscal_year_be: int | None = None
) -> list[MeetingView]:
    """Newest first, as a secretary looks for the coming or the last meeting."""
    require(actor, READ_DATA, "ดูข้อมูล")
    query = _views_query().order_by(meeting.c.meeting_date.desc(), meeting.c.id.desc())
    if series_id is not None:
        query = query.where(meeting.c.series_id == series_id)
    if fiscal_year_be is not None:
        query = query.where(meeting.c.fiscal_year == fiscal_year_be)
    with db.connect() as connection:
        # One SELECT of plain columns, the series' and the people's names joined: loading 2,000
        # Meeting entities cost more than the rest of the page's first read. On a Core connection,
        # so the window's first page fills before the ORM is imported (issue #16).
        return _listed_views(connection.execute(query))


def get_meeting(db: Database, actor: Actor, meeting_id: int) -> MeetingView:
    require(actor, READ_DATA, "ดูข้อมูล")
    found = None
    if key_in_range(meeting_id):
        with db.connect() as connection:
            found = meeting_view(connection, meeting_id)
    if found is None:
        raise NotFound(f"ไม่พบการประชุม (รหัส {meeting_id})", f"Meeting {meeting_id} not found")
    return found


def meeting_view(reader: Reader, meeting_id: int) -> MeetingView | None:
    """One meeting's view on a Connection, or on a Session after its own writes (a meeting just
    created or edited: `settled` flushes them first, so the new version and number are read)."""
    found = _listed_views(settled(reader).execute(_views_query().where(meeting.c.id == meeting_id)))
    return found[0] if found else None


def find_meeting(db: Database, actor: Actor, reference: str, series_id: int | None = None) -> MeetingView:
    """A meeting by id ('12') or by its printed number ('10/2562', '๑๐/๒๕๖๒'); over the Core tables,
    so a document command finds its meeting without loading the ORM (issue #16)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    reference = reference.strip()
    if reference.isdigit():
        return get_meeting(db, actor, int(reference))
    parsed = parse_meeting_number(reference)
    if parsed is not None:
        query = _views_query().where(meeting.c.number == parsed[0], meeting.c.be_year == parsed[1])
        if series_id is not None:
            query = query.where(meeting.c.series_id == series_id)
        with db.connect() as connection:
            found = _listed_views(connection.execute(query.order_by(meeting.c.id).limit(1)))
        if found:
            return found[0]
    raise NotFound(
        f"ไม่พบการประชุม {reference} (ระบุรหัส หรือครั้งที่ เช่น 10/2562)",
        f"No meeting {reference} (give an id or a number such as 10/2562)",
    )


def _views_query() -> Select[Any]:
    """The columns `_listed_views` reads: the meeting's, its series' name, the chair's and the recorder's names."""
    chair, recorder = person.alias("chair"), person.alias("recorder")
    return (
        select(
            *(meeting.c[column] for column in _LISTED),
            meeting_series.c.name,
            *(chair.c[part] for part in _NAME_PARTS),
            *(recorder.c[part] for part in _NAME_PARTS),
        )
        .join_from(meeting, meeting_series, meeting_series.c.id == meeting.c.series_id)
        .outerjoin(chair, chair.c.id == meeting.c.chair_person_id)
        .outerjoin(recorder, recorder.c.id == meeting.c.recorder_person_id)
    )


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
