"""The server enforces the roles: each account's own database login, used directly with psycopg
(bypassing the app), can do no more than the app allows; and the app runs as those logins."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import psycopg
import pytest
from psycopg.errors import InsufficientPrivilege
from sqlalchemy.engine import make_url

from sbpac_desktop.domain.enums import AssignmentRole, MeetingStatus, PositionKind
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.directives import directives, progress
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from sbpac_desktop.store import pg_roles
from tests.services.helpers import meeting, person, post, series

pytestmark = pytest.mark.pg

PASSWORD = "รหัสผ่านยาวพอ-1"
_ids = itertools.count(1)


@dataclass
class Office:
    url: str
    admin: str
    secretary: str
    officer: str
    viewer: str
    own_assignment: int
    other_assignment: int
    directive_id: int
    meeting_id: int


def conninfo(url: str, login: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if login:
        parsed = parsed.set(username=login, password=None)
    return parsed.render_as_string(hide_password=False)


def login_url(url: str, login: str) -> str:
    return make_url(url).set(username=login, password=None).render_as_string(hide_password=False)


@contextmanager
def connected(url: str, login: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(conninfo(url, login), autocommit=True) as conn:
        yield conn


@pytest.fixture
def office(pg_url: str) -> Iterator[Office]:
    tag = f"{os.getpid()}x{next(_ids)}"
    ctx = open_app(pg_url)
    assert users.install_server_roles(ctx.db)
    admin = auth.create_first_admin(ctx.db, f"adm{tag}", "ผู้ดูแล", PASSWORD)
    staff = AppContext(ctx.db, admin)
    own_post = post(staff)
    other_post = org.create_position(
        ctx.db, admin, org.PositionInput("ผู้อำนวยการสำนักนโยบาย", PositionKind.DIRECTOR, "ผอ.สนย.")
    ).id
    holder = person(staff)
    org.assign_incumbency(ctx.db, admin, org.IncumbencyInput(holder, own_post, date(2019, 10, 1)))
    logins = {}
    for role in ("secretary", "officer", "viewer"):
        person_id = holder if role == "officer" else None
        view = users.create_user(ctx.db, admin, users.UserInput(f"{role[:3]}{tag}", role, role, PASSWORD, person_id))
        logins[role] = view.login
    mid = meeting(staff, series(staff), date(2019, 10, 22)).id
    detail = directives.create_directive(
        ctx.db,
        admin,
        directives.DirectiveInput(
            "ให้จัดทำแผนการปฏิบัติงาน",
            date(2019, 10, 22),
            (
                directives.AssignmentInput(position_id=own_post),
                directives.AssignmentInput(position_id=other_post, role=AssignmentRole.SUPPORT),
            ),
            due_on=date(2019, 12, 31),
        ),
    )
    by_post = {a.position_id: a.id for a in detail.assignments}
    ctx.close()
    yield Office(pg_url, admin.login, **logins, own_assignment=by_post[own_post],
                 other_assignment=by_post[other_post], directive_id=detail.row.id, meeting_id=mid)  # fmt: skip
    with psycopg.connect(conninfo(pg_url), autocommit=True) as conn:
        for login in (admin.login, *logins.values()):
            conn.execute(psycopg.sql.SQL("DROP OWNED BY {0}; DROP ROLE {0}").format(psycopg.sql.Identifier(login)))


def refused(conn: psycopg.Connection, statement: str, *params: object) -> bool:
    try:
        conn.execute(statement, params or None)
    except InsufficientPrivilege:
        return True
    return False


REPORT_INSERT = (
    "INSERT INTO progress_report (assignment_id, report_date, percent, result, version, created_at, updated_at)"
    " VALUES (%s, '2019-11-01', 40, 'ดำเนินการแล้ว', 1, now(), now())"
)
USER_INSERT = (
    "INSERT INTO app_user (login, display_name, role, failed_logins, locked, is_system, version, created_at,"
    " updated_at) VALUES ('x', 'x', 'admin', 0, false, false, 1, now(), now())"
)
WRITES = [
    "INSERT INTO meeting_series (name, version, created_at, updated_at) VALUES ('x', 1, now(), now())",
    "UPDATE meeting SET venue = 'ที่อื่น'",
    "DELETE FROM agenda_item",
    "UPDATE directive SET text = 'แก้ไขตรง ๆ'",
    "DELETE FROM directive",
    "DELETE FROM progress_report",
    "UPDATE person SET first_name = 'x'",
]


def test_viewer_reads_everything_but_writes_nothing(office):
    with connected(office.url, office.viewer) as conn:
        assert conn.execute("SELECT count(*) FROM directive").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM app_user WHERE NOT is_system").fetchone() == (4,)
        cells = [refused(conn, sql) for sql in WRITES]
        cells.append(refused(conn, REPORT_INSERT, office.own_assignment))
    assert all(cells), cells


def _report(conn: psycopg.Connection, assignment_id: int) -> None:
    conn.execute(REPORT_INSERT, (assignment_id,))


def test_officer_reports_on_own_post_only_and_cannot_change_directives(office):
    with connected(office.url, office.officer) as conn:
        _report(conn, office.own_assignment)
        with pytest.raises(InsufficientPrivilege, match="row-level security"):
            _report(conn, office.other_assignment)
        assert refused(conn, "UPDATE directive SET text = 'แก้ไขตรง ๆ'")
        assert refused(conn, "UPDATE directive SET due_on = '2030-01-01'")
        assert refused(conn, "INSERT INTO meeting_series (name, version, created_at, updated_at) "
                             "VALUES ('x', 1, now(), now())")  # fmt: skip
        # an existing report of someone else's post cannot be moved or rewritten either
        updated = conn.execute(
            "UPDATE progress_report SET percent = 99 WHERE assignment_id = %s", (office.other_assignment,)
        )
        assert updated.rowcount == 0
        assert refused(conn, "DELETE FROM progress_report")
    with connected(office.url, office.admin) as conn:
        rows = conn.execute("SELECT assignment_id, percent FROM progress_report").fetchall()
    assert rows == [(office.own_assignment, 40)]


def test_secretary_cannot_touch_accounts_and_only_admins_read_hashes(office):
    with connected(office.url, office.secretary) as conn:
        conn.execute(
            "INSERT INTO meeting_series (name, agenda_template, version, created_at, updated_at)"
            " VALUES ('ชุดใหม่', 'standard5', 1, now(), now())"
        )
        assert refused(conn, "UPDATE app_user SET role = 'admin' WHERE login = %s", office.secretary)
        assert refused(conn, USER_INSERT)
        assert refused(conn, "DELETE FROM app_user")
        assert refused(conn, "SELECT password_hash FROM app_user")
        assert conn.execute("SELECT sbpac_own_password_hash()").fetchone()[0].startswith("$argon2id$")
    for login in (office.officer, office.viewer):
        with connected(office.url, login) as conn:
            assert refused(conn, "SELECT * FROM app_user")
    with connected(office.url, office.admin) as conn:
        hashes = conn.execute("SELECT password_hash FROM app_user WHERE NOT is_system").fetchall()
    assert len(hashes) == 4


def test_audit_trail_is_append_only_for_every_role(office):
    for login in (office.admin, office.secretary, office.officer, office.viewer):
        with connected(office.url, login) as conn:
            assert refused(conn, "UPDATE audit_entry SET action = 'x'"), login
            assert refused(conn, "DELETE FROM audit_entry"), login
            assert refused(conn, "TRUNCATE audit_entry"), login


def test_runtime_logins_are_neither_superuser_nor_owner(office):
    with connected(office.url, office.admin) as conn:
        superuser, createrole = conn.execute(
            "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        owner = conn.execute("SELECT tableowner FROM pg_tables WHERE tablename = 'directive'").fetchone()[0]
    assert not superuser and not createrole and owner != office.admin


def _app(office: Office, login: str, password: str = PASSWORD) -> AppContext:
    return open_app(login_url(office.url, login), environ={"SBPAC_USER": login, "SBPAC_PASSWORD": password})


def test_the_app_works_end_to_end_on_non_owner_logins(office):
    secretary = _app(office, office.secretary)
    try:
        sid = meetings.create_series(secretary.db, secretary.actor, "การประชุมติดตามงาน").id
        held = meeting(secretary, sid, date(2019, 11, 5))
        meetings.set_status(secretary.db, secretary.actor, held.id, MeetingStatus.HELD)
        with pytest.raises(PermissionDenied):
            users.list_users(secretary.db, secretary.actor)
    finally:
        secretary.close()
    officer = _app(office, office.officer)
    try:
        data = progress.ProgressInput(office.own_assignment, date(2019, 11, 1), 50, "ดำเนินการแล้วครึ่งหนึ่ง")
        detail = progress.add_progress(officer.db, officer.actor, data, today=date(2019, 11, 2))
        assert detail.reports[0].percent == 50
        other = progress.ProgressInput(office.other_assignment, date(2019, 11, 1), 10, "รายงานแทนผู้อื่น")
        with pytest.raises(PermissionDenied):
            progress.add_progress(officer.db, officer.actor, other, today=date(2019, 11, 2))
    finally:
        officer.close()
    viewer = _app(office, office.viewer)
    try:
        assert [d.id for d in directives.list_directives(viewer.db, viewer.actor)] == [office.directive_id]
        with pytest.raises(PermissionDenied):
            meetings.create_series(viewer.db, viewer.actor, "ไม่ควรได้")
    finally:
        viewer.close()


def test_sign_in_on_a_restricted_login_counts_failures_and_locks(office):
    viewer_url = login_url(office.url, office.viewer)
    ctx = open_app(viewer_url, environ={"SBPAC_USER": office.viewer, "SBPAC_PASSWORD": PASSWORD})
    db = ctx.db
    with pytest.raises(auth.SignInFailed, match="ลงชื่อเข้าใช้ได้เฉพาะบัญชีนี้"):
        auth.sign_in(db, office.secretary, PASSWORD)  # not the connected login
    for _ in range(auth.MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(auth.SignInFailed):
            auth.sign_in(db, office.viewer, "wrong-password")
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(db, office.viewer, "wrong-password")
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(db, office.viewer, PASSWORD)
    ctx.close()
    with connected(office.url, office.admin) as conn:
        failed, locked = conn.execute(
            "SELECT failed_logins, locked FROM app_user WHERE login = %s", (office.viewer,)
        ).fetchone()
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_entry ORDER BY id").fetchall()]
    assert (failed, locked) == (auth.MAX_FAILED_SIGN_INS, True)
    assert actions.count("sign_in_failed") == auth.MAX_FAILED_SIGN_INS and "lock" in actions


def test_account_changes_are_mirrored_on_the_login_roles(office):
    admin = _app(office, office.admin)
    try:
        users.change_role(admin.db, admin.actor, office.viewer, "secretary")
        users.deactivate(admin.db, admin.actor, office.officer)
    finally:
        admin.close()
    with psycopg.connect(conninfo(office.url), autocommit=True) as conn:
        groups = conn.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
            (office.viewer,),
        ).fetchall()
        can_login = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (office.officer,)).fetchone()
        verifier = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (office.viewer,)).fetchone()[0]
    assert groups == [("sbpac_secretaries",)]
    assert can_login == (False,)
    assert verifier.startswith("SCRAM-SHA-256$4096:") and PASSWORD not in verifier


def test_scram_verifier_matches_the_servers_own(pg_url):
    with psycopg.connect(conninfo(pg_url), autocommit=True) as conn:
        conn.execute("SET password_encryption = 'scram-sha-256'")
        conn.execute("DROP ROLE IF EXISTS sbpac_scram_probe")
        conn.execute(f"CREATE ROLE sbpac_scram_probe PASSWORD '{PASSWORD}'")
        server = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = 'sbpac_scram_probe'").fetchone()[0]
        conn.execute("DROP ROLE sbpac_scram_probe")
    import base64

    salt = base64.b64decode(server.split("$")[1].split(":")[1])
    assert pg_roles.scram_verifier(PASSWORD, salt) == server


# --- the role matrix straight through each role's database login ---------------------------------
# Same shape as tests/services/test_role_matrix.py; letters are admin, secretary, officer, viewer.
# At this level "delete" is the SQL DELETE the grants allow (the app offers fewer deletes), minutes
# are the status and resolution columns, and reading accounts means reading password hashes.
DB_EXPECTED = {
    "meeting":         {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "agenda_item":     {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "minutes":         {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "directive":       {"create": "AADD", "read": "AAAA", "update": "AADD", "delete": "AADD"},
    "progress_report": {"create": "AAAD", "read": "AAAA", "update": "AAAD", "delete": "AADD"},
    "user":            {"create": "ADDD", "read": "ADDD", "update": "ADDD", "delete": "ADDD"},
}  # fmt: skip
# (statement, must touch a row): privilege is checked when a statement is planned, so "WHERE false"
# tests the grant without tripping constraints; row-level security needs real rows.
DB_STATEMENTS = {
    "meeting": {
        "create": ("INSERT INTO meeting SELECT * FROM meeting WHERE false", False),
        "read": ("SELECT count(*) FROM meeting", False),
        "update": ("UPDATE meeting SET venue = venue WHERE id = {meeting}", True),
        "delete": ("DELETE FROM meeting WHERE false", False),
    },
    "agenda_item": {
        "create": ("INSERT INTO agenda_item SELECT * FROM agenda_item WHERE false", False),
        "read": ("SELECT count(*) FROM agenda_item", False),
        "update": ("UPDATE agenda_item SET title = title WHERE false", False),
        "delete": ("DELETE FROM agenda_item WHERE false", False),
    },
    "minutes": {
        "create": ("UPDATE meeting SET status = 'minutes_drafted' WHERE id = {meeting}", True),
        "read": ("SELECT status FROM meeting", False),
        "update": ("UPDATE meeting SET status = 'minutes_certified' WHERE id = {meeting}", True),
        "delete": ("UPDATE agenda_item SET resolution = NULL, discussion = NULL WHERE false", False),
    },
    "directive": {
        "create": ("INSERT INTO directive SELECT * FROM directive WHERE false", False),
        "read": ("SELECT count(*) FROM directive", False),
        "update": ("UPDATE directive SET text = text WHERE id = {directive}", True),
        "delete": ("DELETE FROM directive WHERE false", False),
    },
    "progress_report": {
        "create": (REPORT_INSERT.replace("%s", "{own}"), True),
        "read": ("SELECT count(*) FROM progress_report", False),
        "update": ("UPDATE progress_report SET percent = 45 WHERE assignment_id = {own}", True),
        "delete": ("DELETE FROM progress_report WHERE false", False),
    },
    "user": {
        "create": ("INSERT INTO app_user SELECT * FROM app_user WHERE false", False),
        "read": ("SELECT password_hash FROM app_user", False),
        "update": ("UPDATE app_user SET display_name = display_name WHERE false", False),
        "delete": ("DELETE FROM app_user WHERE false", False),
    },
}


def _db_cell(conn: psycopg.Connection, statement: str, must_touch: bool) -> str:
    try:
        with conn.transaction(force_rollback=True):
            cursor = conn.execute(statement)
            if must_touch and cursor.rowcount == 0:
                return "D"  # row-level security hid every row
    except InsufficientPrivilege:
        return "D"
    return "A"


@pytest.mark.parametrize("role", ("admin", "secretary", "officer", "viewer"))
def test_role_matrix_through_database_logins(office, role):
    with connected(office.url, office.admin) as conn:
        _report(conn, office.own_assignment)  # a report for the officer's post, to update
    ids = {"meeting": office.meeting_id, "directive": office.directive_id, "own": office.own_assignment}
    column = ("admin", "secretary", "officer", "viewer").index(role)
    with psycopg.connect(conninfo(office.url, getattr(office, role))) as conn:
        got = {
            entity: "".join(_db_cell(conn, sql.format(**ids), touch) for sql, touch in ops.values())
            for entity, ops in DB_STATEMENTS.items()
        }
    wanted = {entity: "".join(row[op][column] for op in row) for entity, row in DB_EXPECTED.items()}
    assert got == wanted


def test_officer_marks_only_their_own_directives_blocked(office):
    from sbpac_desktop.services.directives import blocking

    admin = _app(office, office.admin)
    try:
        other_post = next(a.position_id for a in directives.get_directive(
            admin.db, admin.actor, office.directive_id).assignments if a.id == office.other_assignment)  # fmt: skip
        theirs = directives.create_directive(
            admin.db,
            admin.actor,
            directives.DirectiveInput(
                "ให้ประสานงานกับจังหวัด",
                date(2019, 10, 22),
                (directives.AssignmentInput(position_id=other_post),),
                due_on=date(2019, 12, 31),
            ),
        ).row.id
    finally:
        admin.close()
    officer = _app(office, office.officer)
    try:
        detail = blocking.block(officer.db, officer.actor, office.directive_id, "รองบประมาณ", today=date(2019, 11, 2))
        assert detail.row.id == office.directive_id
    finally:
        officer.close()
    with connected(office.url, office.officer) as conn:
        touched = conn.execute("UPDATE directive SET blocked_reason = 'แทรกตรง ๆ' WHERE id = %s", (theirs,))
        assert touched.rowcount == 0  # row-level security: not a directive of a post they hold
        assert refused(conn, "UPDATE directive SET due_on = '2030-01-01' WHERE id = %s", office.directive_id)
