"""What the names in an office spreadsheet refer to: posts, units, dimensions, meetings, used numbers.

Everything is loaded once per import, so 50,000 rows cost dictionary look-ups, not queries.

An assignee cell is matched, first tier that hits wins:
1. a post's short code ("ผช.ลธ.(พณ.)");
2. a post's label "title (agency)" as the tracker prints it;
3. an org unit's name or short name ("กองประสาน...", "กปพ.", "บก."): the unit itself is assigned;
4. a post title alone ("เลขาธิการ ศอ.บต."), when only one post has it (or the agency column picks one);
5. the name of the person who holds the post today.
Spaces and case never matter. A name that fits several posts is reported, never guessed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.numbering import parse_meeting_number
from sbpac_desktop.domain.people import full_name
from sbpac_desktop.services.spreadsheets.fields import CellError, text_value
from sbpac_desktop.store.models import (
    DevelopmentDimension,
    Directive,
    Incumbency,
    Meeting,
    OrgUnit,
    Person,
    Position,
)
from sbpac_desktop.thai import normalize_text


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    return re.sub(r"\s+", "", normalize_text(text)).casefold()


@dataclass(frozen=True)
class Target:
    """One assignee: exactly one of position_id / org_unit_id."""

    position_id: int | None
    org_unit_id: int | None
    label: str


@dataclass
class Lookups:
    tiers: list[dict[str, set[Target]]] = field(default_factory=lambda: [defaultdict(set) for _ in range(5)])
    dimensions: dict[str, int] = field(default_factory=dict)
    dimension_names: list[str] = field(default_factory=list)
    meetings: dict[tuple[int, int], list[int]] = field(default_factory=lambda: defaultdict(list))
    used_numbers: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    code_examples: list[str] = field(default_factory=list)

    def assignee(self, text: str, agency: str | None = None) -> Target:
        key = name_key(text)
        for tier in self.tiers:
            hits = tier.get(key)
            if not hits:
                continue
            if len(hits) == 1:
                return next(iter(hits))
            if agency:
                chosen = self.tiers[1].get(name_key(f"{text} ({agency})"))
                if chosen and len(chosen) == 1:
                    return next(iter(chosen))
            raise CellError(f"'{text}' ตรงกับ {len(hits)} ตำแหน่ง/หน่วยงาน — โปรดระบุชื่อย่อตำแหน่ง เช่น {self._examples()}")
        raise CellError(
            f"ไม่พบตำแหน่งหรือหน่วยงาน '{text}' — ใช้ชื่อย่อตำแหน่ง (เช่น {self._examples()}) ชื่อหน่วยงาน หรือชื่อย่อหน่วยงาน (เช่น บก.)"
        )

    def _examples(self) -> str:
        return ", ".join(self.code_examples[:3]) or "ผช.ลธ.(พณ.)"

    def dimension(self, value: object) -> int | None:
        text = text_value(value)
        if text is None:
            return None
        found = self.dimensions.get(name_key(text))
        if found is None:
            known = ", ".join(self.dimension_names) or "ยังไม่มีมิติการพัฒนาในระบบ"
            raise CellError(f"ไม่รู้จักมิติการพัฒนา '{text}' (มีในระบบ: {known})")
        return found

    def meeting(self, value: object) -> int | None:
        if isinstance(value, date):
            raise CellError("Excel แปลงครั้งที่ประชุมเป็นวันที่ — จัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์ใหม่ เช่น 10/2562")
        text = text_value(value)
        if text is None:
            return None
        parsed = parse_meeting_number(re.sub(r"^(?:การประชุม)?\s*(?:ครั้งที่)?\s*", "", text))
        if parsed is None:
            raise CellError(f"อ่านครั้งที่ประชุมไม่ได้: '{text}' (ตัวอย่าง: 10/2562)")
        found = self.meetings.get(parsed, [])
        if not found:
            raise CellError(f"ไม่พบการประชุมครั้งที่ {parsed[0]}/{parsed[1]} ในฐานข้อมูล — เพิ่มการประชุมก่อนนำเข้า")
        if len(found) > 1:
            raise CellError(f"การประชุมครั้งที่ {parsed[0]}/{parsed[1]} มีมากกว่าหนึ่งชุดการประชุม — เว้นว่างไว้แล้วแก้ไขภายหลัง")
        return found[0]


def load_lookups(session: Session, today: date) -> Lookups:
    found = Lookups()
    units = {u.id: u for u in session.scalars(select(OrgUnit))}
    _posts(session, found, units, today)
    for unit in units.values():
        target = Target(None, unit.id, unit.name)
        for name in (unit.name, unit.short_name):
            if name:
                found.tiers[2][name_key(name)].add(target)
    for dim in session.scalars(select(DevelopmentDimension).order_by(DevelopmentDimension.sort_order)):
        found.dimensions[name_key(dim.name)] = dim.id
        found.dimension_names.append(dim.name)
    for meeting_id, number, be_year in session.execute(select(Meeting.id, Meeting.number, Meeting.be_year)):
        found.meetings[(number, be_year)].append(meeting_id)
    for fiscal_year, seq in session.execute(select(Directive.fiscal_year, Directive.seq)):
        found.used_numbers[fiscal_year].add(seq)
    return found


def _posts(session: Session, found: Lookups, units: dict[int, OrgUnit], today: date) -> None:
    holders = _holders(session, today)
    for post in session.scalars(select(Position).order_by(Position.id)):
        agency = units[post.org_unit_id].name if post.org_unit_id in units else None
        label = f"{post.title} ({agency})" if agency and agency not in post.title else post.title
        target = Target(post.id, None, label)
        if post.short_code:
            found.tiers[0][name_key(post.short_code)].add(target)
            found.code_examples.append(post.short_code)
        found.tiers[1][name_key(label)].add(target)
        if agency:
            found.tiers[1][name_key(f"{post.title} ({agency})")].add(target)
        found.tiers[3][name_key(post.title)].add(target)
        for name in holders.get(post.id, ()):
            found.tiers[4][name_key(name)].add(target)


def _holders(session: Session, today: date) -> dict[int, list[str]]:
    rows = session.execute(
        select(Incumbency.position_id, Person)
        .join(Person, Person.id == Incumbency.person_id)
        .where(Incumbency.start_on <= today, (Incumbency.end_on.is_(None)) | (Incumbency.end_on >= today))
    )
    names: dict[int, list[str]] = defaultdict(list)
    for position_id, person in rows:
        names[position_id] += [full_name(person.prefix, person.first_name, person.last_name)]
        names[position_id] += [f"{person.first_name} {person.last_name}"]
    return names
