"""Fill the printable document trees (domain.documents) from the database.

One path for both front ends: the GUI previews and the CLI writes the same tree. The agenda and the
minutes are read over the Core tables (store.tables) on a Connection, so the document commands run
without loading the ORM (issue #16); the helpers take a Connection or a Session (store.reader).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sbpac_desktop.domain.agenda import CERTIFY_SECTION, FOLLOW_UP_SECTION, section_titles
from sbpac_desktop.domain.documents import (
    AgendaDoc,
    AgendaEntry,
    AgendaSection,
    DirectiveLine,
    DossierDoc,
    MeetingHeader,
    MinutesDoc,
    PersonLine,
    agenda_with_timetable,
)
from sbpac_desktop.domain.enums import AgendaTemplate, AttendanceKind, MeetingStatus
from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.domain.numbering import meeting_number_text
from sbpac_desktop.services.audit_anchors import head_for_paper
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.closure_lines import attach_closures
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, DirectiveRow, build_rows
from sbpac_desktop.services.found import row_or_raise
from sbpac_desktop.services.meetings.speeches import speeches_by_item
from sbpac_desktop.services.names import person_name, person_names
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import agenda_item, attendance, directive, incumbency, meeting, meeting_series, position
from sbpac_desktop.thai import long_date

if TYPE_CHECKING:
    from sqlalchemy import Row

    from sbpac_desktop.store.reader import Reader

EMPTY_FOLLOW_UP = "ไม่มีเรื่องสืบเนื่อง"


def directive_line(row: DirectiveRow) -> DirectiveLine:
    return DirectiveLine(
        number=row.number_text(thai_digits=False),
        text=row.text,
        responsible=row.lead_label,
        supporting=row.supporting,
        parent_agency=row.lead_agency,
        due_on=row.effective_due,
        status_label=row.status.label,
        status_key=row.status.key,
        percent=row.latest_percent,
        progress_text=row.latest_result,
        dimension=row.dimension,
        problems=row.latest_problems,
        suggestions=row.latest_suggestions,
        next_step=row.latest_next_step,
    )


def _meeting(reader: Reader, meeting_id: int) -> Row[Any]:
    return row_or_raise(reader, meeting, meeting_id, "การประชุม", "Meeting")


def _header(reader: Reader, found: Row[Any]) -> MeetingHeader:
    return MeetingHeader(
        body_name=found.title,
        number=found.number,
        be_year=found.be_year,
        meeting_date=found.meeting_date,
        venue=found.venue,
        start_time=found.start_time,
        end_time=found.end_time,
        chair_name=person_name(reader, found.chair_person_id),
    )


def _section_titles(reader: Reader, meeting_row: Row[Any]) -> dict[int, str]:
    """Official headings; item 2 names the minutes it certifies ("ครั้งที่ 9/2562 เมื่อวันที่ …")."""
    titles = dict(section_titles(AgendaTemplate(meeting_row.agenda_template)))
    previous = None
    if meeting_row.previous_meeting_id:
        columns = (meeting.c.number, meeting.c.be_year, meeting.c.meeting_date)
        query = select(*columns).where(meeting.c.id == meeting_row.previous_meeting_id)
        previous = settled(reader).execute(query).first()
    if previous is not None:
        number = meeting_number_text(previous.number, previous.be_year, thai_digits=False)
        when = long_date(previous.meeting_date, weekday=False, thai_digits=False)
        titles[CERTIFY_SECTION] += f" ครั้งที่ {number} เมื่อวันที่ {when}"
    return titles


def _sections(reader: Reader, found: Row[Any], today: date, with_directives: bool) -> tuple[AgendaSection, ...]:
    query = select(agenda_item).where(agenda_item.c.meeting_id == found.id).order_by(agenda_item.c.sort_key)
    items = settled(reader).execute(query).all()
    by_item = _directives_by_item(reader, found.id, today) if with_directives else {}
    speeches = speeches_by_item(reader, found.id) if with_directives else {}
    presenters = person_names(reader)
    grouped: dict[int, list[AgendaEntry]] = defaultdict(list)
    for item in items:
        grouped[item.section].append(
            AgendaEntry(
                number=item.number,
                depth=len(item.number.split(".")) - 1,
                title=item.title,
                presenter=item.presenter_text or presenters.get(item.presenter_person_id or -1),
                background=item.background,
                proposal=item.proposal,
                discussion=item.discussion,
                resolution=item.resolution,
                directives=tuple(by_item.get(item.id, ())),
                speeches=tuple(speeches.get(item.id, ())),
                planned_minutes=item.planned_minutes,
            )
        )
    return tuple(
        AgendaSection(
            number, title, tuple(grouped.get(number, ())), EMPTY_FOLLOW_UP if number == FOLLOW_UP_SECTION else "ไม่มี"
        )
        for number, title in _section_titles(reader, found).items()
    )


def _directives_by_item(reader: Reader, meeting_id: int, today: date) -> dict[int, list[DirectiveLine]]:
    rows = build_rows(reader, DirectiveFilter(meeting_id=meeting_id), today)
    query = select(directive.c.id, directive.c.agenda_item_id).where(directive.c.meeting_id == meeting_id)
    item_of = {directive_id: item_id for directive_id, item_id in reader.execute(query)}
    result: dict[int, list[DirectiveLine]] = defaultdict(list)
    for row in rows:
        item_id = item_of.get(row.id)
        if item_id is not None:
            result[item_id].append(directive_line(row))
    return result


def agenda_document(db: Database, actor: Actor, meeting_id: int, today: date | None = None) -> AgendaDoc:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.connect() as connection:
        found = _meeting(connection, meeting_id)
        sections = _sections(connection, found, today or date.today(), False)
        return agenda_with_timetable(_header(connection, found), sections)


def minutes_document(db: Database, actor: Actor, meeting_id: int, today: date | None = None) -> MinutesDoc:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.connect() as connection:
        found = _meeting(connection, meeting_id)
        query = (
            select(attendance)
            .where(attendance.c.meeting_id == found.id)
            .order_by(attendance.c.sort_order, attendance.c.id)
        )
        lines = connection.execute(query).all()
        names = person_names(connection)
        header = _header(connection, found)
        present = tuple(
            _attendance_line(a, names)
            for a in lines
            if a.kind in (AttendanceKind.PRESENT.value, AttendanceKind.SUBSTITUTE.value)
        )
        absent = tuple(_attendance_line(a, names) for a in lines if a.kind == AttendanceKind.ABSENT.value)
        others = tuple(_attendance_line(a, names) for a in lines if a.kind == AttendanceKind.INVITED.value)
        sections = _sections(connection, found, today or date.today(), True)
        return MinutesDoc(
            header=header,
            recording_style=found.recording_style,
            present=present,
            absent=absent,
            others=others,
            opening_text=found.opening_text or _default_opening(header, lines, names, _chair_post(connection, found)),
            sections=attach_closures(connection, found.id, sections),
            recorder=_signer(connection, found.recorder_person_id, lines, names),
            checker=_signer(connection, found.checker_person_id, lines, names),
            audit_anchor=head_for_paper(connection) if found.status == MeetingStatus.MINUTES_CERTIFIED.value else "",
        )


def dossier_document(db: Database, actor: Actor, meeting_id: int, today: date | None = None) -> DossierDoc:
    """Everything about one meeting; the directives part lists those issued at it, current status."""
    require(actor, READ_DATA, "ดูข้อมูล")
    from sbpac_desktop.services.meetings.followup import FollowUpScope, followup_document

    today = today or date.today()
    return DossierDoc(
        agenda=agenda_document(db, actor, meeting_id, today),
        minutes=minutes_document(db, actor, meeting_id, today),
        # the dossier is signed as a whole, not its directives part
        directives=replace(followup_document(db, actor, FollowUpScope(meeting_id=meeting_id), today), signed=False),
        audit_anchor=_paper_anchor(db),
    )


def _paper_anchor(db: Database) -> str:
    with db.connect() as connection:
        return head_for_paper(connection)


def _attendance_line(row: Row[Any], names: dict[int, str]) -> PersonLine:
    note = row.meeting_role
    if row.kind == AttendanceKind.ABSENT.value:
        note = row.absence_reason
    elif row.kind == AttendanceKind.SUBSTITUTE.value:
        whom = row.substitute_for_text or names.get(row.substitute_for_person_id or -1, "")
        note = f"มาประชุมแทน {whom}".strip()
    return PersonLine(names[row.person_id], row.position_text, note)


CHAIR_TO_FILL_IN = "." * 40  # the chair's name written in by hand on the printed minutes


def _chair_post(reader: Reader, found: Row[Any]) -> str | None:
    """The series' chair post (เลขาธิการ ศอ.บต.), for minutes of a meeting with no chair person."""
    query = (
        select(position.c.title)
        .join(meeting_series, meeting_series.c.chair_position_id == position.c.id)
        .where(meeting_series.c.id == found.series_id)
    )
    title: str | None = settled(reader).execute(query).scalar()
    return title


def _default_opening(
    header: MeetingHeader, lines: Sequence[Row[Any]], names: dict[int, str], chair_post: str | None
) -> str:
    """'<chair> <post> ประธานในที่ประชุม กล่าวเปิดประชุม ...'. Without a chair person: the series'
    chair post, else a dotted line to fill in (never 'ประธาน ประธานในที่ประชุม')."""
    if header.chair_name:
        post = next((a.position_text for a in lines if names.get(a.person_id) == header.chair_name), None)
        who = f"{header.chair_name} {post}" if post else header.chair_name  # may chair in another's place
    else:
        who = chair_post or CHAIR_TO_FILL_IN
    return f"{who} ประธานในที่ประชุม กล่าวเปิดประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้"


def _signer(
    reader: Reader, person_id: int | None, lines: Sequence[Row[Any]], names: dict[int, str]
) -> PersonLine | None:
    if person_id is None:
        return None
    post = next((a.position_text for a in lines if a.person_id == person_id), None)
    if post is None:
        post = settled(reader).execute(
            select(position.c.title)
            .join(incumbency, incumbency.c.position_id == position.c.id)
            .where(incumbency.c.person_id == person_id)
            .order_by(incumbency.c.start_on.desc())
            .limit(1)
        ).scalar()
    if person_id not in names:
        raise NotFound("ไม่พบผู้จดรายงานการประชุม", "Recorder not found")
    return PersonLine(names[person_id], post)
