"""Places of the southern border area (จชต.): provinces, districts (อำเภอ) and subdistricts (ตำบล).

The list is not typed in: `sync_places` reads it from the `geothai` package (DOPA codes) for the
area SBPAC covers — ปัตตานี, ยะลา, นราธิวาส, สตูล whole, and สงขลา's four districts จะนะ, เทพา,
นาทวี, สะบ้าย้อย. It is keyed by the official code, so running it again after a newer geothai
release adds new areas and renames changed ones in place (links keep pointing at the same row);
an area that geothai no longer lists is deactivated, never deleted (old records still name it).
`init`, the first administrator and the demo loader run it; it is idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, delete, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.services.audit_trail import audit_many, snapshot
from sbpac_desktop.services.common import get_or_raise
from sbpac_desktop.services.context import Actor, system_actor
from sbpac_desktop.services.permissions import EDIT_DIRECTIVES, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Directive
from sbpac_desktop.store.models_field import DirectivePlace, Place
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables_field import place
from sbpac_desktop.thai import normalize_text

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader

P = place.c

# Province name -> the districts SBPAC covers there (None: the whole province). Names, not codes,
# so a reader checks them against the law that set SBPAC's area; sync fails aloud on a miss.
AREA: dict[str, tuple[str, ...] | None] = {
    "ปัตตานี": None,
    "ยะลา": None,
    "นราธิวาส": None,
    "สตูล": None,
    "สงขลา": ("จะนะ", "เทพา", "นาทวี", "สะบ้าย้อย"),
}
LEVELS = ("province", "district", "subdistrict")
_PREFIX = {"province": "จ.", "district": "อ.", "subdistrict": "ต."}
_LONG_PREFIX = {"province": "จังหวัด", "district": "อำเภอ", "subdistrict": "ตำบล"}


@dataclass(frozen=True)
class PlaceView:
    id: int
    code: str
    level: str
    name_th: str
    name_en: str | None
    parent_id: int | None
    province_name: str | None = None  # of a district or subdistrict
    district_name: str | None = None  # of a subdistrict
    active: bool = True

    @property
    def short_label(self) -> str:
        """'ต.สะบารัง' — the place alone."""
        return _PREFIX[self.level] + self.name_th

    @property
    def label(self) -> str:
        """'ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี' — unambiguous (tambon names repeat across districts)."""
        parts = [self.short_label]
        if self.district_name:
            parts.append("อ." + self.district_name)
        if self.province_name:
            parts.append("จ." + self.province_name)
        return " ".join(parts)

    @property
    def long_label(self) -> str:
        return _LONG_PREFIX[self.level] + self.name_th


@dataclass(frozen=True)
class SyncResult:
    added: int
    renamed: int
    deactivated: int
    total: int
    source_version: str


@dataclass(frozen=True)
class _Area:
    code: str
    level: str
    name_th: str
    name_en: str | None
    parent_code: str | None


def _geothai_version() -> str:
    import geothai

    return str(geothai.DATA_VERSION)


def area_from_geothai() -> list[_Area]:
    """Every place of the area, parents before children, from geothai's public API."""
    import geothai  # its data loads only when places are synced (init), not with every command

    by_name = {p.name_th: p for p in geothai.provinces()}
    found: list[_Area] = []
    for province_name, district_names in AREA.items():
        province = by_name.get(province_name)
        if province is None:
            raise LookupError(f"geothai {geothai.DATA_VERSION} has no province {province_name}")
        found.append(_Area(province.code, "province", province.name_th, province.name_en, None))
        districts = geothai.districts(province.code)
        if district_names is not None:
            districts = [d for d in districts if d.name_th in district_names]
            missing = set(district_names) - {d.name_th for d in districts}
            if missing:
                raise LookupError(f"geothai {geothai.DATA_VERSION} has no district {', '.join(sorted(missing))}")
        for district in districts:
            found.append(_Area(district.code, "district", district.name_th, district.name_en, province.code))
            for sub in geothai.subdistricts(district.code):
                found.append(_Area(sub.code, "subdistrict", sub.name_th, sub.name_en, district.code))
    return found


def sync_places(db: Database, actor: Actor | None = None) -> SyncResult:
    """Add what is new, rename what changed (by code), deactivate what geothai dropped."""
    actor = actor or system_actor(db)
    areas = area_from_geothai()
    with db.unit_of_work() as session:
        existing = {p.code: p for p in session.scalars(select(Place))}
        entries: list[tuple[str, str, int | None, dict[str, Any] | None, dict[str, Any] | None]] = []
        added = renamed = 0
        for area in areas:
            row = existing.get(area.code)
            if row is None:
                row = existing[area.code] = _new_place(session, area, existing)
                entries.append(("create", "place", row.id, None, snapshot(row)))
                added += 1
            elif (row.name_th, row.name_en, row.active) != (area.name_th, area.name_en, True):
                before = snapshot(row)
                row.name_th, row.name_en, row.active = area.name_th, area.name_en, True
                session.flush()
                entries.append(("update", "place", row.id, before, snapshot(row)))
                renamed += 1
        current = {a.code for a in areas}
        deactivated = 0
        for row in existing.values():
            if row.code not in current and row.active:
                before = snapshot(row)
                row.active = False
                session.flush()
                entries.append(("update", "place", row.id, before, snapshot(row)))
                deactivated += 1
        audit_many(session, actor, entries)
        return SyncResult(added, renamed, deactivated, len(current), _geothai_version())


def _new_place(session: Session, area: _Area, existing: dict[str, Place]) -> Place:
    parent = existing.get(area.parent_code) if area.parent_code else None
    province = existing.get(area.code[:2]) if area.level != "province" else None
    district = existing.get(area.code[:4]) if area.level == "subdistrict" else None
    row = Place(
        code=area.code,
        level=area.level,
        name_th=normalize_text(area.name_th),
        name_en=area.name_en,
        parent_id=parent.id if parent else None,
        province_id=province.id if province else None,
        district_id=district.id if district else None,
        active=True,
    )
    session.add(row)
    session.flush()
    return row


# --- reading --------------------------------------------------------------------------------
def _views(reader: Reader, where: Iterable[ColumnElement[bool]] = (), limit: int | None = None) -> list[PlaceView]:
    """Core columns (a Session or a Connection): the tracker's place filter reads before any ORM read."""
    province, district = place.alias("province"), place.alias("district")
    query = (
        select(
            P.id, P.code, P.level, P.name_th, P.name_en, P.parent_id, province.c.name_th, district.c.name_th, P.active
        )
        .outerjoin(province, province.c.id == P.province_id)
        .outerjoin(district, district.c.id == P.district_id)
        .where(*where)
        .order_by(P.code)
        .limit(limit)
    )
    return [PlaceView(*row) for row in settled(reader).execute(query).all()]


def list_places(
    db: Database,
    actor: Actor,
    *,
    parent_id: int | None = None,
    level: str | None = None,
    include_inactive: bool = False,
) -> list[PlaceView]:
    """Children of a place (provinces when no parent is given), or every place of a level."""
    require(actor, READ_DATA, "ดูข้อมูล")
    where: list[ColumnElement[bool]] = [] if include_inactive else [P.active.is_(True)]
    if level is not None:
        where.append(P.level == level)
    elif parent_id is None:
        where.append(P.level == "province")
    if parent_id is not None:
        where.append(P.parent_id == parent_id)
    with db.connect() as connection:  # the tracker's filter lists: no ORM, no Session
        return _views(connection, where)


def all_places(db: Database, actor: Actor) -> list[PlaceView]:
    """The whole active tree (a few hundred rows) for pickers, in code order (parents first)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        return _views(session, [Place.active.is_(True)])


def _search_key(text: str) -> str:
    text = re.sub(r"^(จังหวัด|อำเภอ|ตำบล|จ\.|อ\.|ต\.)\s*", "", normalize_text(text).strip())
    return re.sub(r"\s+", "", text).casefold()


def search_places(db: Database, actor: Actor, query: str, limit: int = 30) -> list[PlaceView]:
    """By Thai or English name, or code; names starting with the query first."""
    require(actor, READ_DATA, "ดูข้อมูล")
    key = _search_key(query)
    if not key:
        return []
    rows = all_places(db, actor)

    def keys(p: PlaceView) -> tuple[str, str, str]:
        return _search_key(p.name_th), (p.name_en or "").replace(" ", "").casefold(), p.code

    starts = [p for p in rows if any(k.startswith(key) for k in keys(p))]
    contains = [p for p in rows if p not in starts and any(key in k for k in keys(p)[:2])]
    return (starts + contains)[:limit]


def find_place(session: Session, text: str) -> Place | None:
    """A place from what a person wrote: its code, or 'ต.X อ.Y จ.Z' / 'X' when that is unique."""
    written = normalize_text(text or "").strip()
    if re.fullmatch(r"\d{2}(\d{2}){0,2}", written):
        return session.scalar(select(Place).where(Place.code == written, Place.active.is_(True)))
    parts = [_search_key(p) for p in re.split(r"\s+(?=[จอต]\.|จังหวัด|อำเภอ|ตำบล)", written) if p.strip()]
    if not parts or not parts[0]:
        return None
    candidates = list(session.scalars(select(Place).where(Place.active.is_(True))))
    by_id = {p.id: p for p in candidates}
    matches = [p for p in candidates if _search_key(p.name_th) == parts[0]]
    for extra in parts[1:]:
        matches = [p for p in matches if _ancestor_named(p, extra, by_id)]
    if len(matches) > 1:  # a bare name: prefer the highest level that has it (a province over a tambon)
        order = {level: i for i, level in enumerate(LEVELS)}
        best = min(order[p.level] for p in matches)
        matches = [p for p in matches if order[p.level] == best]
    return matches[0] if len(matches) == 1 else None


def _ancestor_named(place: Place, key: str, by_id: dict[int, Place]) -> bool:
    for ancestor_id in (place.district_id, place.province_id):
        ancestor = by_id.get(ancestor_id) if ancestor_id else None
        if ancestor is not None and _search_key(ancestor.name_th) == key:
            return True
    return False


# --- a directive's places ---------------------------------------------------------------------
def directive_places(db: Database, actor: Actor, directive_id: int) -> list[PlaceView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        ids = select(DirectivePlace.place_id).where(DirectivePlace.directive_id == directive_id)
        return _views(session, [Place.id.in_(ids)])


def checked_place_ids(session: Session, place_ids: Iterable[int]) -> list[int]:
    """Distinct ids in the given order; an unknown id is refused by number, an inactive place by name."""
    wanted = list(dict.fromkeys(place_ids))
    known = {p.id: p for p in session.scalars(select(Place).where(Place.id.in_(wanted)))}
    for place_id in wanted:
        row = known.get(place_id)
        if row is None:
            raise ValidationError.single(
                "places", f"ไม่พบพื้นที่รหัส {place_id} ในรายการพื้นที่ จชต.", f"Unknown place {place_id}"
            )
        if not row.active:  # geothai no longer lists it (sync_places): named, so the user knows which to untick
            label = _views(session, [Place.id == place_id])[0].label
            raise ValidationError.single(
                "places",
                f"พื้นที่ {label} (รหัส {row.code}) ถูกระงับการใช้งานแล้ว — เอาออกแล้วบันทึกอีกครั้ง",
                f"Place {row.code} is no longer active",
            )
    return wanted


def set_directive_places(db: Database, actor: Actor, directive_id: int, place_ids: Iterable[int]) -> list[PlaceView]:
    """Replace the places a directive concerns on their own (the demo's field story); a save from the
    directive form writes them with the directive instead (`DirectiveInput.place_ids`)."""
    require(actor, EDIT_DIRECTIVES, "กำหนดพื้นที่ของข้อสั่งการ")
    with db.unit_of_work() as session:
        get_or_raise(session, Directive, directive_id, "ข้อสั่งการ")
        wanted = checked_place_ids(session, place_ids)
        write_directive_places(session, actor, directive_id, wanted)
        return _views(session, [Place.id.in_(wanted)])


def write_directive_places(session: Session, actor: Actor, directive_id: int, wanted: list[int]) -> None:
    """Inside the caller's unit of work: replace the directive's places with `wanted` (already checked by
    `checked_place_ids`), audited on the directive with the codes before and after when they changed."""
    before = _codes_of(session, directive_id)
    session.execute(delete(DirectivePlace).where(DirectivePlace.directive_id == directive_id))
    session.add_all(DirectivePlace(directive_id=directive_id, place_id=p) for p in wanted)
    session.flush()
    after = _codes_of(session, directive_id)
    if before != after:
        entry = ("update", "directive_place", directive_id, {"places": before}, {"places": after})
        audit_many(session, actor, [entry])


def _codes_of(session: Session, directive_id: int) -> list[str]:
    query = (
        select(Place.code)
        .join(DirectivePlace, DirectivePlace.place_id == Place.id)
        .where(DirectivePlace.directive_id == directive_id)
        .order_by(Place.code)
    )
    return list(session.scalars(query))


def directives_in_place(place_id: int) -> Select[Any]:
    """Ids of directives tied to the place or to any place under it (tracker and dashboard filters)."""
    return select(DirectivePlace.directive_id).where(DirectivePlace.place_id.in_(place_and_descendants(place_id)))


def place_and_descendants(place_id: int) -> Select[Any]:
    """Ids of a place and everything under it (a province's districts and tambons), as SQL."""
    return select(Place.id).where(
        (Place.id == place_id) | (Place.parent_id == place_id) | (Place.province_id == place_id)
    )


def resolve_place(db: Database, actor: Actor, written: str) -> PlaceView:
    """A place named on the command line or in a form: its code or 'ต.X อ.Y จ.Z'; refused by name."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        found = find_place(session, written)
        if found is None:
            raise ValidationError.single(
                "place",
                f"ไม่พบพื้นที่ '{written}' ใน จชต. (ใช้รหัสหรือชื่อ เช่น 940101 หรือ ต.สะบารัง อ.เมืองปัตตานี)",
                f"Unknown place '{written}'",
            )
        return _views(session, [Place.id == found.id])[0]
