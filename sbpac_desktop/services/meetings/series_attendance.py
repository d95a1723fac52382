"""What a new meeting takes from its series: the chair (whoever holds the chair post on the
meeting day, an acting holder included), the default venue and agenda template, and its
attendance list — either from the standing members (each post's holder on the day, with the
post as printed and the member's role; a vacant post is reported back, never dropped
silently) or copied from the series' last meeting (people and roles; not who came or why not).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AgendaTemplate, AttendanceKind
from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.domain.numbering import meeting_number_text
from sbpac_desktop.services.audit_trail import audit
from sbpac_desktop.services.common import ensure_meeting_editable, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import attendance
from sbpac_desktop.services.meetings.attendance import AttendanceView
from sbpac_desktop.services.meetings.series import post_text
from sbpac_desktop.services.names import person_name
from sbpac_desktop.services.people.org_people import IncumbencyView, running_terms
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Attendance, Meeting, MeetingSeries, Person, Position, SeriesMember

MEMBERS = "members"
LAST_MEETING = "last_meeting"
PREFILL_SOURCES = (MEMBERS, LAST_MEETING)
CHAIR_ROLE = "ประธาน"
SECRETARY_ROLE = "เลขานุการ"


@dataclass(frozen=True)
class MeetingDefaults:
    series_id: int
    title: str  # the series' name: a new series' first meeting has no earlier title to reuse
    venue: str | None
    agenda_template: AgendaTemplate
    chair_person_id: int | None
    chair_name: str | None
    chair_post: str | None  # the series' chair post; set with no chair_person_id: vacant that day
    secretary_person_id: int | None
    secretary_name: str | None


@dataclass(frozen=True)
class VacantPost:
    position_id: int
    position_label: str
    meeting_role: str | None


@dataclass(frozen=True)
class PrefillResult:
    source: str
    added: tuple[AttendanceView, ...]
    vacant: tuple[VacantPost, ...]  # standing members nobody holds on the meeting day
    already_listed: tuple[str, ...]  # names already on the list: left as they are
    skipped: tuple[str, ...] = ()  # Thai notes: people not copied and why
    from_meeting: str | None = None  # "10/2562" when copied from the last meeting


def pick_holder(terms: Iterable[IncumbencyView], position_id: int, day: date) -> IncumbencyView | None:
    """Who holds the post on `day`; of overlapping terms (an acting one covering an absence) the
    one that started last — the same rule as names.current_holders."""
    running = [t for t in terms if t.position_id == position_id and t.current_on(day)]
    return max(running, key=lambda t: (t.start_on, t.id), default=None)


def _holder(session: Session, position_id: int | None, day: date) -> IncumbencyView | None:
    if position_id is None:
        return None
    return pick_holder(running_terms(session, day, position_id=position_id), position_id, day)


def meeting_defaults(db: Database, actor: Actor, series_id: int, on: date) -> MeetingDefaults:
    """What a meeting of the series on `on` starts from (the new-meeting dialog and the CLI)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        series = get_or_raise(session, MeetingSeries, series_id, "ชุดการประชุม")
        chair = _holder(session, series.chair_position_id, on)
        secretary = _holder(session, series.secretary_position_id, on)
        chair_post = session.get(Position, series.chair_position_id) if series.chair_position_id else None
        return MeetingDefaults(
            series_id=series.id,
            title=series.name,
            venue=series.default_venue,
            agenda_template=AgendaTemplate(series.agenda_template),
            chair_person_id=chair.person_id if chair else None,
            chair_name=chair.person_name if chair else None,
            chair_post=post_text(chair_post) if chair_post else None,
            secretary_person_id=secretary.person_id if secretary else None,
            secretary_name=secretary.person_name if secretary else None,
        )


# --- filling the attendance list ------------------------------------------------------------
@dataclass
class _Filler:
    """Adds lines to one meeting's list in one unit of work, remembering what it did."""

    session: Session
    actor: Actor
    meeting: Meeting
    listed: set[int]
    next_order: int
    added: list[Attendance]
    already: list[str]
    skipped: list[str]

    def add(self, person_id: int, kind: AttendanceKind, position_text: str | None, role: str | None) -> None:
        person = self.session.get(Person, person_id)
        name = person_name(self.session, person_id) or str(person_id)
        if person_id in self.listed:
            self.already.append(name)
            return
        if person is None or not person.active:
            self.skipped.append(f"{name} (ระงับข้อมูลบุคคลแล้ว)")
            return
        row = Attendance(meeting_id=self.meeting.id, person_id=person_id, kind=kind.value,
                         position_text=position_text, meeting_role=role, sort_order=self.next_order)  # fmt: skip
        self.session.add(row)
        audit(self.session, self.actor, "create", row)
        self.listed.add(person_id)
        self.next_order += 1
        self.added.append(row)


def _filler(session: Session, actor: Actor, meeting: Meeting) -> _Filler:
    rows = list(session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id)))
    order = max((r.sort_order for r in rows), default=0) + 1
    return _Filler(session, actor, meeting, {r.person_id for r in rows}, order, [], [], [])


def _member_lines(session: Session, series: MeetingSeries) -> list[tuple[int, str | None]]:
    """(post, role) in printing order: the chair post first and the secretary post last when the
    series names them but does not list them among its members."""
    query = select(SeriesMember).where(SeriesMember.series_id == series.id)
    members = session.scalars(query.order_by(SeriesMember.sort_order, SeriesMember.id))
    lines: list[tuple[int, str | None]] = [(m.position_id, m.meeting_role) for m in members]
    posts = {position_id for position_id, _ in lines}
    if series.chair_position_id and series.chair_position_id not in posts:
        lines.insert(0, (series.chair_position_id, CHAIR_ROLE))
    if series.secretary_position_id and series.secretary_position_id not in posts | {series.chair_position_id}:
        lines.append((series.secretary_position_id, SECRETARY_ROLE))
    return lines


def _from_members(filler: _Filler, series: MeetingSeries) -> list[VacantPost]:
    vacant = []
    day = filler.meeting.meeting_date
    for position_id, role in _member_lines(filler.session, series):
        position = filler.session.get(Position, position_id)
        if position is None:
            continue
        holder = _holder(filler.session, position_id, day)
        if holder is None:
            vacant.append(VacantPost(position_id, post_text(position), role))
        else:
            filler.add(holder.person_id, AttendanceKind.PRESENT, post_text(position), role)
    return vacant


def _last_meeting(session: Session, meeting: Meeting) -> Meeting:
    query = (
        select(Meeting)
        .where(Meeting.series_id == meeting.series_id, Meeting.id != meeting.id)
        .where(Meeting.meeting_date <= meeting.meeting_date)
        .order_by(Meeting.meeting_date.desc(), Meeting.id.desc())
    )
    for earlier in session.scalars(query):
        if earlier.meeting_date < meeting.meeting_date or earlier.id < meeting.id:
            return earlier
    raise NotFound(
        f"ยังไม่มีการประชุมครั้งก่อนของ “{meeting.series.name}” ให้คัดลอกรายชื่อผู้เข้าประชุม",
        "The series has no earlier meeting to copy the attendance from",
    )


def _from_last_meeting(filler: _Filler, previous: Meeting) -> None:
    """People and roles; marks are not copied (everyone starts as present, guests as guests).
    A substitute's line becomes the member they stood in for."""
    rows = filler.session.scalars(
        select(Attendance).where(Attendance.meeting_id == previous.id).order_by(Attendance.sort_order, Attendance.id)
    )
    for row in rows:
        kind = AttendanceKind.INVITED if row.kind == AttendanceKind.INVITED.value else AttendanceKind.PRESENT
        if row.kind != AttendanceKind.SUBSTITUTE.value:
            filler.add(row.person_id, kind, row.position_text, row.meeting_role)
        elif row.substitute_for_person_id is not None:
            filler.add(row.substitute_for_person_id, kind, None, row.meeting_role)
        else:
            who = row.substitute_for_text or "-"
            filler.skipped.append(f"{who} (มีผู้มาแทนในครั้งก่อน ไม่มีข้อมูลบุคคล)")


def prefill_attendance(db: Database, actor: Actor, meeting_id: int, source: str = MEMBERS) -> PrefillResult:
    """Add the series' standing members (source "members") or the last meeting's attendees
    (source "last_meeting") to the meeting's list. People already listed keep their line;
    nothing is removed, so running it twice adds nothing the second time."""
    require(actor, EDIT_MEETINGS, "เติมรายชื่อผู้เข้าประชุม")
    if source not in PREFILL_SOURCES:
        raise ValidationError.single(
            "source", f"ไม่รู้จักแหล่งรายชื่อ “{source}” (ใช้ได้: members, last_meeting)", f"Unknown source {source}"
        )
    with db.unit_of_work() as session:
        meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
        ensure_meeting_editable(meeting)
        filler = _filler(session, actor, meeting)
        vacant: list[VacantPost] = []
        copied_from = None
        if source == MEMBERS:
            vacant = _from_members(filler, meeting.series)
        else:
            previous = _last_meeting(session, meeting)
            copied_from = meeting_number_text(previous.number, previous.be_year, thai_digits=False)
            _from_last_meeting(filler, previous)
        added_ids = {row.person_id for row in filler.added}
    added = tuple(v for v in attendance.list_attendance(db, actor, meeting_id) if v.person_id in added_ids)
    return PrefillResult(source, added, tuple(vacant), tuple(filler.already), tuple(filler.skipped), copied_from)
