"""Deny by default: each action names the roles that may do it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import app_user, incumbency, position

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sbpac_desktop.store.models import Assignment
    from sbpac_desktop.store.reader import Reader

EDIT_MEETINGS = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
EDIT_DIRECTIVES = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
EDIT_MASTER_DATA = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
MANAGE_USERS = frozenset({UserRole.ADMIN})
REPORT_PROGRESS = frozenset({UserRole.ADMIN, UserRole.SECRETARY, UserRole.OFFICER})
# Every role reads today; the check is here so narrower rules (an officer's own posts) slot in.
READ_DATA = frozenset(UserRole)


def require(actor: Actor, allowed: frozenset[UserRole], action_th: str) -> None:
    if actor.role not in allowed:
        raise PermissionDenied(
            f"บัญชี {actor.login} ({actor.role.label}) ไม่มีสิทธิ์{action_th}",
            f"User {actor.login} ({actor.role.value}) may not do this",
        )


# --- An officer acts only for the posts their person holds (issue #5) -------------------------
# Officers report progress, ask for extensions and closure and mark work blocked, but only on
# assignments to a post they hold today (User.person_id -> Incumbency -> Position), or to the
# unit that such a post belongs to. The issuer's side (secretary, admin) acts on every directive.
ISSUER_SIDE = frozenset({UserRole.ADMIN, UserRole.SECRETARY})


def held_posts(reader: Reader, user_id: int, today: date) -> tuple[frozenset[int], frozenset[int]]:
    """(position ids, org unit ids of those positions) that the user's person holds on `today`."""
    person_id = settled(reader).execute(select(app_user.c.person_id).where(app_user.c.id == user_id)).scalar()
    if person_id is None:
        return frozenset(), frozenset()
    held = incumbency.c
    query = (
        select(position.c.id, position.c.org_unit_id)
        .join(incumbency, held.position_id == position.c.id)
        .where(held.person_id == person_id, held.start_on <= today)
        .where((held.end_on.is_(None)) | (held.end_on >= today))
    )
    rows = reader.execute(query).all()
    return frozenset(r[0] for r in rows), frozenset(r[1] for r in rows if r[1] is not None)


def holds_any(session: Session, actor: Actor, assignments: Iterable[Assignment], today: date) -> bool:
    if actor.role in ISSUER_SIDE:
        return True
    if actor.role is not UserRole.OFFICER:
        return False
    posts, units = held_posts(session, actor.user_id, today)
    return any(a.position_id in posts or (a.org_unit_id is not None and a.org_unit_id in units) for a in assignments)


def require_assignee(
    session: Session, actor: Actor, assignments: Iterable[Assignment], today: date, action_th: str
) -> None:
    """Secretary/admin always; an officer only for an assignment to a post (or unit) they hold."""
    require(actor, REPORT_PROGRESS, action_th)
    if not holds_any(session, actor, list(assignments), today):
        raise PermissionDenied(
            f"บัญชี {actor.login} ไม่ได้ดำรงตำแหน่งที่รับผิดชอบข้อสั่งการนี้ จึงไม่มีสิทธิ์{action_th}",
            f"User {actor.login} does not hold a post assigned to this directive",
        )


# --- Integrated plan M&E (issue #15 item 4) -------------------------------------------------------
# The secretariat (admin, secretary) keeps the plan: projects, indicators, targets, allocations.
# Officers enter the quarterly actuals and disbursements of projects whose owner post they hold
# today (the post itself: a project has one owner post, not a unit); viewers read.
EDIT_PLAN = frozenset({UserRole.ADMIN, UserRole.SECRETARY})
ENTER_PLAN_ACTUALS = REPORT_PROGRESS


def holds_post(session: Session, actor: Actor, position_id: int, today: date) -> bool:
    if actor.role in ISSUER_SIDE:
        return True
    if actor.role is not UserRole.OFFICER:
        return False
    return position_id in held_posts(session, actor.user_id, today)[0]


def require_post_holder(session: Session, actor: Actor, position_id: int, today: date, action_th: str) -> None:
    """Secretary/admin always; an officer only for a project owned by a post they hold."""
    require(actor, ENTER_PLAN_ACTUALS, action_th)
    if not holds_post(session, actor, position_id, today):
        raise PermissionDenied(
            f"บัญชี {actor.login} ไม่ได้ดำรงตำแหน่งเจ้าของโครงการนี้ จึงไม่มีสิทธิ์{action_th}",
            f"User {actor.login} does not hold the post that owns this project",
        )
