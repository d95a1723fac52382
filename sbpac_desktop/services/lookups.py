"""Editable lookups: development dimensions (seeded with the six of the FY2563 policy meeting)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.common import audit, clean_required
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import DevelopmentDimension

SEED_DIMENSIONS = (
    "ความมั่นคง",
    "เศรษฐกิจ",
    "สังคม",
    "การบริหารจัดการภาครัฐ",
    "การพัฒนาทรัพยากรมนุษย์",
    "การเสริมสร้างความเข้าใจ",
)


@dataclass(frozen=True)
class DimensionView:
    id: int
    version: int
    name: str
    sort_order: int
    active: bool


def list_dimensions(db: Database, actor: Actor) -> list[DimensionView]:
    require(actor, READ_DATA, "ดูข้อมูล")
    with db.unit_of_work() as session:
        rows = session.scalars(select(DevelopmentDimension).order_by(DevelopmentDimension.sort_order))
        return [DimensionView(d.id, d.version, d.name, d.sort_order, d.active) for d in rows]


def add_dimension(db: Database, actor: Actor, name: str) -> DimensionView:
    require(actor, EDIT_MASTER_DATA, "เพิ่มมิติการพัฒนา")
    check = Checker()
    check.required("name", name, "ชื่อมิติการพัฒนา", "Dimension name")
    check.raise_if_any()
    with db.unit_of_work() as session:
        last = session.scalar(select(func.max(DevelopmentDimension.sort_order))) or 0
        row = DevelopmentDimension(name=clean_required(name), sort_order=last + 1, active=True)
        session.add(row)
        audit(session, actor, "create", row)
        return DimensionView(row.id, row.version, row.name, row.sort_order, row.active)


def ensure_seed_dimensions(db: Database, actor: Actor) -> list[DimensionView]:
    """Idempotent: adds only the seed names that are missing."""
    existing = {d.name for d in list_dimensions(db, actor)}
    for name in SEED_DIMENSIONS:
        if name not in existing:
            add_dimension(db, actor, name)
    return list_dimensions(db, actor)
