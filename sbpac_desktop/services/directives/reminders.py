"""Reminders (issue #5): directives due soon or overdue for the signed-in user's posts.

Officers see the directives assigned to a post they hold today (or to that post's unit);
the secretariat sees every open directive. Shown at start-up and on demand in the window,
and as a tray notification where the desktop has a tray.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import DirectiveState, UserRole
from sbpac_desktop.domain.status import DUE_SOON_DAYS, Deadline
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives.directive_views import DirectiveRow, rows_for_ids
from sbpac_desktop.services.permissions import ISSUER_SIDE, READ_DATA, held_posts, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Assignment, Directive


@dataclass(frozen=True)
class Reminders:
    as_of: date
    overdue: tuple[DirectiveRow, ...]  # most days late first
    due_soon: tuple[DirectiveRow, ...]  # fewest days left first
    scope: str  # 'ทุกข้อสั่งการ' or 'ตำแหน่งของท่าน'

    @property
    def total(self) -> int:
        return len(self.overdue) + len(self.due_soon)

    def summary(self) -> str:
        """One line for a tray message: 'เกินกำหนด 3 ข้อ ใกล้ครบกำหนด 2 ข้อ'."""
        if not self.total:
            return "ไม่มีข้อสั่งการที่ใกล้ครบกำหนดหรือเกินกำหนด"
        return f"เกินกำหนด {len(self.overdue)} ข้อ ใกล้ครบกำหนด {len(self.due_soon)} ข้อ"


def _candidates(as_of: date) -> Select[Any]:
    """Open, unfinished directives whose effective due date is at most DUE_SOON_DAYS away: an
    index range on (state, effective_due_on), so a ten-year database answers at once."""
    horizon = as_of + timedelta(days=DUE_SOON_DAYS)
    return select(Directive.id).where(
        Directive.state == DirectiveState.OPEN.value,
        Directive.effective_due_on <= horizon,
        or_(Directive.latest_percent.is_(None), Directive.latest_percent < 100),
    )


def _held_by(session: Session, actor: Actor, as_of: date) -> ColumnElement[bool] | None:
    """Directives assigned to a post the officer holds, or to that post's unit; None: nothing held."""
    posts, units = held_posts(session, actor.user_id, as_of)
    if not posts and not units:
        return None
    assigned = select(Assignment.directive_id).where(
        or_(Assignment.position_id.in_(list(posts)), Assignment.org_unit_id.in_(list(units)))
    )
    return Directive.id.in_(assigned)


def reminders(db: Database, actor: Actor, as_of: date | None = None) -> Reminders:
    require(actor, READ_DATA, "ดูข้อมูล")
    as_of = as_of or date.today()
    rows: list[DirectiveRow] = []
    with db.unit_of_work() as session:
        candidates = _candidates(as_of)
        query: Select[Any] | None = candidates
        if actor.role in ISSUER_SIDE:
            scope = "ทุกข้อสั่งการ"
        elif actor.role is UserRole.OFFICER:
            scope = "ตำแหน่งที่ท่านดำรงอยู่"
            held = _held_by(session, actor, as_of)
            query = candidates.where(held) if held is not None else None
        else:
            scope, query = "ไม่มีตำแหน่งที่รับผิดชอบ", None
        if query is not None:
            rows = rows_for_ids(session, list(session.scalars(query)), as_of)
    overdue = sorted(
        (r for r in rows if r.status.deadline is Deadline.OVERDUE), key=lambda r: (-(r.status.days or 0), r.id)
    )
    soon = sorted((r for r in rows if r.status.deadline is Deadline.DUE_SOON), key=lambda r: (r.status.days or 0, r.id))
    return Reminders(as_of, tuple(overdue), tuple(soon), scope)
