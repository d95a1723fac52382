"""Meeting series (ชุดการประชุม): the body that meets again and again — its name and short name,
the posts that chair it and act as its secretary, where it usually meets, its agenda template,
and its standing members (posts, so whoever holds the post on the day attends, with a default
role such as ประธาน or กรรมการ, in printing order).

A deactivated series is not offered for new meetings; its meetings stay as they are.
What a new meeting takes from its series (chair, venue, attendance) is in `series_attendance`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import AgendaTemplate, OrgUnitKind
from sbpac_desktop.domain.errors import NotFound, ValidationError
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, erase_row, snapshot
from sbpac_desktop.services.common import get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.names import current_holders
from sbpac_desktop.services.permissions import EDIT_MEETINGS, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import MeetingSeries, Position, SeriesMember
from sbpac_desktop.thai.normalize import clean, clean_required

NAME_LIMIT = 300
SHORT_LIMIT = 60
VENUE_LIMIT = 300
ROLE_LIMIT = 60
# Suggestions for a member's role; any text is accepted (committees name roles their own way).
MEETING_ROLES = ("ประธาน", "รองประธาน", "กรรมการ", "กรรมการและเลขานุการ", "เลขานุการ", "ผู้ช่วยเลขานุการ")
DEFAULT_MEMBER_ROLE = "กรรมการ"


@dataclass(frozen=True)
class SeriesMemberInput:
    position_id: int
    meeting_role: str | None = None


@dataclass(frozen=True)
class SeriesInput:
    name: str
    short_name: str | None = None
    chair_position_id: int | None = None
    secretary_position_id: int | None = None
    default_venue: str | None = None
    agenda_template: AgendaTemplate = AgendaTemplate.STANDARD_5
    members: tuple[SeriesMemberInput, ...] | None = None  # None: keep the stored members (a new series: none)


@dataclass(frozen=True)
class SeriesMemberView:
    id: int
    position_id: int
    position_label: str
    meeting_role: str | None
    sort_order: int
    holder_name: str | None  # today's holder; None: the post is vacant
    position_active: bool


@dataclass(frozen=True)
class SeriesView:
    id: int
    version: int
    name: str
    agenda_template: AgendaTemplate
    short_name: str | None = None
    chair_position_id: int | None = None
    chair_label: str | None = None
    secretary_position_id: int | None = None
    secretary_label: str | None = None
    default_venue: str | None = None
    active: bool = True
    members: tuple[SeriesMemberView, ...] = ()

    def to_input(self) -> SeriesInput:
        """The stored series as the input an unchanged edit would send."""
        return SeriesInput(
            self.name,
            self.short_name,
            self.chair_position_id,
            self.secretary_position_id,
            self.default_venue,
            self.agenda_template,
            tuple(SeriesMemberInput(m.position_id, m.meeting_role) for m in self.members),
        )


SECONDING_KINDS = (OrgUnitKind.MINISTRY.value, OrgUnitKind.DEPARTMENT.value)


def post_text(position: Position) -> str:
    """A post as printed in lists and attendance. The seconding ministry or department tells the
    assistant secretaries-general apart ('ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)'); the office's own
    units are not printed ('เลขาธิการ ศอ.บต.', not '… (ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้)'), nor
    a unit the title already names."""
    unit = position.org_unit
    if unit is None or unit.kind not in SECONDING_KINDS:
        return position.title
    named = unit.name in position.title or (unit.short_name and unit.short_name in position.title)
    return position.title if named else f"{position.title} ({unit.name})"


# --- views -------------------------------------------------------------------------------
def _label(session: Session, position_id: int | None) -> str | None:
    position = session.get(Position, position_id) if position_id is not None else None
    return post_text(position) if position else None


def _members(session: Session, series_id: int) -> list[SeriesMember]:
    query = select(SeriesMember).where(SeriesMember.series_id == series_id)
    return list(session.scalars(query.order_by(SeriesMember.sort_order, SeriesMember.id)))


def _view(session: Session, series: MeetingSeries, today: date) -> SeriesView:
    session.flush()
    rows = _members(session, series.id)
    holders = current_holders(session, today, [m.position_id for m in rows])
    members = []
    for row in rows:
        position = session.get(Position, row.position_id)
        assert position is not None  # the foreign key restricts deleting a member's post
        label = post_text(position)
        holder = holders.get(row.position_id)
        members.append(SeriesMemberView(row.id, row.position_id, label, row.meeting_role, row.sort_order, holder,
                                        position.active))  # fmt: skip
    return SeriesView(
        id=series.id,
        version=series.version,
        name=series.name,
        agenda_template=AgendaTemplate(series.agenda_template),
        short_name=series.short_name,
        chair_position_id=series.chair_position_id,
        chair_label=_label(session, series.chair_position_id),
        secretary_position_id=series.secretary_position_id,
        secretary_label=_label(session, series.secretary_position_id),
        default_venue=series.default_venue,
        active=series.active,
        members=tuple(members),
    )


# --- validation --------------------------------------------------------------------------
def _taken(session: Session, column: object, value: str | None, own_id: int | None) -> bool:
    if not value:
        return False
    query = select(func.count()).select_from(MeetingSeries).where(func.lower(column) == value.lower())
    if own_id is not None:
        query = query.where(MeetingSeries.id != own_id)
    return bool(session.scalar(query))


def _check_post(session: Session, check: Checker, field: str, position_id: int | None, kept: set[int]) -> None:
    """An unknown post is refused; an inactive one only when newly chosen (`kept`: already stored)."""
    if position_id is None:
        return
    position = session.get(Position, position_id)
    if position is None:
        check.add(field, f"ไม่พบตำแหน่งที่เลือก (รหัส {position_id})", f"Post {position_id} not found")
    elif not position.active and position_id not in kept:
        check.add(field, f"ตำแหน่ง “{position.title}” ถูกระงับการใช้งานแล้ว", "The post is deactivated")


def _check_members(session: Session, check: Checker, members: Sequence[SeriesMemberInput], kept: set[int]) -> None:
    seen: set[int] = set()
    for member in members:
        if member.position_id in seen:
            label = _label(session, member.position_id) or str(member.position_id)
            check.add("members", f"ตำแหน่ง “{label}” อยู่ในรายชื่อกรรมการประจำซ้ำกัน", "A post is listed twice")
        seen.add(member.position_id)
        _check_post(session, check, "members", member.position_id, kept)
        check.max_length("members", member.meeting_role, ROLE_LIMIT, "บทบาทในที่ประชุม")


def _validate(session: Session, data: SeriesInput, series: MeetingSeries | None) -> None:
    check = Checker()
    check.required("name", data.name, "ชื่อชุดการประชุม", "Series name")
    check.max_length("name", data.name, NAME_LIMIT, "ชื่อชุดการประชุม")
    check.max_length("short_name", data.short_name, SHORT_LIMIT, "ชื่อย่อ")
    check.max_length("default_venue", data.default_venue, VENUE_LIMIT, "สถานที่ประชุมประจำ")
    if not isinstance(data.agenda_template, AgendaTemplate):
        check.add("agenda_template", "ไม่รู้จักรูปแบบระเบียบวาระ (ใช้ได้: ๕ หรือ ๖ ระเบียบวาระ)", "Unknown agenda template")
    own_id = series.id if series else None
    name, short = clean(data.name), clean(data.short_name)
    if _taken(session, MeetingSeries.name, name, own_id):
        check.add("name", f"มีชุดการประชุมชื่อ “{name}” อยู่แล้ว", "A series with this name exists")
    if _taken(session, MeetingSeries.short_name, short, own_id):
        check.add("short_name", f"ชื่อย่อ “{short}” ซ้ำกับชุดการประชุมอื่น", "Another series uses this short name")
    stored = {series.chair_position_id, series.secretary_position_id} if series else set()
    _check_post(session, check, "chair_position_id", data.chair_position_id, {p for p in stored if p})
    _check_post(session, check, "secretary_position_id", data.secretary_position_id, {p for p in stored if p})
    if data.members is not None:
        kept = {m.position_id for m in _members(session, series.id)} if series else set()
        _check_members(session, check, data.members, kept)
    check.raise_if_any()


# --- writing -----------------------------------------------------------------------------
def _apply(session: Session, actor: Actor, series: MeetingSeries, data: SeriesInput) -> None:
    series.name = clean_required(data.name)
    series.short_name = clean(data.short_name)
    series.chair_position_id = data.chair_position_id
    series.secretary_position_id = data.secretary_position_id
    series.default_venue = clean(data.default_venue)
    series.agenda_template = data.agenda_template.value
    if data.members is not None:
        session.flush()  # a new series needs its id before its members point at it
        _replace_members(session, actor, series.id, data.members)


def _replace_members(session: Session, actor: Actor, series_id: int, members: Sequence[SeriesMemberInput]) -> None:
    """Rows of posts still listed are updated in place (their history stays one row); the rest go."""
    stored = {row.position_id: row for row in _members(session, series_id)}
    wanted = {m.position_id for m in members}
    for position_id, row in stored.items():
        if position_id not in wanted:
            erase_row(session, actor, row)
    for order, member in enumerate(members, start=1):
        found = stored.get(member.position_id)
        role = clean(member.meeting_role)
        if found is None:
            row = SeriesMember(series_id=series_id, position_id=member.position_id, meeting_role=role, sort_order=order)
            add_row(session, actor, row)
        elif (found.meeting_role, found.sort_order) != (role, order):
            before = snapshot(found)
            found.meeting_role, found.sort_order = role, order
            audit(session, actor, "update", found, before)


def create_series(db: Database, actor: Actor, data: SeriesInput, today: date | None = None) -> SeriesView:
    require(actor, EDIT_MEETINGS, "เพิ่มชุดการประชุม")
    with db.unit_of_work() as session:
        _validate(session, data, None)
        series = MeetingSeries(active=True)
        _apply(session, actor, series, replace(data, members=None))
        add_row(session, actor, series)
        if data.members:
            _replace_members(session, actor, series.id, data.members)
        return _view(session, series, today or date.today())


def update_series(
    db: Database, actor: Actor, series_id: int, expected_version: int | None, data: SeriesInput,
    today: date | None = None,
) -> SeriesView:  # fmt: skip
    """`expected_version`: the version the user saw (None from a script that edits blind)."""
    require(actor, EDIT_MEETINGS, "แก้ไขชุดการประชุม")
    with db.unit_of_work() as session:
        series = get_as_seen(session, MeetingSeries, series_id, expected_version, "ชุดการประชุม")
        _validate(session, data, series)
        before = snapshot(series)
        _apply(session, actor, series, data)
        audit(session, actor, "update", series, before)  # members alone changed: the series' version still moves
        return _view(session, series, today or date.today())


def set_series_active(
    db: Database, actor: Actor, series_id: int, expected_version: int | None, active: bool
) -> SeriesView:
    require(actor, EDIT_MEETINGS, "ระงับหรือเปิดใช้ชุดการประชุม")
    with db.unit_of_work() as session:
        series = get_as_seen(session, MeetingSeries, series_id, expected_version, "ชุดการประชุม")
        if series.active != active:
            change_row(session, actor, series, active=active)
        return _view(session, series, date.today())


def add_member(
    db: Database, actor: Actor, series_id: int, position_id: int, meeting_role: str | None = None,
    *, expected_version: int | None = None,
) -> SeriesView:  # fmt: skip
    """One more standing member at the end of the list (the command line's `series member-add`)."""
    require(actor, EDIT_MEETINGS, "เพิ่มกรรมการประจำของชุดการประชุม")
    current = get_series(db, actor, series_id)
    if any(m.position_id == position_id for m in current.members):
        label = next(m.position_label for m in current.members if m.position_id == position_id)
        raise ValidationError.single("members", f"ตำแหน่ง “{label}” เป็นกรรมการประจำของชุดนี้อยู่แล้ว",
                                     "The post is already a standing member")  # fmt: skip
    data = current.to_input()
    members = (*(data.members or ()), SeriesMemberInput(position_id, meeting_role))
    version = current.version if expected_version is None else expected_version
    return update_series(db, actor, series_id, version, replace(data, members=members))


def remove_member(
    db: Database, actor: Actor, series_id: int, position_id: int, *, expected_version: int | None = None
) -> SeriesView:
    require(actor, EDIT_MEETINGS, "ลบกรรมการประจำของชุดการประชุม")
    current = get_series(db, actor, series_id)
    data = current.to_input()
    members = tuple(m for m in data.members or () if m.position_id != position_id)
    if len(members) == len(data.members or ()):
        raise NotFound(
            f"ตำแหน่งรหัส {position_id} ไม่ได้เป็นกรรมการประจำของ “{current.name}”",
            f"Post {position_id} is not a standing member of this series",
        )
    version = current.version if expected_version is None else expected_version
    return update_series(db, actor, series_id, version, replace(data, members=members))


# --- reading -----------------------------------------------------------------------------
def get_series(db: Database, actor: Actor, series_id: int, today: date | None = None) -> SeriesView:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _view(session, get_or_raise(session, MeetingSeries, series_id, "ชุดการประชุม"), today or date.today())


def list_series(
    db: Database, actor: Actor, *, include_inactive: bool = False, today: date | None = None
) -> list[SeriesView]:
    """Active series (those offered for a new meeting) in the order they were made; all with
    `include_inactive` (lists of existing meetings, reports)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        query = select(MeetingSeries).order_by(MeetingSeries.id)
        if not include_inactive:
            query = query.where(MeetingSeries.active.is_(True))
        day = today or date.today()
        return [_view(session, s, day) for s in session.scalars(query)]
