"""People and their terms in office (who holds which post from when).

Rules for terms (Incumbency):
- a term ends on or after the day it starts;
- two regular (non-acting) terms of one post never overlap — a post has one holder at a
  time. Acting terms (รักษาราชการแทน) may overlap a regular one: they cover an absence;
- assigning a new holder may close the open term of the previous holder on the day
  before (`end_previous`), which is what a clerk means by "X now holds the post".
Deactivated people and posts stay in the history but take no new terms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ConflictError, ValidationError
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import check_version, get_as_seen, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Incumbency, Person, Position
from sbpac_desktop.thai import medium_date, thai_sort_key
from sbpac_desktop.thai.normalize import clean, clean_required

NAME_LIMIT = 120


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
    active: bool = True


@dataclass(frozen=True)
class IncumbencyInput:
    person_id: int
    position_id: int
    start_on: date
    end_on: date | None = None
    acting: bool = False
    end_previous: bool = False  # close the open regular term of the post on start_on - 1 day


@dataclass(frozen=True)
class IncumbencyView:
    id: int
    version: int
    person_id: int
    person_name: str
    position_id: int
    position_title: str
    start_on: date
    end_on: date | None
    acting: bool

    def current_on(self, day: date) -> bool:
        return self.start_on <= day and (self.end_on is None or self.end_on >= day)


# --- people ----------------------------------------------------------------------------
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
        p.active,
    )


def validate_person(data: PersonInput) -> None:
    check = Checker()
    check.required("first_name", data.first_name, "ชื่อ", "First name")
    check.required("last_name", data.last_name, "นามสกุล", "Last name")
    check.max_length("first_name", data.first_name, NAME_LIMIT, "ชื่อ")
    check.max_length("last_name", data.last_name, NAME_LIMIT, "นามสกุล")
    check.max_length("prefix", data.prefix, 40, "คำนำหน้า/ยศ")
    check.max_length("email", data.email, 200, "อีเมล")  # the column's size: PostgreSQL refuses longer
    check.max_length("phone", data.phone, 60, "โทรศัพท์")
    if data.email and "@" not in data.email:
        check.add("email", "รูปแบบอีเมลไม่ถูกต้อง (เช่น name@sbpac.go.th)", "Not an e-mail address")
    check.raise_if_any()


def _person_columns(data: PersonInput) -> dict[str, object]:
    """The columns a person's form sets, cleaned: the same for a new person and an edited one."""
    return {
        "prefix": clean(data.prefix),
        "first_name": clean_required(data.first_name),
        "last_name": clean_required(data.last_name),
        "email": clean(data.email),
        "phone": clean(data.phone),
    }


def create_person(db: Database, actor: Actor, data: PersonInput) -> PersonView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มบุคคล")
    validate_person(data)
    with db.unit_of_work() as session:
        person = Person(**_person_columns(data), active=True)
        add_row(session, actor, person)
        return _person_view(person)


def update_person(db: Database, actor: Actor, person_id: int, expected_version: int, data: PersonInput) -> PersonView:
    require(actor, EDIT_MASTER_DATA, "แก้ไขข้อมูลบุคคล")
    validate_person(data)
    with db.unit_of_work() as session:
        person = get_or_raise(session, Person, person_id, "บุคคล")
        check_version(person, expected_version, "ข้อมูลบุคคล")
        change_row(session, actor, person, **_person_columns(data))
        return _person_view(person)


def set_person_active(
    db: Database, actor: Actor, person_id: int, expected_version: int, active: bool, today: date | None = None
) -> PersonView:
    """Deactivating someone who still holds a post is refused: end the term first."""
    require(actor, EDIT_MASTER_DATA, "ระงับหรือเปิดใช้ข้อมูลบุคคล")
    with db.unit_of_work() as session:
        person = get_or_raise(session, Person, person_id, "บุคคล")
        check_version(person, expected_version, "ข้อมูลบุคคล")
        if not active:
            held = running_terms(session, today or date.today(), person_id=person_id)
            if held:
                raise ConflictError(
                    f"{full_name(person.prefix, person.first_name, person.last_name)} ยังดำรงตำแหน่ง "
                    f"{held[0].position_title} อยู่ — กรุณาบันทึกวันสิ้นสุดวาระก่อนระงับ",
                    "This person still holds a post; end the term first",
                )
        change_row(session, actor, person, active=active)
        return _person_view(person)


def list_people(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[PersonView]:
    """Sorted the way a Thai reader expects (first name, then surname, Thai collation)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        query = select(Person) if include_inactive else select(Person).where(Person.active.is_(True))
        people = [_person_view(p) for p in session.scalars(query)]
    return sorted(people, key=lambda p: (thai_sort_key(p.first_name), thai_sort_key(p.last_name)))


# --- terms in office --------------------------------------------------------------------
def _term_view(row: Incumbency, person: Person, position: Position) -> IncumbencyView:
    name = full_name(person.prefix, person.first_name, person.last_name)
    return IncumbencyView(
        row.id, row.version, person.id, name, position.id, position.title, row.start_on, row.end_on, row.acting
    )


def _terms(session: Session, *, position_id: int | None = None, person_id: int | None = None) -> list[IncumbencyView]:
    query = (
        select(Incumbency, Person, Position)
        .join(Person, Person.id == Incumbency.person_id)
        .join(Position, Position.id == Incumbency.position_id)
        .order_by(Incumbency.start_on.desc(), Incumbency.id.desc())
    )
    if position_id is not None:
        query = query.where(Incumbency.position_id == position_id)
    if person_id is not None:
        query = query.where(Incumbency.person_id == person_id)
    return [_term_view(*row) for row in session.execute(query)]


def running_terms(session: Session, today: date, **which: int) -> list[IncumbencyView]:
    """Terms running on `today` or starting later (used inside other services' units of work)."""
    return [t for t in _terms(session, **which) if t.current_on(today) or t.start_on > today]


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (b_end is None or a_start <= b_end) and (a_end is None or b_start <= a_end)


def _term_text(term: IncumbencyView) -> str:
    end = medium_date(term.end_on, thai_digits=False) if term.end_on else "ปัจจุบัน"
    return f"{term.person_name} ({medium_date(term.start_on, thai_digits=False)} – {end})"


def check_term_dates(start_on: date, end_on: date | None) -> None:
    check = Checker()
    check.not_before("end_on", end_on, start_on, "วันสิ้นสุดต้องไม่ก่อนวันเริ่มดำรงตำแหน่ง", "End date is before the start date")
    check.raise_if_any()


def check_no_overlap(
    session: Session, position_id: int, start_on: date, end_on: date | None, acting: bool, own_id: int | None
) -> None:
    if acting:
        return
    for term in _terms(session, position_id=position_id):
        if term.id != own_id and not term.acting and _overlaps(start_on, end_on, term.start_on, term.end_on):
            raise ValidationError.single(
                "start_on",
                f"ช่วงเวลานี้ซ้อนกับวาระของ {_term_text(term)} — ตำแหน่งหนึ่งมีผู้ดำรงตำแหน่งได้ครั้งละหนึ่งคน "
                "(ให้สิ้นสุดวาระเดิมก่อน หรือบันทึกเป็นรักษาราชการแทน)",
                f"Overlaps the term of person {term.person_id} on this post",
            )


def _close_previous(session: Session, actor: Actor, position_id: int, start_on: date) -> None:
    for row in session.scalars(
        select(Incumbency).where(
            Incumbency.position_id == position_id,
            Incumbency.acting.is_(False),
            Incumbency.end_on.is_(None),
            Incumbency.start_on < start_on,
        )
    ):
        change_row(session, actor, row, end_on=start_on - timedelta(days=1))


def assign_incumbency(db: Database, actor: Actor, data: IncumbencyInput) -> int:
    require(actor, EDIT_MASTER_DATA, "กำหนดผู้ดำรงตำแหน่ง")
    check_term_dates(data.start_on, data.end_on)
    with db.unit_of_work() as session:
        person = get_or_raise(session, Person, data.person_id, "บุคคล")
        position = get_or_raise(session, Position, data.position_id, "ตำแหน่ง")
        check = Checker()
        if not person.active:
            check.add("person_id", "บุคคลนี้ถูกระงับการใช้งานแล้ว", "This person is deactivated")
        if not position.active:
            check.add("position_id", "ตำแหน่งนี้ถูกระงับการใช้งานแล้ว", "This post is deactivated")
        check.raise_if_any()
        if data.end_previous and not data.acting:
            _close_previous(session, actor, data.position_id, data.start_on)
            session.flush()
        check_no_overlap(session, data.position_id, data.start_on, data.end_on, data.acting, None)
        row = Incumbency(
            person_id=data.person_id,
            position_id=data.position_id,
            start_on=data.start_on,
            end_on=data.end_on,
            acting=data.acting,
        )
        add_row(session, actor, row)
        return row.id


def update_incumbency(
    db: Database,
    actor: Actor,
    incumbency_id: int,
    expected_version: int,
    start_on: date,
    end_on: date | None,
    acting: bool,
) -> IncumbencyView:
    """Correct a term's dates or end it (the holder and the post stay as recorded)."""
    require(actor, EDIT_MASTER_DATA, "แก้ไขวาระการดำรงตำแหน่ง")
    check_term_dates(start_on, end_on)
    with db.unit_of_work() as session:
        row = get_as_seen(session, Incumbency, incumbency_id, expected_version, "วาระการดำรงตำแหน่ง")
        check_no_overlap(session, row.position_id, start_on, end_on, acting, row.id)
        before = snapshot(row)
        row.start_on, row.end_on, row.acting = start_on, end_on, acting
        audit(session, actor, "update", row, before)
        session.flush()
        return _term_view(row, session.get_one(Person, row.person_id), session.get_one(Position, row.position_id))


def end_incumbency(
    db: Database, actor: Actor, incumbency_id: int, expected_version: int, end_on: date
) -> IncumbencyView:
    require(actor, EDIT_MASTER_DATA, "สิ้นสุดวาระการดำรงตำแหน่ง")
    with db.unit_of_work() as session:
        row = get_or_raise(session, Incumbency, incumbency_id, "วาระการดำรงตำแหน่ง")
        start_on, acting = row.start_on, row.acting
    return update_incumbency(db, actor, incumbency_id, expected_version, start_on, end_on, acting)


def list_incumbencies(
    db: Database, actor: Actor, *, position_id: int | None = None, person_id: int | None = None
) -> list[IncumbencyView]:
    """Newest term first."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _terms(session, position_id=position_id, person_id=person_id)
