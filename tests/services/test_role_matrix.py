"""The role matrix: 4 roles x 6 kinds of record x create/read/update/delete, on SQLite and
PostgreSQL, through the services, against one explicit table of what each role may do.

Cells: A = allowed (the call succeeds), D = PermissionDenied, - = no service offers this at
all (official records are never deleted: a meeting, its minutes and progress reports stay; a
directive is cancelled instead, which is its "delete"; an account is deactivated). A "-" cell
is checked too: the service module must still have no delete function for it, so adding one
forces a decision here. Officers act only for posts they hold: their progress cells are done
on their own post, and a separate cell checks another post is refused.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import date

import pytest

from sbpac_desktop.domain.enums import AssignmentRole, DirectiveState, MeetingStatus, PositionKind, UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.meetings import agenda, documents, meetings
from sbpac_desktop.services.meetings import series as series_service
from sbpac_desktop.services.people import org
from tests.services.helpers import meeting, person, post, series

PASSWORD = "รหัสผ่านยาวพอ-1"
TODAY = date(2019, 11, 2)
ROLES = ("admin", "secretary", "officer", "viewer")
ENTITIES = ("meeting", "agenda_item", "minutes", "progress_report", "directive", "meeting_series", "user")
OPS = ("create", "read", "update", "delete")

# One row per entity; per op, the four letters are admin, secretary, officer, viewer.
EXPECTED: dict[str, dict[str, str]] = {
    "meeting":         {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "----"},
    "agenda_item":     {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "minutes":         {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "----"},
    "directive":       {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "progress_report": {"create": "AAAD", "read": "AAAA", "update": "AAAD", "delete": "----"},
    "meeting_series":  {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "user":            {"create": "ADDD", "read": "ADDD", "update": "ADDD", "delete": "ADDD"},
}  # fmt: skip
NO_DELETE_SERVICE = {"meeting": meetings, "minutes": meetings, "progress_report": progress}
_counter = itertools.count(1)


@dataclass
class World:
    ctx: AppContext
    actors: dict[str, Actor]
    series_id: int
    meeting_id: int
    minutes_meeting_id: int
    item_id: int
    directive_id: int
    own_assignment: int
    other_assignment: int
    report_id: int
    own_post: int


def _world(ctx: AppContext) -> World:
    admin = auth.create_first_admin(ctx.db, "admin1", "ผู้ดูแล", PASSWORD)
    staff = AppContext(ctx.db, admin)
    own_post = post(staff)
    other_post = org.create_position(
        ctx.db, admin, org.PositionInput("ผู้อำนวยการสำนักนโยบาย", PositionKind.DIRECTOR, "ผอ.สนย.")
    ).id
    holder = person(staff)
    org.assign_incumbency(ctx.db, admin, org.IncumbencyInput(holder, own_post, date(2019, 10, 1)))
    actors = {"admin": admin}
    for role in ROLES[1:]:
        data = users.UserInput(f"{role}1", role, role, PASSWORD, holder if role == "officer" else None)
        users.create_user(ctx.db, admin, data)
        actors[role] = auth.sign_in(ctx.db, f"{role}1", PASSWORD)
    sid = series(staff)
    mid = meeting(staff, sid, date(2019, 10, 22)).id
    minutes_mid = meeting(staff, sid, date(2019, 10, 29)).id
    meetings.set_status(ctx.db, admin, minutes_mid, MeetingStatus.HELD)
    item = agenda.add_item(ctx.db, admin, mid, agenda.AgendaItemInput(4, "เรื่องเพื่อพิจารณา"))
    detail = directives.create_directive(ctx.db, admin, _directive_input(own_post, other_post), today=TODAY)
    by_post = {a.position_id: a.id for a in detail.assignments}
    report = progress.add_progress(ctx.db, admin, _report(by_post[own_post]), today=TODAY).reports[0]
    return World(
        ctx, actors, sid, mid, minutes_mid, item.id, detail.row.id, by_post[own_post], by_post[other_post],
        report.id, own_post,
    )  # fmt: skip


def _directive_input(lead: int, support: int) -> directives.DirectiveInput:
    return directives.DirectiveInput(
        "ให้จัดทำแผนการปฏิบัติงาน",
        date(2019, 10, 22),
        (
            directives.AssignmentInput(position_id=lead),
            directives.AssignmentInput(position_id=support, role=AssignmentRole.SUPPORT),
        ),
        due_on=date(2019, 12, 31),
    )


def _report(assignment_id: int, percent: int = 30) -> progress.ProgressInput:
    return progress.ProgressInput(assignment_id, date(2019, 11, 1), percent, "ดำเนินการแล้วบางส่วน")


def _meeting_input(w: World, on: date) -> meetings.MeetingInput:
    return meetings.MeetingInput(w.series_id, "ประชุมผู้บริหาร", on, "ห้องประชุมเจริญจิตต์")


def _meeting_op(w: World, actor: Actor, op: str) -> None:
    db = w.ctx.db
    if op == "create":
        meetings.create_meeting(db, actor, _meeting_input(w, date(2019, 12, 3)))
    elif op == "read":
        meetings.get_meeting(db, actor, w.meeting_id)
    else:
        version = meetings.get_meeting(db, w.actors["admin"], w.meeting_id).version
        data = replace(_meeting_input(w, date(2019, 10, 22)), venue="ห้องประชุมใหม่")
        meetings.update_meeting(db, actor, w.meeting_id, version, data)


def _agenda_op(w: World, actor: Actor, op: str) -> None:
    db = w.ctx.db
    if op == "create":
        agenda.add_item(db, actor, w.meeting_id, agenda.AgendaItemInput(4, "เรื่องใหม่"))
    elif op == "read":
        agenda.list_items(db, actor, w.meeting_id)
    elif op == "update":
        items = agenda.list_items(db, w.actors["admin"], w.meeting_id)
        version = next(i.version for i in items if i.id == w.item_id)
        agenda.update_item(db, actor, w.item_id, version, agenda.AgendaItemInput(4, "เรื่องที่แก้ไข"))
    else:
        agenda.delete_item(db, actor, w.item_id)


def _minutes_op(w: World, actor: Actor, op: str) -> None:
    db, mid = w.ctx.db, w.minutes_meeting_id
    if op == "create":
        meetings.set_status(db, actor, mid, MeetingStatus.MINUTES_DRAFTED)
    elif op == "read":
        documents.minutes_document(db, actor, mid, TODAY)
    else:  # draft -> checked -> certified
        meetings.set_status(db, w.actors["admin"], mid, MeetingStatus.MINUTES_DRAFTED)
        meetings.set_status(db, actor, mid, MeetingStatus.MINUTES_CHECKED)
        meetings.set_status(db, actor, mid, MeetingStatus.MINUTES_CERTIFIED)


def _directive_op(w: World, actor: Actor, op: str) -> None:
    db = w.ctx.db
    if op == "create":
        directives.create_directive(db, actor, _directive_input_single(w), today=TODAY)
    elif op == "read":
        directives.get_directive(db, actor, w.directive_id, TODAY)
    elif op == "update":
        current = directives.get_directive(db, w.actors["admin"], w.directive_id, TODAY)
        data = replace(_directive_input_single(w), text="ให้จัดทำแผนการปฏิบัติงานและรายงานผล")
        directives.update_directive(db, actor, w.directive_id, current.row.version, data, TODAY)
    else:
        directives.set_state(db, actor, w.directive_id, DirectiveState.CANCELLED, today=TODAY)


def _progress_op(w: World, actor: Actor, op: str) -> None:
    db = w.ctx.db
    if op == "create":
        progress.add_progress(db, actor, _report(w.own_assignment, 50), today=TODAY)
    elif op == "read":
        assert directives.get_directive(db, actor, w.directive_id, TODAY).reports
    else:
        report = directives.get_directive(db, w.actors["admin"], w.directive_id, TODAY).reports[0]
        progress.update_progress(db, actor, w.report_id, report.version, _report(w.own_assignment, 60), TODAY)


def _series_op(w: World, actor: Actor, op: str) -> None:
    """A series is deactivated, never deleted (its meetings stay): that is its "delete"."""
    db = w.ctx.db
    if op == "create":
        series_service.create_series(db, actor, series_service.SeriesInput(f"ชุดการประชุม {next(_counter)}"))
    elif op == "read":
        series_service.get_series(db, actor, w.series_id)
    elif op == "update":
        current = series_service.get_series(db, w.actors["admin"], w.series_id)
        data = replace(current.to_input(), default_venue="ห้องประชุมใหม่")
        series_service.update_series(db, actor, w.series_id, current.version, data)
    else:
        series_service.set_series_active(db, actor, w.series_id, None, False)


def _user_op(w: World, actor: Actor, op: str) -> None:
    db = w.ctx.db
    if op == "create":
        users.create_user(db, actor, users.UserInput(f"new{next(_counter)}", "ใหม่", "viewer", PASSWORD))
    elif op == "read":
        users.list_users(db, actor)
    elif op == "update":
        users.change_role(db, actor, "viewer1", "officer")
    else:
        users.deactivate(db, actor, "viewer1")


OPERATIONS = {
    "meeting": _meeting_op,
    "agenda_item": _agenda_op,
    "minutes": _minutes_op,
    "directive": _directive_op,
    "progress_report": _progress_op,
    "meeting_series": _series_op,
    "user": _user_op,
}


def _directive_input_single(w: World) -> directives.DirectiveInput:
    return directives.DirectiveInput(
        "ให้จัดทำแผนการปฏิบัติงาน",
        date(2019, 10, 22),
        (directives.AssignmentInput(position_id=w.own_post),),
        due_on=date(2019, 12, 31),
    )


def _outcome(w: World, role: str, entity: str, op: str) -> str:
    if EXPECTED[entity][op][ROLES.index(role)] == "-":
        module = NO_DELETE_SERVICE[entity]
        offered = [name for name in dir(module) if name.startswith(("delete", "remove"))]
        return "-" if not offered else f"offered: {offered}"
    try:
        OPERATIONS[entity](w, w.actors[role], op)
    except PermissionDenied:
        return "D"
    return "A"


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(ctx, role):
    """One world per role; entities run in ENTITIES order, which keeps each cell independent
    (progress before the directive is cancelled, accounts last)."""
    world = _world(ctx)
    got = {entity: "".join(_outcome(world, role, entity, op) for op in OPS) for entity in ENTITIES}
    wanted = {entity: "".join(EXPECTED[entity][op][ROLES.index(role)] for op in OPS) for entity in ENTITIES}
    assert got == wanted, f"{role}: create/read/update/delete per entity"


def test_officer_may_not_report_on_a_post_they_do_not_hold(ctx):
    world = _world(ctx)
    officer = world.actors["officer"]
    with pytest.raises(PermissionDenied, match="ไม่ได้ดำรงตำแหน่ง"):
        progress.add_progress(ctx.db, officer, _report(world.other_assignment), today=TODAY)
    assert world.actors["officer"].role is UserRole.OFFICER


def test_matrix_table_is_complete():
    assert set(EXPECTED) == set(ENTITIES)
    for entity, row in EXPECTED.items():
        assert set(row) == set(OPS), entity
        assert all(len(cells) == len(ROLES) and set(cells) <= {"A", "D", "-"} for cells in row.values()), entity
    cells = len(ROLES) * len(ENTITIES) * len(OPS)
    print(f"\nrole matrix: {cells} cells per back end (SQLite, PostgreSQL) = {2 * cells} service checks")
