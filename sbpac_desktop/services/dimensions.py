"""Development dimensions (มิติการพัฒนา): the office's managed list that directives are grouped by.

Name, short name (charts and narrow columns), order and an active flag. Only the issuer's side
(admin, secretary) edits the list; every change is audited. A dimension is never deleted:
directives keep pointing at it, so it is deactivated instead and no longer offered for new ones.

A brand-new database gets the six dimensions of the FY2563 policy meeting (the seed's "กรอบการ
พัฒนา 6 ด้าน") on `init` or when its first administrator is made. A database that has been used
(anything in its audit trail) is left as it is: an office upgrading from an older version may
have chosen other names, and a silent insert would put six unexpected rows into its reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ConflictError, ValidationError
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.audit_trail import add_row, change_row
from sbpac_desktop.services.common import get_as_seen
from sbpac_desktop.services.context import Actor, system_actor
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AuditEntry, DevelopmentDimension, Directive
from sbpac_desktop.thai import normalize_text
from sbpac_desktop.thai.normalize import clean, clean_required

NAME_LIMIT = 200  # development_dimension.name is VARCHAR(200)
SHORT_LIMIT = 60
LABEL_TH = "มิติการพัฒนา"

# (name, short name) as the seed lists them: "ด้านความมั่นคง ด้านเศรษฐกิจ ด้านสังคม
# ด้านการบริหารจัดการภาครัฐ ด้านการพัฒนาทรัพยากรมนุษย์ และด้านการเสริมสร้างความเข้าใจ".
SEED = (
    ("ความมั่นคง", "ความมั่นคง"),
    ("เศรษฐกิจ", "เศรษฐกิจ"),
    ("สังคม", "สังคม"),
    ("การบริหารจัดการภาครัฐ", "บริหารภาครัฐ"),
    ("การพัฒนาทรัพยากรมนุษย์", "ทรัพยากรมนุษย์"),
    ("การเสริมสร้างความเข้าใจ", "สร้างความเข้าใจ"),
)
SEED_NAMES = tuple(name for name, _short in SEED)


@dataclass(frozen=True)
class DimensionInput:
    name: str
    short_name: str | None = None


@dataclass(frozen=True)
class DimensionView:
    id: int
    version: int
    name: str
    sort_order: int
    active: bool
    short_name: str | None = None
    directive_count: int = 0  # directives filed under it (any state)

    @property
    def label(self) -> str:
        """Where space is short (charts): the short name, else the name."""
        return self.short_name or self.name


def _key(text: str | None) -> str:
    """Two names are the same name when they differ only in spacing, case or Thai mark order."""
    return re.sub(r"\s+", "", normalize_text(text or "")).casefold()


def _view(row: DevelopmentDimension, count: int = 0) -> DimensionView:
    return DimensionView(row.id, row.version, row.name, row.sort_order, row.active, row.short_name, count)


def _ordered(session: Session) -> list[DevelopmentDimension]:
    query = select(DevelopmentDimension).order_by(DevelopmentDimension.sort_order, DevelopmentDimension.id)
    return list(session.scalars(query))


def list_dimensions(db: Database, actor: Actor, *, include_inactive: bool = False) -> list[DimensionView]:
    """In the office's order; inactive ones only when asked (the management screen, `--all`)."""
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        counts = dict(
            session.execute(
                select(Directive.dimension_id, func.count())
                .where(Directive.dimension_id.is_not(None))
                .group_by(Directive.dimension_id)
            ).all()
        )
        return [_view(d, counts.get(d.id, 0)) for d in _ordered(session) if include_inactive or d.active]


def _validate(session: Session, data: DimensionInput, own_id: int | None) -> None:
    check = Checker()
    check.required("name", data.name, "ชื่อมิติการพัฒนา", "Dimension name")
    check.max_length("name", clean(data.name), NAME_LIMIT, "ชื่อมิติการพัฒนา")
    check.max_length("short_name", clean(data.short_name), SHORT_LIMIT, "ชื่อย่อมิติการพัฒนา")
    name, short = _key(data.name), _key(data.short_name)
    for other in _ordered(session):
        if other.id == own_id:
            continue
        if name and _key(other.name) == name:
            check.add("name", f"มีมิติการพัฒนาชื่อ “{other.name}” อยู่แล้ว", "A dimension with this name exists")
        if short and _key(other.short_name) == short:
            check.add(
                "short_name",
                f"ชื่อย่อ “{other.short_name}” ซ้ำกับมิติ “{other.name}”",
                "Another dimension uses this short name",
            )
    check.raise_if_any()


def _columns(data: DimensionInput) -> dict[str, object]:
    """What the form sets, cleaned: the same for a new dimension and an edited one."""
    return {"name": clean_required(data.name), "short_name": clean(data.short_name)}


def _insert(session: Session, actor: Actor, data: DimensionInput) -> DevelopmentDimension:
    last = session.scalar(select(func.max(DevelopmentDimension.sort_order))) or 0
    row = DevelopmentDimension(**_columns(data), sort_order=last + 1, active=True)
    add_row(session, actor, row)
    return row


def create_dimension(db: Database, actor: Actor, data: DimensionInput) -> DimensionView:
    """Added at the end of the list, active."""
    require(actor, EDIT_MASTER_DATA, "เพิ่มมิติการพัฒนา")
    with db.unit_of_work() as session:
        _validate(session, data, None)
        return _view(_insert(session, actor, data))


def update_dimension(
    db: Database, actor: Actor, dimension_id: int, expected_version: int | None, data: DimensionInput
) -> DimensionView:
    """Rename: directives filed under it follow (they refer to it by id)."""
    require(actor, EDIT_MASTER_DATA, "แก้ไขมิติการพัฒนา")
    with db.unit_of_work() as session:
        row = get_as_seen(session, DevelopmentDimension, dimension_id, expected_version, LABEL_TH)
        _validate(session, data, dimension_id)
        change_row(session, actor, row, **_columns(data))
        return _view(row)


def set_dimension_active(
    db: Database, actor: Actor, dimension_id: int, expected_version: int | None, active: bool
) -> DimensionView:
    """Deactivate: kept on the directives that have it, no longer offered for new ones."""
    require(actor, EDIT_MASTER_DATA, "ระงับหรือเปิดใช้มิติการพัฒนา")
    with db.unit_of_work() as session:
        row = get_as_seen(session, DevelopmentDimension, dimension_id, expected_version, LABEL_TH)
        if row.active != active:
            change_row(session, actor, row, active=active)
        return _view(row)


def move_dimension(
    db: Database, actor: Actor, dimension_id: int, position: int, expected_version: int | None = None
) -> list[DimensionView]:
    """Put the dimension at `position` (1 = first) of the whole list, inactive ones included,
    and number the list 1..n again; only rows whose number changed are written and audited."""
    require(actor, EDIT_MASTER_DATA, "จัดลำดับมิติการพัฒนา")
    with db.unit_of_work() as session:
        row = get_as_seen(session, DevelopmentDimension, dimension_id, expected_version, LABEL_TH)
        rows = _ordered(session)
        if not 1 <= position <= len(rows):
            raise ValidationError.single(
                "sort_order",
                f"ลำดับต้องอยู่ระหว่าง 1 ถึง {len(rows)} (ได้รับ {position})",
                f"The position must be between 1 and {len(rows)} (got {position})",
            )
        rows.remove(row)
        rows.insert(position - 1, row)
        for number, each in enumerate(rows, start=1):
            if each.sort_order != number:
                change_row(session, actor, each, sort_order=number)
    return list_dimensions(db, actor, include_inactive=True)


# --- the six of the seed ------------------------------------------------------------------
def _add_missing_seed(session: Session, actor: Actor) -> dict[str, int]:
    """Seed name -> id, adding those not there yet. An existing row counts as the seed one when
    its name or short name matches (an office that renamed "ความมั่นคง" to "ด้านความมั่นคง" and
    kept the short name is not given a second one)."""
    rows = _ordered(session)
    found: dict[str, int] = {}
    for name, short in SEED:
        match = next((r for r in rows if _key(r.name) == _key(name)), None)
        match = match or next((r for r in rows if r.short_name and _key(r.short_name) == _key(short)), None)
        if match is None:
            shorts = {_key(r.short_name) for r in rows if r.short_name}
            match = _insert(session, actor, DimensionInput(name, None if _key(short) in shorts else short))
            rows.append(match)
        found[name] = match.id
    return found


def seed_dimension_ids(db: Database, actor: Actor) -> dict[str, int]:
    """The demo and the data generator: reuse the office's six dimensions, add only missing ones."""
    require(actor, EDIT_MASTER_DATA, "เพิ่มมิติการพัฒนา")
    with db.unit_of_work() as session:
        return _add_missing_seed(session, actor)


def ensure_seed_dimensions(db: Database, actor: Actor) -> list[DimensionView]:
    """Idempotent: adds only the seed dimensions that are missing; returns the whole list."""
    seed_dimension_ids(db, actor)
    return list_dimensions(db, actor, include_inactive=True)


def seed_new_database(db: Database) -> bool:
    """The six dimensions for a database nobody has used yet (empty audit trail, no dimensions).
    True when they were added. Acts as the built-in setup account, like the rest of `init`."""
    with db.unit_of_work() as session:
        used = session.scalar(select(func.count()).select_from(AuditEntry))
        has_dimensions = session.scalar(select(func.count()).select_from(DevelopmentDimension))
    if used or has_dimensions:
        return False
    actor = system_actor(db)
    try:
        with db.unit_of_work() as session:
            if session.scalar(select(func.count()).select_from(DevelopmentDimension)):
                return False
            _add_missing_seed(session, actor)
    except ConflictError:
        return False  # another init on the same server added them first (unique names)
    return True
