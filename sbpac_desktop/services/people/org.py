"""Org units, positions (posts), people and who holds which post.

Units and posts live here; people and terms in office in `org_people` (re-exported below,
so callers keep writing `org.create_person`, `org.assign_incumbency`...).

A post's org unit is the agency it belongs to or is seconded from: ผู้ช่วยเลขาธิการ ศอ.บต.
slot (พณ.) names กระทรวงพาณิชย์. Short codes identify units (ศอ.บต., กปพ.) and posts
(ผช.ลธ.(พณ.)) in tables and documents, so each is unique among its kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.domain.errors import ConflictError
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, change_row
from sbpac_desktop.services.common import get_as_seen
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.names import current_holders
from sbpac_desktop.services.people.org_people import (
    IncumbencyInput,
    IncumbencyView,
    PersonInput,
    PersonView,
    assign_incumbency,
    create_person,
    end_incumbency,
    list_incumbencies,
    list_people,
    running_terms,
    set_person_active,
    update_incumbency,
    update_person,
)
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import OrgUnit, Position
from sbpac_desktop.thai import thai_sort_key
from sbpac_desktop.thai.normalize import clean, clean_required

__all__ = [
    "IncumbencyInput",
    "IncumbencyView",
    "OrgUnitInput",
    "OrgUnitView",
    "PersonInput",
    "PersonView",
    "PositionInput",
    "PositionView",
    "assign_incumbency",
    "create_org_unit",
    "create_person",
    "create_position",
    "end_incumbency",
    "list_incumbencies",
    "list_org_units",
    "list_people",
    "list_positions",
    "set_org_unit_active",
    "set_person_active",
    "set_position_active",
    "update_incumbency",
    "update_org_unit",
    "update_person",
    "update_position",
]

NAME_LIMIT = 300
SHORT_LIMIT = 60


@dataclass(frozen=True)
class OrgUnitInput:
    name: str
    kind: OrgUnitKind = OrgUnitKind.OTHER
    short_name: str | None = None
    parent_id: int | None = None


@dataclass(frozen=True)
class OrgUnitView:
    id: int
    version: int
    name: str
    short_name: str | None
    kind: OrgUnitKind
    parent_id: int | None
    active: bool = True


@dataclass(frozen=True)
class PositionInput:
    title: str
    kind: PositionKind = PositionKind.OTHER
    short_code: str | None = None
    org_unit_id: int | None = None


@dataclass(frozen=True)
class PositionView:
    id: int
    version: int
    title: str
    kind: PositionKind
    short_code: str | None
    org_unit_id: int | None
    org_unit_name: str | None
    org_unit_short_name: str | None
    holder_name: str | None  # current incumbent, if any
    active: bool = True

    @property
    def label(self) -> str:
        """'ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)' — how a post is named in lists."""
        return f"{self.title} ({self.org_unit_name})" if self.org_unit_name else self.title


def _taken(
    session: Session,
    column: InstrumentedAttribute[str | None],
    value: str | None,
    own_id: int | None,
    model: type[OrgUnit] | type[Position],
) -> bool:
    """Is `value` already used by another row? Compared after the same cleaning as stored text."""
    if not value:
        return False
    query = select(func.count()).select_from(model).where(column == value)
    if own_id is not None:
        query = query.where(model.id != own_id)
    return bool(session.scalar(query))


# --- org units --------------------------------------------------------------------------
def _unit_view(unit: OrgUnit) -> OrgUnitView:
    return OrgUnitView(
        unit.id, unit.version, unit.name, unit.short_name, OrgUnitKind(unit.kind), unit.parent_id, unit.active
    )


def validate_unit(session: Session, data: OrgUnitInput, own_id: int | None) -> None:
    check = Checker()
    check.required("name", data.name, "ชื่อหน่วยงาน", "Unit name")
    check.max_length("name", data.name, NAME_LIMIT, "ชื่อหน่วยงาน")
    check.max_length("short_name", data.short_name, SHORT_LIMIT, "ชื่อย่อ")
    name, short = clean(data.name), clean(data.short_name)
    if _taken(session, OrgUnit.name, name, own_id, OrgUnit):
        check.add("name", f"มีหน่วยงานชื่อ “{name}” อยู่แล้ว", "A unit with this name exists")
    if _taken(session, OrgUnit.short_name, short, own_id, OrgUnit):
        check.add("short_name", f"ชื่อย่อ “{short}” ซ้ำกับหน่วยงานอื่น", "Another unit uses this short name")
    if data.parent_id is not None:
        parent = session.get(OrgUnit, data.parent_id)
        if parent is None:
            check.add("parent_id", "ไม่พบหน่วยงานต้นสังกัดที่เลือก", "Parent unit not found")
        elif own_id is not None and is_under(session, parent, own_id):
            check.add("parent_id", "หน่วยงานต้นสังกัดต้องไม่ใช่หน่วยงานนี้หรือหน่วยงานย่อยของหน่วยงานนี้", "Cycle")
    check.raise_if_any()


def is_under(session: Session, unit: OrgUnit | None, ancestor_id: int) -> bool:
    seen: set[int] = set()
    while unit is not None and unit.id not in seen:
        if unit.id == ancestor_id:
            return True
        seen.add(unit.id)
        unit = session.get(OrgUnit, unit.parent_id) if unit.parent_id is not None else None
    return False


def _unit_columns(data: OrgUnitInput) -> dict[str, object]:
    """The columns a unit's form sets, cleaned: the same for a new unit and an edited one."""
    return {
        "name": clean_required(data.name),
        "short_name": clean(data.short_name),
        "kind": data.kind.value,
        "parent_id": data.parent_id,
    }


def create_org_unit(db: Database, actor: Actor, data: OrgUnitInput) -> OrgUnitView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มหน่วยงาน")
    with db.unit_of_work() as session:
        validate_unit(session, data, None)
        unit = OrgUnit(**_unit_columns(data), active=True)
        add_row(session, actor, unit)
        return _unit_view(unit)


def update_org_unit(db: Database, actor: Actor, unit_id: int, expected_version: int, data: OrgUnitInput) -> OrgUnitView:
    require(actor, EDIT_MASTER_DATA, "แก้ไขหน่วยงาน")
    with db.unit_of_work() as session:
        unit = get_as_seen(session, OrgUnit, unit_id, expected_version, "หน่วยงาน")
        validate_unit(session, data, unit_id)
        change_row(session, actor, unit, **_unit_columns(data))
        return _unit_view(unit)


def set_org_unit_active(db: Database, actor: Actor, unit_id: int, expected_version: int, active: bool) -> OrgUnitView:
    """A unit with active sub-units or posts stays active: those would point at nothing usable."""
    require(actor, EDIT_MASTER_DATA, "ระงับหรือเปิดใช้หน่วยงาน")
    with db.unit_of_work() as session:
        unit = get_as_seen(session, OrgUnit, unit_id, expected_version, "หน่วยงาน")
        if not active:
            children = session.scalar(
                select(func.count()).where(OrgUnit.parent_id == unit_id, OrgUnit.active.is_(True))
            )
            posts = session.scalar(
                select(func.count()).where(Position.org_unit_id == unit_id, Position.active.is_(True))
            )
            still = []
            if children:
                still.append(f"หน่วยงานย่อย {children} แห่ง")
            if posts:
                still.append(f"ตำแหน่ง {posts} ตำแหน่ง")
            if still:
                raise ConflictError(
                    f"ระงับ “{unit.name}” ไม่ได้ เพราะยังมี{' และ'.join(still)}ที่ใช้งานอยู่ — กรุณาระงับหรือย้ายรายการเหล่านั้นก่อน",
                    f"The unit still has {children} active sub-units and {posts} active posts",
                )
        change_row(session, actor, unit, active=active)
        return _unit_view(unit)


def list_org_units(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[OrgUnitView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        query = select(OrgUnit) if include_inactive else select(OrgUnit).where(OrgUnit.active.is_(True))
        units = [_unit_view(u) for u in session.scalars(query)]
    return sorted(units, key=lambda u: thai_sort_key(u.name))


# --- positions --------------------------------------------------------------------------
def _position_views(session: Session, positions: list[Position], today: date) -> list[PositionView]:
    holders = current_holders(session, today, [p.id for p in positions])
    return [
        PositionView(
            p.id,
            p.version,
            p.title,
            PositionKind(p.kind),
            p.short_code,
            p.org_unit_id,
            p.org_unit.name if p.org_unit else None,
            p.org_unit.short_name if p.org_unit else None,
            holders.get(p.id),
            p.active,
        )
        for p in positions
    ]


def validate_position(session: Session, data: PositionInput, own_id: int | None) -> None:
    check = Checker()
    check.required("title", data.title, "ชื่อตำแหน่ง", "Position title")
    check.max_length("title", data.title, NAME_LIMIT, "ชื่อตำแหน่ง")
    check.max_length("short_code", data.short_code, SHORT_LIMIT, "ชื่อย่อตำแหน่ง")
    code = clean(data.short_code)
    if _taken(session, Position.short_code, code, own_id, Position):
        check.add("short_code", f"ชื่อย่อ “{code}” ซ้ำกับตำแหน่งอื่น", "Another post uses this short code")
    if data.org_unit_id is not None:
        unit = session.get(OrgUnit, data.org_unit_id)
        if unit is None:
            check.add("org_unit_id", "ไม่พบหน่วยงานที่เลือก", "Unit not found")
        elif not unit.active:
            check.add("org_unit_id", f"หน่วยงาน “{unit.name}” ถูกระงับการใช้งานแล้ว", "Unit is deactivated")
    check.raise_if_any()


def _position_columns(data: PositionInput) -> dict[str, object]:
    """The columns a post's form sets, cleaned: the same for a new post and an edited one."""
    return {
        "title": clean_required(data.title),
        "kind": data.kind.value,
        "short_code": clean(data.short_code),
        "org_unit_id": data.org_unit_id,
    }


def create_position(db: Database, actor: Actor, data: PositionInput) -> PositionView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มตำแหน่ง")
    with db.unit_of_work() as session:
        validate_position(session, data, None)
        position = Position(**_position_columns(data), active=True)
        add_row(session, actor, position)
        session.flush()
        session.refresh(position)
        return _position_views(session, [position], date.today())[0]


def update_position(
    db: Database, actor: Actor, position_id: int, expected_version: int, data: PositionInput
) -> PositionView:
    require(actor, EDIT_MASTER_DATA, "แก้ไขตำแหน่ง")
    with db.unit_of_work() as session:
        position = get_as_seen(session, Position, position_id, expected_version, "ตำแหน่ง")
        validate_position(session, data, position_id)
        change_row(session, actor, position, **_position_columns(data))
        session.flush()
        session.refresh(position)
        return _position_views(session, [position], date.today())[0]


def set_position_active(
    db: Database, actor: Actor, position_id: int, expected_version: int, active: bool, today: date | None = None
) -> PositionView:
    """A post someone still holds stays active: end the term first."""
    require(actor, EDIT_MASTER_DATA, "ระงับหรือเปิดใช้ตำแหน่ง")
    day = today or date.today()
    with db.unit_of_work() as session:
        position = get_as_seen(session, Position, position_id, expected_version, "ตำแหน่ง")
        held = running_terms(session, day, position_id=position_id) if not active else []
        if held:
            raise ConflictError(
                f"ตำแหน่ง “{position.title}” ยังมีผู้ดำรงตำแหน่ง ({held[0].person_name}) — กรุณาบันทึกวันสิ้นสุดวาระก่อนระงับ",
                "The post still has a holder; end the term first",
            )
        change_row(session, actor, position, active=active)
        session.flush()
        return _position_views(session, [position], day)[0]


def list_positions(
    db: Database, actor: Actor, today: date | None = None, *, include_inactive: bool = False
) -> list[PositionView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        query = select(Position).order_by(Position.id)
        if not include_inactive:
            query = query.where(Position.active.is_(True))
        return _position_views(session, list(session.scalars(query)), today or date.today())
