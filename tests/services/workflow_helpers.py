"""Builders for the directive-workflow tests: an officer who holds a post, a directive on it.

Users and terms are written as rows (the user and people services belong to other work);
everything under test goes through the services."""

from __future__ import annotations

from datetime import date

from sbpac_desktop.domain.enums import OrgUnitKind, PositionKind, UserRole
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import AssignmentInput, DirectiveInput
from sbpac_desktop.services.people import org
from sbpac_desktop.store.models import Incumbency, User
from tests.services.helpers import person

ISSUED = date(2019, 10, 22)
DUE = date(2020, 1, 31)
AS_OF = date(2020, 1, 20)


def post(ctx, unit_name: str = "กระทรวงพาณิชย์", code: str = "ผช.(พณ.)") -> int:
    """A post in its own unit (short names are unique, so the code doubles as one)."""
    unit = org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput(unit_name, OrgUnitKind.MINISTRY, code))
    return org.create_position(
        ctx.db, ctx.actor, org.PositionInput("ผู้ช่วยเลขาธิการ ศอ.บต.", PositionKind.ASSISTANT, code, unit.id)
    ).id


def user(ctx, login: str, role: UserRole, person_id: int | None = None) -> Actor:
    with ctx.db.unit_of_work() as session:
        row = User(login=login, display_name=f"ผู้ใช้ {login}", role=role.value, person_id=person_id)
        session.add(row)
        session.flush()
        return Actor(row.id, login, role, row.display_name)


def hold(ctx, person_id: int, position_id: int, start: date = date(2019, 1, 1), end: date | None = None) -> None:
    with ctx.db.unit_of_work() as session:
        session.add(Incumbency(person_id=person_id, position_id=position_id, start_on=start, end_on=end))


def directive(ctx, position_id: int | None = None, org_unit_id: int | None = None, due: date | None = DUE):
    assignment = AssignmentInput(position_id=position_id, org_unit_id=org_unit_id)
    return directives.create_directive(
        ctx.db,
        ctx.actor,
        DirectiveInput("ให้เร่งรัดการเบิกจ่ายงบประมาณ", ISSUED, (assignment,), due_on=due),
        today=AS_OF,
    )


def officer_with_post(ctx, login: str = "somchai", unit: str = "กระทรวงพาณิชย์", code: str = "ผช.(พณ.)"):
    """(officer actor, the post they hold, a secretary actor)."""
    position_id = post(ctx, unit, code)
    officer_person = person(ctx, "สมชาย", login)
    hold(ctx, officer_person, position_id)
    officer = user(ctx, login, UserRole.OFFICER, officer_person)
    secretary = user(ctx, f"sec_{login}", UserRole.SECRETARY)
    return officer, position_id, secretary
