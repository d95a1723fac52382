"""Official letters for a meeting, filled from the database (domain.letters trees):
the invitation (หนังสือเชิญประชุม) to the invited posts with the agenda attached, and one
internal memo (บันทึกข้อความ) per unit telling it the directives it was given at the meeting.

Invited posts are the meeting series' standing members (series_member) in their order, or,
for a series without members, the posts on the meeting's attendance list. The letters are
signed by the series' chair post (its current holder), else the meeting's chair; the memos by
the series' secretary post, to which the units report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.domain.letters import DirectiveMemo, InvitationLetter, Letterhead, MemoItem, Signer
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, build_rows
from sbpac_desktop.services.meetings.documents import agenda_document
from sbpac_desktop.services.names import person_name
from sbpac_desktop.services.people.office import get_office
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Attendance, Incumbency, Meeting, MeetingSeries, OrgUnit, Position, SeriesMember
from sbpac_desktop.thai import long_date, time_text

DISTRIBUTION_ADDRESSEE = "ผู้เข้าร่วมประชุม (ตามบัญชีแจกจ่าย)"
LEAD, SUPPORT = "ผู้รับผิดชอบหลัก", "หน่วยงานสนับสนุน"
SECRETARIAT = "ฝ่ายเลขานุการที่ประชุม"


@dataclass(frozen=True)
class _MeetingFacts:
    title: str
    number_text: str  # "10/2562"
    when: str  # "วันอังคารที่ 22 ตุลาคม 2562 เวลา 09.30 น."
    venue: str
    chair: Signer
    secretary: Signer | None
    invited: tuple[str, ...]


def _letterhead(db: Database, actor: Actor) -> Letterhead:
    office = get_office(db, actor)
    return Letterhead(office.name, office.address, office.phone, office.letter_prefix, office.emblem)


def _holder(session: Session, position_id: int | None) -> Signer | None:
    """The post's title and its current holder's name (None when nobody holds it now)."""
    if position_id is None:
        return None
    post = session.get(Position, position_id)
    if post is None:
        return None
    person_id = session.scalar(
        select(Incumbency.person_id)
        .where(Incumbency.position_id == position_id, Incumbency.end_on.is_(None))
        .order_by(Incumbency.start_on.desc())
        .limit(1)
    )
    return Signer(person_name(session, person_id), post.title)


def _invited(session: Session, meeting: Meeting) -> tuple[str, ...]:
    """The series' standing posts; a series without them falls back on the meeting's attendance list."""
    members = session.execute(
        select(Position.title, func.coalesce(OrgUnit.name, Position.short_code))
        .join(SeriesMember, SeriesMember.position_id == Position.id)
        .outerjoin(OrgUnit, OrgUnit.id == Position.org_unit_id)
        .where(SeriesMember.series_id == meeting.series_id)
        .order_by(SeriesMember.sort_order, SeriesMember.id)
    ).all()
    if members:
        return _distinct_posts([(title, where) for title, where in members])
    attended = session.execute(
        select(Attendance.position_text, Attendance.person_id)
        .where(Attendance.meeting_id == meeting.id, Attendance.position_text.is_not(None))
        .order_by(Attendance.sort_order, Attendance.id)
    ).all()
    # an attendance row names no post, only its printed title: a repeated title goes with the person's name
    return _distinct_posts([(title, person_name(session, person)) for title, person in attended if title])


def _distinct_posts(posts: list[tuple[str, str | None]]) -> tuple[str, ...]:
    """Eight assistant secretaries-general share one title: a title held by several posts is told
    apart by what tells them apart (the ministry a post is seconded from, else its short code; in an
    attendance list, the person), so every post gets its line on the distribution list (and its own
    letter)."""
    counts = Counter(title for title, _ in posts)
    lines = (f"{title} ({where})" if counts[title] > 1 and where else title for title, where in posts)
    return tuple(dict.fromkeys(lines))


def _facts(session: Session, meeting_id: int) -> _MeetingFacts:
    meeting = get_or_raise(session, Meeting, meeting_id, "การประชุม")
    series = session.get(MeetingSeries, meeting.series_id)
    chair = _holder(session, series.chair_position_id if series else None)
    if chair is None:
        position = session.scalar(
            select(Attendance.position_text).where(
                Attendance.meeting_id == meeting.id, Attendance.person_id == meeting.chair_person_id
            )
        )
        chair = Signer(person_name(session, meeting.chair_person_id), position or "ประธานในที่ประชุม")
    when = long_date(meeting.meeting_date, thai_digits=False)
    if meeting.start_time:
        when += f" เวลา {time_text(meeting.start_time, thai_digits=False)}"
    return _MeetingFacts(
        title=meeting.title,
        number_text=f"{meeting.number}/{meeting.be_year}",
        when=when,
        venue=meeting.venue,
        chair=chair,
        secretary=_holder(session, series.secretary_position_id if series else None) or _secretary(session, meeting),
        invited=_invited(session, meeting),
    )


def _secretary(session: Session, meeting: Meeting) -> Signer | None:
    """The person recorded as the meeting's เลขานุการ on its attendance list, with their post."""
    row = session.scalars(
        select(Attendance)
        .where(Attendance.meeting_id == meeting.id, Attendance.meeting_role == "เลขานุการ")
        .order_by(Attendance.sort_order, Attendance.id)
        .limit(1)
    ).first()
    if row is None or not row.position_text:
        return None
    return Signer(person_name(session, row.person_id), row.position_text)


def _letter_number(head: Letterhead, circular: bool, running: str | None) -> str:
    prefix = head.letter_prefix or "...................."
    return f"{prefix}/{'ว ' if circular else ''}{running or '........'}"


def invitation_letters(
    db: Database, actor: Actor, meeting_id: int, *, per_post: bool = False,
    issued_on: date | None = None, running_number: str | None = None,
) -> tuple[InvitationLetter, ...]:  # fmt: skip
    """One letter with the distribution list, or one letter per invited post; agenda attached."""
    require(actor, READ_DATA, "ดูข้อมูล")
    head = _letterhead(db, actor)
    with db.unit_of_work() as session:
        facts = _facts(session, meeting_id)
    agenda = agenda_document(db, actor, meeting_id)
    chaired = f" โดยมี{facts.chair.name} {facts.chair.position} เป็นประธาน" if facts.chair.name else ""
    body = (
        f"ด้วย{head.office_name} กำหนดจัด{facts.title} ครั้งที่ {facts.number_text} "
        f"ใน{facts.when} ณ {facts.venue}{chaired}",
        "ในการนี้ จึงขอเชิญท่านเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว "
        "รายละเอียดปรากฏตามระเบียบวาระการประชุมที่ส่งมาพร้อมนี้",
        "จึงเรียนมาเพื่อโปรดทราบและเข้าร่วมประชุมตามวัน เวลา และสถานที่ดังกล่าว",
    )
    addressees = facts.invited if per_post and facts.invited else (DISTRIBUTION_ADDRESSEE,)
    return tuple(
        InvitationLetter(
            head=head,
            number=_letter_number(head, True, running_number),
            issued_on=issued_on or date.today(),
            subject=f"ขอเชิญประชุม{facts.title.removeprefix('การประชุม')} ครั้งที่ {facts.number_text}",
            addressee=addressee,
            enclosures=("ระเบียบวาระการประชุม จำนวน 1 ชุด",),
            body=body,
            signer=facts.chair,
            distribution=() if addressee != DISTRIBUTION_ADDRESSEE else facts.invited,
            agenda=agenda,
        )
        for addressee in addressees
    )


def directive_memos(
    db: Database, actor: Actor, meeting_id: int, *, issued_on: date | None = None, today: date | None = None
) -> tuple[DirectiveMemo, ...]:
    """One บันทึกข้อความ per unit (lead or supporting) with the meeting's directives it holds."""
    require(actor, READ_DATA, "ดูข้อมูล")
    head = _letterhead(db, actor)
    with db.unit_of_work() as session:
        facts = _facts(session, meeting_id)
        rows = build_rows(session, DirectiveFilter(meeting_id=meeting_id), today or date.today())
    by_unit: dict[str, list[MemoItem]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r.fiscal_year, r.seq)):
        number = row.number_text(thai_digits=False)
        if row.lead_label:
            by_unit[row.lead_label].append(MemoItem(number, row.text, LEAD, row.effective_due))
        for unit in row.supporting:
            by_unit[unit].append(MemoItem(number, row.text, SUPPORT, row.effective_due))
    if not by_unit:
        raise NotFound(
            f"การประชุมครั้งที่ {facts.number_text} ยังไม่มีข้อสั่งการที่มอบหมายหน่วยงาน",
            f"Meeting {facts.number_text} has no assigned directives",
        )
    report_to = facts.secretary.position if facts.secretary else f"{SECRETARIAT} ({head.office_name})"
    signer = facts.secretary or Signer(None, f"{SECRETARIAT}")
    opening = (
        f"ตามที่ได้มีการประชุม{facts.title.removeprefix('การประชุม')} ครั้งที่ {facts.number_text} "
        f"เมื่อ{facts.when} ณ {facts.venue} ที่ประชุมได้มีข้อสั่งการให้หน่วยงานของท่านดำเนินการ ดังนี้"
    )
    closing = (
        f"จึงเรียนมาเพื่อโปรดทราบและดำเนินการ และรายงานผลการดำเนินการให้{report_to} ทราบ "
        "ภายในกำหนดแล้วเสร็จของแต่ละข้อ"
    )
    return tuple(
        DirectiveMemo(
            head=head,
            number=_letter_number(head, False, None),
            issued_on=issued_on or date.today(),
            subject=f"แจ้งข้อสั่งการจากการประชุมครั้งที่ {facts.number_text}",
            addressee=unit,
            opening=opening,
            items=tuple(items),
            closing=closing,
            signer=signer,
        )
        for unit, items in by_unit.items()
    )
