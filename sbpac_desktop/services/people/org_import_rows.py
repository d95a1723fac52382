"""Apply the rows of an organisation spreadsheet inside one open transaction, with the org
services' own rules (org.validate_unit/validate_position/is_under, org_people's person,
date and overlap checks), so a row is accepted exactly when the window would accept it.

Rows are applied by kind, not file order — units, then their parents, posts, people, terms —
so a term may name a person listed further down. Every object is flushed as it is made:
later rows (and the overlap check) see the earlier ones. The caller rolls everything back
when any row has an error or for a dry run.

Matching (documented for the clerk in the template's notes sheet):
- a unit by its exact name: an existing one is updated (blank cells keep what is stored);
- a post by its short code, else by title + unit when exactly one post has them;
- a person by first name + surname: one in the database is updated (prefix, e-mail, phone);
  two people of that name in the database, or the same name on two rows, is refused;
- a term by person + post + start date: an existing one gets the file's end date / acting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind
from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.services.audit_trail import audit, snapshot
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.people import org as org_rules
from sbpac_desktop.services.people import org_people as people_rules
from sbpac_desktop.services.people.org_import_fields import (
    COLUMNS,
    RowKind,
    acting_value,
    name_value,
    phone_value,
    post_kind_value,
    unit_kind_value,
)
from sbpac_desktop.services.spreadsheets.fields import CellError, date_value, text_value
from sbpac_desktop.services.spreadsheets.lookups import name_key
from sbpac_desktop.store.base import Base
from sbpac_desktop.store.models import Incumbency, OrgUnit, Person, Position
from sbpac_desktop.thai.normalize import clean as _service_clean

# Field names in the services' ValidationErrors -> spreadsheet column keys.
_SERVICE_COLUMNS = {
    "name": "unit_name", "short_name": "unit_short", "parent_id": "parent", "title": "post_title",
    "short_code": "post_code", "org_unit_id": "parent", "first_name": "first_name", "last_name": "last_name",
    "prefix": "prefix", "email": "email", "phone": "phone", "start_on": "start", "end_on": "end",
    "person_id": "first_name", "position_id": "post_code",
}  # fmt: skip

T = TypeVar("T")


@lru_cache(maxsize=16_384)
def clean(text: str | None) -> str | None:
    """thai.normalize.clean, remembered: a file names the same units, posts and people row after row."""
    return _service_clean(text)


@dataclass
class RowState:
    """One data row: its cells by column key and what became of it."""

    number: int
    cells: dict[str, object]
    kind: RowKind | None = None
    label: str = ""
    action: str = "unchanged"  # create | update | unchanged; refused when errors is not empty
    changes: list[str] = field(default_factory=list)
    errors: list[tuple[str | None, str]] = field(default_factory=list)  # (column key, Thai message)
    record: Base | None = None
    before: dict[str, Any] | None = None

    def fail(self, column: str | None, message: str) -> None:
        self.errors.append((column, message))

    def take(self, column: str, parse: Callable[[object], T]) -> T | None:
        try:
            return parse(self.cells.get(column))
        except CellError as exc:
            self.fail(column, str(exc))
            return None

    def text(self, column: str) -> str | None:
        return self.take(column, lambda v: name_value(v, COLUMNS[column][0]))

    def validated(self, check: Callable[[], None]) -> bool:
        try:
            check()
        except ValidationError as error:
            for problem in error.problems:
                self.fail(_SERVICE_COLUMNS.get(problem.field), problem.message_th)
            return False
        return True

    def change(self, record: Base, attribute: str, value: object, label_th: str) -> None:
        if value is None or getattr(record, attribute) == value:
            return
        if self.action != "create":
            self.before = self.before or snapshot(record)
            self.action = "update"
            self.changes.append(label_th)
        setattr(record, attribute, value)


class OrgRowApplier:
    def __init__(self, session: Session, actor: Actor, *, write_audit: bool) -> None:
        self.session, self.actor, self.write_audit = session, actor, write_audit
        self.seen: dict[tuple[RowKind, str], int] = {}  # a record's key -> first row naming it

    def apply(self, rows: list[RowState]) -> None:
        by_kind = {kind: [r for r in rows if r.kind is kind] for kind in RowKind}
        for row in by_kind[RowKind.UNIT]:
            self._unit(row)
        for row in by_kind[RowKind.UNIT]:
            self._unit_parent(row)
        for handler, kind in ((self._post, RowKind.POST), (self._person, RowKind.PERSON), (self._term, RowKind.TERM)):
            for row in by_kind[kind]:
                handler(row)
        if self.write_audit:
            for row in rows:
                if row.record is not None and not row.errors and row.action in ("create", "update"):
                    audit(self.session, self.actor, row.action, row.record, row.before)

    def _first(self, row: RowState, kind: RowKind, key: str, column: str, what: str) -> bool:
        """False (and an error) when an earlier row already names the same record."""
        earlier = self.seen.setdefault((kind, key), row.number)
        if earlier != row.number:
            row.fail(column, f"{what}ซ้ำกับแถว {earlier} — หนึ่งรายการต่อหนึ่งแถว (แก้ไขหรือลบแถวใดแถวหนึ่ง)")
            return False
        return True

    # --- units ---------------------------------------------------------------------
    def unit_named(self, text: str) -> list[OrgUnit]:
        wanted = clean(text)
        query = select(OrgUnit).where(or_(OrgUnit.name == wanted, OrgUnit.short_name == wanted))
        return list(self.session.scalars(query))

    def _unit(self, row: RowState) -> None:
        name, short = row.text("unit_name"), row.text("unit_short")
        kind = row.take("unit_kind", unit_kind_value)
        if name is None:
            row.fail("unit_name", "กรุณากรอกชื่อหน่วยงาน")
            return
        row.label = name
        if row.errors or not self._first(row, RowKind.UNIT, name_key(name), "unit_name", f"หน่วยงาน “{name}” "):
            return
        unit = self.session.scalar(select(OrgUnit).where(OrgUnit.name == clean(name)))
        data = org_rules.OrgUnitInput(name, kind or OrgUnitKind(unit.kind if unit else OrgUnitKind.OTHER), short)
        if not row.validated(lambda: org_rules.validate_unit(self.session, data, unit.id if unit else None)):
            return
        if unit is None:
            unit = OrgUnit(name=clean(name), short_name=clean(short), kind=data.kind.value, active=True)
            self.session.add(unit)
            row.action = "create"
        row.change(unit, "short_name", clean(short), "ชื่อย่อ")
        row.change(unit, "kind", kind.value if kind else None, "ชนิดหน่วยงาน")
        self.session.flush()
        row.record = unit

    def _unit_parent(self, row: RowState) -> None:
        text = row.text("parent")
        unit = row.record
        if text is None or not isinstance(unit, OrgUnit) or row.errors:
            return
        parent = self._one_unit(row, text, "parent")
        if parent is None:
            return
        if org_rules.is_under(self.session, parent, unit.id):
            row.fail("parent", f"สังกัด “{text}” ทำให้เกิดวงวน — หน่วยงานแม่ต้องไม่ใช่หน่วยงานนี้หรือหน่วยงานย่อยของหน่วยงานนี้")
            return
        row.change(unit, "parent_id", parent.id, "สังกัด")
        self.session.flush()

    def _one_unit(self, row: RowState, text: str, column: str) -> OrgUnit | None:
        found = self.unit_named(text)
        if len(found) == 1:
            return found[0]
        if found:
            row.fail(column, f"“{text}” ตรงกับหน่วยงาน {len(found)} แห่ง — ใช้ชื่อเต็มของหน่วยงาน")
        else:
            row.fail(column, f"ไม่พบหน่วยงาน “{text}” — เพิ่มแถวประเภท หน่วยงาน ในไฟล์ หรือตรวจการสะกด")
        return None

    # --- posts ---------------------------------------------------------------------
    def _post(self, row: RowState) -> None:
        title, code, unit_text = row.text("post_title"), row.text("post_code"), row.text("parent")
        kind = row.take("post_kind", post_kind_value)
        unit = self._one_unit(row, unit_text, "parent") if unit_text else None
        if title is None:
            row.fail("post_title", "กรุณากรอกชื่อตำแหน่ง")
            return
        row.label = f"{title} ({code})" if code else title
        key = name_key(code) if code else name_key(f"{title}|{unit.id if unit else ''}")
        if row.errors or not self._first(row, RowKind.POST, key, "post_code", f"ตำแหน่ง “{row.label}” "):
            return
        post = self._existing_post(row, title, code, unit)
        if row.errors:
            return
        stored_kind = PositionKind(post.kind) if post else PositionKind.OTHER
        data = org_rules.PositionInput(title, kind or stored_kind, code, unit.id if unit else None)
        if not row.validated(lambda: org_rules.validate_position(self.session, data, post.id if post else None)):
            return
        if post is None:
            post = Position(title=clean(title), short_code=clean(code), kind=data.kind.value, active=True)
            self.session.add(post)
            row.action = "create"
        row.change(post, "title", clean(title), "ชื่อตำแหน่ง")
        row.change(post, "kind", kind.value if kind else None, "ชนิดตำแหน่ง")
        row.change(post, "org_unit_id", unit.id if unit else None, "สังกัด")
        self.session.flush()
        row.record = post

    def _existing_post(self, row: RowState, title: str, code: str | None, unit: OrgUnit | None) -> Position | None:
        if code:
            return self.session.scalar(select(Position).where(Position.short_code == clean(code)))
        unit_id = unit.id if unit else None
        query = select(Position).where(Position.title == clean(title), Position.org_unit_id == unit_id)
        found = list(self.session.scalars(query))
        if len(found) > 1:
            row.fail("post_code", f"มีตำแหน่ง “{title}” ในหน่วยงานนี้ {len(found)} ตำแหน่ง — โปรดระบุชื่อย่อตำแหน่ง")
        return found[0] if len(found) == 1 else None

    # --- people --------------------------------------------------------------------
    def people_named(self, first: str, last: str) -> list[Person]:
        query = select(Person).where(Person.first_name == clean(first), Person.last_name == clean(last))
        return list(self.session.scalars(query))

    def _person(self, row: RowState) -> None:
        first, last, prefix = row.text("first_name"), row.text("last_name"), row.text("prefix")
        email, phone = row.text("email"), row.take("phone", phone_value)
        if first is None or last is None:
            row.fail("first_name" if first is None else "last_name", "กรุณากรอกชื่อและนามสกุล")
            return
        row.label = full_name(prefix, first, last)
        what = f"บุคคล “{first} {last}” "
        if row.errors or not self._first(row, RowKind.PERSON, name_key(f"{first}|{last}"), "first_name", what):
            return
        data = people_rules.PersonInput(first, last, prefix, email, phone)
        if not row.validated(lambda: people_rules.validate_person(data)):
            return
        found = self.people_named(first, last)
        if len(found) > 1:
            row.fail("first_name", f"มีบุคคลชื่อ “{first} {last}” ในระบบ {len(found)} คน — แก้ไขที่หน้าบุคคลและหน่วยงาน")
            return
        person = found[0] if found else None
        if person is None:
            person = Person(first_name=clean(first), last_name=clean(last), active=True)
            self.session.add(person)
            row.action = "create"
        row.change(person, "prefix", clean(prefix), "คำนำหน้า")
        row.change(person, "email", clean(email), "อีเมล")
        row.change(person, "phone", clean(phone), "โทรศัพท์")
        self.session.flush()
        row.record = person

    # --- terms in office -----------------------------------------------------------
    def _term(self, row: RowState) -> None:
        start, end = row.take("start", date_value), row.take("end", date_value)
        acting = bool(row.take("acting", acting_value))
        person, post = self._term_person(row), self._term_post(row)
        named = [text_value(row.cells.get(k)) for k in ("first_name", "last_name", "post_code", "post_title")]
        row.label = " ".join(filter(None, named[:2])) + (f" — {named[2] or named[3]}" if named[2] or named[3] else "")
        if start is None and not any(c == "start" for c, _m in row.errors):
            row.fail("start", "กรุณากรอกวันเริ่มดำรงตำแหน่ง")
        if row.errors or person is None or post is None or start is None:
            return
        row.label = f"{full_name(person.prefix, person.first_name, person.last_name)} — {post.title}"
        if not self._first(row, RowKind.TERM, f"{person.id}|{post.id}|{start}", "start", "วาระเดียวกัน"):
            return
        if not row.validated(lambda: people_rules.check_term_dates(start, end)):
            return
        if not person.active:
            row.fail("first_name", "บุคคลนี้ถูกระงับการใช้งานแล้ว")
        if not post.active:
            row.fail("post_code", "ตำแหน่งนี้ถูกระงับการใช้งานแล้ว")
        term = self.session.scalar(
            select(Incumbency).where(
                Incumbency.person_id == person.id, Incumbency.position_id == post.id, Incumbency.start_on == start
            )
        )
        own = term.id if term else None
        if row.errors or not row.validated(
            lambda: people_rules.check_no_overlap(self.session, post.id, start, end, acting, own)
        ):
            return
        self._save_term(row, term, person.id, post.id, start, end, acting)

    def _save_term(
        self, row: RowState, term: Incumbency | None, person_id: int, post_id: int, start: date, end: date | None,
        acting: bool,
    ) -> None:  # fmt: skip
        if term is None:
            term = Incumbency(person_id=person_id, position_id=post_id, start_on=start, end_on=end, acting=acting)
            self.session.add(term)
            row.action = "create"
        elif term.end_on != end:  # a blank end clears a stored one: the file says the term runs on
            row.before = snapshot(term)
            row.action = "update"
            row.changes.append("วันสิ้นสุด")
            term.end_on = end
        row.change(term, "acting", acting, "รักษาราชการแทน")
        self.session.flush()
        row.record = term

    def _term_person(self, row: RowState) -> Person | None:
        first, last = row.text("first_name"), row.text("last_name")
        if first is None or last is None:
            row.fail("first_name", "แถววาระต้องระบุชื่อและนามสกุลของผู้ดำรงตำแหน่ง")
            return None
        found = self.people_named(first, last)
        if len(found) != 1:
            message = (
                f"มีบุคคลชื่อ “{first} {last}” ในระบบ {len(found)} คน — แก้ไขที่หน้าบุคคลและหน่วยงาน"
                if found
                else f"ไม่พบบุคคล “{first} {last}” — เพิ่มแถวประเภท บุคคล ในไฟล์ หรือตรวจการสะกด"
            )
            row.fail("first_name", message)
            return None
        return found[0]

    def _term_post(self, row: RowState) -> Position | None:
        code, title = row.text("post_code"), row.text("post_title")
        if code:
            post = self.session.scalar(select(Position).where(Position.short_code == clean(code)))
            if post is None:
                row.fail("post_code", f"ไม่พบตำแหน่งชื่อย่อ “{code}” — เพิ่มแถวประเภท ตำแหน่ง ในไฟล์ หรือตรวจการสะกด")
            return post
        if title is None:
            row.fail("post_code", "แถววาระต้องระบุชื่อย่อตำแหน่ง (หรือชื่อตำแหน่งที่ไม่ซ้ำ)")
            return None
        found = list(self.session.scalars(select(Position).where(Position.title == clean(title))))
        if len(found) != 1:
            message = f"ไม่พบตำแหน่ง “{title}”" if not found else f"มีตำแหน่ง “{title}” {len(found)} ตำแหน่ง"
            row.fail("post_title", f"{message} — โปรดระบุชื่อย่อตำแหน่ง")
            return None
        return found[0]
