"""Org units, positions (posts), people and who holds which post."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.common import audit, check_version, clean, clean_required, get_or_raise, snapshot
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.names import current_holders
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Incumbency, OrgUnit, Person, Position
from sbpac_desktop.thai import thai_sort_key


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

    @property
    def label(self) -> str:
        """'ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)' — how a post is named in lists."""
        return f"{self.title} ({self.org_unit_name})" if self.org_unit_name else self.title


@dataclass(frozen=True)
class PersonInput:
    first_name: str
    last_name: str
    prefix: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class PersonView:
    id: int
    version: int
    prefix: str | None
    first_name: str
    last_name: str
    full_name: str
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class IncumbencyInput:
    person_id: int
    position_id: int
    start_on: date
    end_on: date | None = None
    acting: bool = False


def _unit_view(unit: OrgUnit) -> OrgUnitView:
    return OrgUnitView(unit.id, unit.version, unit.name, unit.short_name, OrgUnitKind(unit.kind), unit.parent_id)


def _validate_unit(data: OrgUnitInput) -> None:
    check = Checker()
    check.required("name", data.name, "ชื่อหน่วยงาน", "Unit name")
    check.max_length("name", data.name, 300, "ชื่อหน่วยงาน")
    check.raise_if_any()


def create_org_unit(db: Database, actor: Actor, data: OrgUnitInput) -> OrgUnitView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มหน่วยงาน")
    _validate_unit(data)
    with db.unit_of_work() as session:
        if data.parent_id is not None:
            get_or_raise(session, OrgUnit, data.parent_id, "หน่วยงานต้นสังกัด")
        unit = OrgUnit(
            name=clean_required(data.name),
            short_name=clean(data.short_name),
            kind=data.kind.value,
            parent_id=data.parent_id,
        )
        session.add(unit)
        audit(session, actor, "create", unit)
        return _unit_view(unit)


def update_org_unit(db: Database, actor: Actor, unit_id: int, expected_version: int, data: OrgUnitInput) -> OrgUnitView:
    require(actor, EDIT_MASTER_DATA, "แก้ไขหน่วยงาน")
    _validate_unit(data)
    with db.unit_of_work() as session:
        unit = get_or_raise(session, OrgUnit, unit_id, "หน่วยงาน")
        check_version(unit, expected_version, "หน่วยงาน")
        before = snapshot(unit)
        unit.name = clean_required(data.name)
        unit.short_name = clean(data.short_name)
        unit.kind = data.kind.value
        unit.parent_id = data.parent_id
        audit(session, actor, "update", unit, before)
        return _unit_view(unit)


def list_org_units(db: Database, actor: Actor) -> list[OrgUnitView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        units = [_unit_view(u) for u in session.scalars(select(OrgUnit))]
    return sorted(units, key=lambda u: thai_sort_key(u.name))


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
        )
        for p in positions
    ]


def _validate_position(session: Session, data: PositionInput) -> None:
    check = Checker()
    check.required("title", data.title, "ชื่อตำแหน่ง", "Position title")
    check.raise_if_any()
    if data.org_unit_id is not None:
        get_or_raise(session, OrgUnit, data.org_unit_id, "หน่วยงานต้นสังกัด")


def create_position(db: Database, actor: Actor, data: PositionInput) -> PositionView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มตำแหน่ง")
    with db.unit_of_work() as session:
        _validate_position(session, data)
        position = Position(
            title=clean_required(data.title),
            kind=data.kind.value,
            short_code=clean(data.short_code),
            org_unit_id=data.org_unit_id,
        )
        session.add(position)
        audit(session, actor, "create", position)
        return _position_views(session, [position], date.today())[0]


def update_position(
    db: Database, actor: Actor, position_id: int, expected_version: int, data: PositionInput
) -> PositionView:
    require(actor, EDIT_MASTER_DATA, "แก้ไขตำแหน่ง")
    with db.unit_of_work() as session:
        position = get_or_raise(session, Position, position_id, "ตำแหน่ง")
        check_version(position, expected_version, "ตำแหน่ง")
        _validate_position(session, data)
        before = snapshot(position)
        position.title = clean_required(data.title)
        position.kind = data.kind.value
        position.short_code = clean(data.short_code)
        position.org_unit_id = data.org_unit_id
        audit(session, actor, "update", position, before)
        session.flush()
        session.refresh(position)
        return _position_views(session, [position], date.today())[0]


def list_positions(db: Database, actor: Actor, today: date | None = None) -> list[PositionView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        positions = list(session.scalars(select(Position).order_by(Position.id)))
        return _position_views(session, positions, today or date.today())


def _person_view(p: Person) -> PersonView:
    return PersonView(
        p.id,
        p.version,
        p.prefix,
        p.first_name,
        p.last_name,
        full_name(p.prefix, p.first_name, p.last_name),
        p.email,
        p.phone,
    )


def _validate_person(data: PersonInput) -> None:
    check = Checker()
    check.required("first_name", data.first_name, "ชื่อ", "First name")
    check.required("last_name", data.last_name, "นามสกุล", "Last name")
    check.raise_if_any()


def create_person(db: Database, actor: Actor, data: PersonInput) -> PersonView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มบุคคล")
    _validate_person(data)
    with db.unit_of_work() as session:
        person = Person(
            prefix=clean(data.prefix),
            first_name=clean_required(data.first_name),
            last_name=clean_required(data.last_name),
            email=clean(data.email),
            phone=clean(data.phone),
        )
        session.add(person)
        audit(session, actor, "create", person)
        return _person_view(person)


def update_person(db: Database, actor: Actor, person_id: int, expected_version: int, data: PersonInput) -> PersonView:
    require(actor, EDIT_MASTER_DATA, "แก้ไขข้อมูลบุคคล")
    _validate_person(data)
    with db.unit_of_work() as session:
        person = get_or_raise(session, Person, person_id, "บุคคล")
        check_version(person, expected_version, "ข้อมูลบุคคล")
        before = snapshot(person)
        person.prefix = clean(data.prefix)
        person.first_name = clean_required(data.first_name)
        person.last_name = clean_required(data.last_name)
        person.email = clean(data.email)
        person.phone = clean(data.phone)
        audit(session, actor, "update", person, before)
        return _person_view(person)


def list_people(db: Database, actor: Actor) -> list[PersonView]:
    """Sorted the way a Thai reader expects (first name, then surname, Thai collation)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        people = [_person_view(p) for p in session.scalars(select(Person))]
    return sorted(people, key=lambda p: (thai_sort_key(p.first_name), thai_sort_key(p.last_name)))


def assign_incumbency(db: Database, actor: Actor, data: IncumbencyInput) -> int:
    require(actor, EDIT_MASTER_DATA, "กำหนดผู้ดำรงตำแหน่ง")
    check = Checker()
    check.not_before(
        "end_on",
        data.end_on,
        data.start_on,
        "วันสิ้นสุดต้องไม่ก่อนวันเริ่มดำรงตำแหน่ง",
        "End date is before the start date",
    )
    check.raise_if_any()
    with db.unit_of_work() as session:
        get_or_raise(session, Person, data.person_id, "บุคคล")
        get_or_raise(session, Position, data.position_id, "ตำแหน่ง")
        row = Incumbency(
            person_id=data.person_id,
            position_id=data.position_id,
            start_on=data.start_on,
            end_on=data.end_on,
            acting=data.acting,
        )
        session.add(row)
        audit(session, actor, "create", row)
        return row.id
