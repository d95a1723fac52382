"""Fill the printable document trees (domain.documents) from the database.

One path for both front ends: the GUI previews and the CLI writes the same tree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.closure import attach_closures
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, DirectiveRow, build_rows
from sbpac_desktop.services.meetings.speakers import speeches_by_item
from sbpac_desktop.services.names import person_name, person_names
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Attendance, Directive, Incumbency, Meeting, MeetingSeries, Position
from sbpac_desktop.thai import long_date

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


def _meeting(session: Session, meeting_id: int) -> Meeting:
    return get_or_raise(session, Meeting, meeting_id, "การประชุม")


def _header(session: Session, meeting: Meeting) -> MeetingHeader:
    return MeetingHeader(
        body_name=meeting.title,
        number=meeting.number,
        be_year=meeting.be_year,
        meeting_date=meeting.meeting_date,
        venue=meeting.venue,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        chair_name=person_name(session, meeting.chair_person_id),
    )


def _section_titles(session: Session, meeting: Meeting) -> dict[int, str]:
    """Official headings; item 2 names the minutes it certifies ("ครั้งที่ 9/2562 เมื่อวันที่ …")."""
    titles = dict(section_titles(AgendaTemplate(meeting.agenda_template)))
    previous = session.get(Meeting, meeting.previous_meeting_id) if meeting.previous_meeting_id else None
    if previous is not None:
        number = meeting_number_text(previous.number, previous.be_year, thai_digits=False)
        when = long_date(previous.meeting_date, weekday=False, thai_digits=False)
        titles[CERTIFY_SECTION] += f" ครั้งที่ {number} เมื่อวันที่ {when}"
    return titles


def _sections(session: Session, meeting: Meeting, today: date, with_directives: bool) -> tuple[AgendaSection, ...]:
    items = list(
        session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).order_by(AgendaItem.sort_key))
    )
    by_item = _directives_by_item(session, meeting.id, today) if with_directives else {}
    speeches = speeches_by_item(session, meeting.id) if with_directives else {}
    presenters = person_names(session)
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
        for number, title in _section_titles(session, meeting).items()
    )


def _directives_by_item(session: Session, meeting_id: int, today: date) -> dict[int, list[DirectiveLine]]:
    rows = build_rows(session, DirectiveFilter(meeting_id=meeting_id), today)
    item_of = dict(
        session.execute(select(Directive.id, Directive.agenda_item_id).where(Directive.meeting_id == meeting_id)).all()
    )
    result: dict[int, list[DirectiveLine]] = defaultdict(list)
    for row in rows:
        item_id = item_of.get(row.id)
        if item_id is not None:
            result[item_id].append(directive_line(row))
    return result


def agenda_document(db: Database, actor: Actor, meeting_id: int, today: date | None = None) -> AgendaDoc:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        meeting = _meeting(session, meeting_id)
        sections = _sections(session, meeting, today or date.today(), False)
        return agenda_with_timetable(_header(session, meeting), sections)


def minutes_document(db: Database, actor: Actor, meeting_id: int, today: date | None = None) -> MinutesDoc:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        meeting = _meeting(session, meeting_id)
        lines = list(
            session.scalars(
                select(Attendance)
                .where(Attendance.meeting_id == meeting.id)
                .order_by(Attendance.sort_order, Attendance.id)
            )
        )
        names = person_names(session)
        header = _header(session, meeting)
        present = tuple(
            _attendance_line(a, names)
            for a in lines
            if a.kind in (AttendanceKind.PRESENT.value, AttendanceKind.SUBSTITUTE.value)
        )
        absent = tuple(_attendance_line(a, names) for a in lines if a.kind == AttendanceKind.ABSENT.value)
        others = tuple(_attendance_line(a, names) for a in lines if a.kind == AttendanceKind.INVITED.value)
        return MinutesDoc(
            header=header,
            recording_style=meeting.recording_style,
            present=present,
            absent=absent,
            others=others,
            opening_text=meeting.opening_text or _default_opening(header, lines, names, _chair_post(session, meeting)),
            sections=attach_closures(session, meeting.id, _sections(session, meeting, today or date.today(), True)),
            recorder=_signer(session, meeting.recorder_person_id, lines, names),
            checker=_signer(session, meeting.checker_person_id, lines, names),
            audit_anchor=head_for_paper(session) if meeting.status == MeetingStatus.MINUTES_CERTIFIED.value else "",
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
    with db.unit_of_work() as session:
        return head_for_paper(session)


def _attendance_line(row: Attendance, names: dict[int, str]) -> PersonLine:
    note = row.meeting_role
    if row.kind == AttendanceKind.ABSENT.value:
        note = row.absence_reason
    elif row.kind == AttendanceKind.SUBSTITUTE.value:
        whom = row.substitute_for_text or names.get(row.substitute_for_person_id or -1, "")
        note = f"มาประชุมแทน {whom}".strip()
    return PersonLine(names[row.person_id], row.position_text, note)


CHAIR_TO_FILL_IN = "." * 40  # the chair's name written in by hand on the printed minutes


def _chair_post(session: Session, meeting: Meeting) -> str | None:
    """The series' chair post (เลขาธิการ ศอ.บต.), for minutes of a meeting with no chair person."""
    series = session.get(MeetingSeries, meeting.series_id)
    if series is None or series.chair_position_id is None:
        return None
    return session.scalar(select(Position.title).where(Position.id == series.chair_position_id))


def _default_opening(
    header: MeetingHeader, lines: list[Attendance], names: dict[int, str], chair_post: str | None
) -> str:
    """'<chair> <post> ประธานในที่ประชุม กล่าวเปิดประชุม ...'. Without a chair person: the series'
    chair post, else a dotted line to fill in (never 'ประธาน ประธานในที่ประชุม')."""
    if header.chair_name:
        position = next((a.position_text for a in lines if names.get(a.person_id) == header.chair_name), None)
        who = f"{header.chair_name} {position}" if position else header.chair_name  # may chair in another's place
    else:
        who = chair_post or CHAIR_TO_FILL_IN
    return f"{who} ประธานในที่ประชุม กล่าวเปิดประชุม และดำเนินการประชุมตามระเบียบวาระ ดังนี้"


def _signer(
    session: Session, person_id: int | None, lines: list[Attendance], names: dict[int, str]
) -> PersonLine | None:
    if person_id is None:
        return None
    position = next((a.position_text for a in lines if a.person_id == person_id), None)
    if position is None:
        position = session.scalar(
            select(Position.title)
            .join(Incumbency, Incumbency.position_id == Position.id)
            .where(Incumbency.person_id == person_id)
            .order_by(Incumbency.start_on.desc())
            .limit(1)
        )
    if person_id not in names:
        raise NotFound("ไม่พบผู้จดรายงานการประชุม", "Recorder not found")
    return PersonLine(names[person_id], position)
