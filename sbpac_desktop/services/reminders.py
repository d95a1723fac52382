"""Reminders (issue #5): directives due soon or overdue for the signed-in user's posts.

Officers see the directives assigned to a post they hold today (or to that post's unit);
the secretariat sees every open directive. Shown at start-up and on demand in the window,
and as a tray notification where the desktop has a tray.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sbpac_desktop.domain.enums import DirectiveState, UserRole
from sbpac_desktop.domain.status import Deadline
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directive_views import DirectiveFilter, DirectiveRow, build_rows
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


def _own_directive_ids(session, actor: Actor, as_of: date) -> set[int]:  # type: ignore[no-untyped-def]
    posts, units = held_posts(session, actor.user_id, as_of)
    if not posts and not units:
        return set()
    condition = Assignment.position_id.in_(list(posts)) if posts else None
    if units:
        unit_condition = Assignment.org_unit_id.in_(list(units))
        condition = unit_condition if condition is None else condition | unit_condition
    query = (
        select(Assignment.directive_id)
        .join(Directive, Directive.id == Assignment.directive_id)
        .where(Directive.state == DirectiveState.OPEN.value)
        .where(condition)
    )
    return set(session.scalars(query))


def reminders(db: Database, actor: Actor, as_of: date | None = None) -> Reminders:
    require(actor, READ_DATA, "ดูข้อมูล")
    as_of = as_of or date.today()
    with db.unit_of_work() as session:
        if actor.role in ISSUER_SIDE:
            rows = build_rows(session, DirectiveFilter(), as_of)
            scope = "ทุกข้อสั่งการ"
        elif actor.role is UserRole.OFFICER:
            wanted = _own_directive_ids(session, actor, as_of)
            rows = [r for r in build_rows(session, DirectiveFilter(), as_of) if r.id in wanted] if wanted else []
            scope = "ตำแหน่งที่ท่านดำรงอยู่"
        else:
            rows, scope = [], "ไม่มีตำแหน่งที่รับผิดชอบ"
    overdue = sorted(
        (r for r in rows if r.status.deadline is Deadline.OVERDUE), key=lambda r: (-(r.status.days or 0), r.id)
    )
    soon = sorted((r for r in rows if r.status.deadline is Deadline.DUE_SOON), key=lambda r: (r.status.days or 0, r.id))
    return Reminders(as_of, tuple(overdue), tuple(soon), scope)
