"""Official letters for a meeting, filled from the database (domain.letters trees):
the invitation (หนังสือเชิญประชุม) to the invited posts with the agenda attached, and one
internal memo (บันทึกข้อความ) per unit telling it the directives it was given at the meeting.

Invited posts are the meeting series' standing members (series_member) in their order, or,
for a series without members, the posts on the meeting's attendance list. The letters are
signed by the series' chair post (its current holder), else the meeting's chair; the memos by
the series' secretary post, to which the units report. Read over the Core tables on a Connection,
so the letters' commands run without loading the ORM (issue #16).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.domain.letters import DirectiveMemo, InvitationLetter, Letterhead, MemoItem, Signer
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveFilter, build_rows
from sbpac_desktop.services.found import row_or_raise
from sbpac_desktop.services.meetings.documents import agenda_document
from sbpac_desktop.services.names import person_name
from sbpac_desktop.services.people.office import get_office
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import (
    attendance,
    incumbency,
    meeting,
    meeting_series,
    org_unit,
    position,
    series_member,
)
from sbpac_desktop.thai import long_date, time_text

if TYPE_CHECKING:
    from sqlalchemy import Row

    from sbpac_desktop.store.reader import Reader

ATTENDED = attendance.c

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


def _holder(reader: Reader, position_id: int | None) -> Signer | None:
    """The post's title and its current holder's name (None when nobody holds it now)."""
    if position_id is None:
        return None
    title = settled(reader).execute(select(position.c.title).where(position.c.id == position_id)).scalar()
    if title is None:
        return None
    held = incumbency.c
    person_id = reader.execute(
        select(held.person_id)
        .where(held.position_id == position_id, held.end_on.is_(None))
        .order_by(held.start_on.desc())
        .limit(1)
    ).scalar()
    return Signer(person_name(reader, person_id), title)


def _invited(reader: Reader, found: Row[Any]) -> tuple[str, ...]:
    """The series' standing posts; a series without them falls back on the meeting's attendance list."""
    member = series_member.c
    members = settled(reader).execute(
        select(position.c.title, func.coalesce(org_unit.c.name, position.c.short_code))
        .join(series_member, member.position_id == position.c.id)
        .outerjoin(org_unit, org_unit.c.id == position.c.org_unit_id)
        .where(member.series_id == found.series_id)
        .order_by(member.sort_order, member.id)
    ).all()
    if members:
        return _distinct_posts([(title, where) for title, where in members])
    attended = reader.execute(
        select(ATTENDED.position_text, ATTENDED.person_id)
        .where(ATTENDED.meeting_id == found.id, ATTENDED.position_text.is_not(None))
        .order_by(ATTENDED.sort_order, ATTENDED.id)
    ).all()
    # an attendance row names no post, only its printed title: a repeated title goes with the person's name
    return _distinct_posts([(title, person_name(reader, person)) for title, person in attended if title])


def _distinct_posts(posts: list[tuple[str, str | None]]) -> tuple[str, ...]:
    """Eight assistant secretaries-general share one title: a title held by several posts is told
    apart by what tells them apart (the ministry a post is seconded from, else its short code; in an
    attendance list, the person), so every post gets its line on the distribution list (and its own
    letter)."""
    counts = Counter(title for title, _ in posts)
    lines = (f"{title} ({where})" if counts[title] > 1 and where else title for title, where in posts)
    return tuple(dict.fromkeys(lines))


def _facts(reader: Reader, meeting_id: int) -> _MeetingFacts:
    found = row_or_raise(reader, meeting, meeting_id, "การประชุม", "Meeting")
    posts = (meeting_series.c.chair_position_id, meeting_series.c.secretary_position_id)
    series = reader.execute(select(*posts).where(meeting_series.c.id == found.series_id)).first()
    chair = _holder(reader, series.chair_position_id if series else None)
    if chair is None:
        post = reader.execute(
            select(ATTENDED.position_text).where(
                ATTENDED.meeting_id == found.id, ATTENDED.person_id == found.chair_person_id
            )
        ).scalar()
        chair = Signer(person_name(reader, found.chair_person_id), post or "ประธานในที่ประชุม")
    when = long_date(found.meeting_date, thai_digits=False)
    if found.start_time:
        when += f" เวลา {time_text(found.start_time, thai_digits=False)}"
    return _MeetingFacts(
        title=found.title,
        number_text=f"{found.number}/{found.be_year}",
        when=when,
        venue=found.venue,
        chair=chair,
        secretary=_holder(reader, series.secretary_position_id if series else None) or _secretary(reader, found),
        invited=_invited(reader, found),
    )


def _secretary(reader: Reader, found: Row[Any]) -> Signer | None:
    """The person recorded as the meeting's เลขานุการ on its attendance list, with their post."""
    row = settled(reader).execute(
        select(ATTENDED.person_id, ATTENDED.position_text)
        .where(ATTENDED.meeting_id == found.id, ATTENDED.meeting_role == "เลขานุการ")
        .order_by(ATTENDED.sort_order, ATTENDED.id)
        .limit(1)
    ).first()
    if row is None or not row.position_text:
        return None
    return Signer(person_name(reader, row.person_id), row.position_text)


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
    with db.connect() as connection:
        facts = _facts(connection, meeting_id)
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
    with db.connect() as connection:
        facts = _facts(connection, meeting_id)
        rows = build_rows(connection, DirectiveFilter(meeting_id=meeting_id), today or date.today())
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
