"""PostgreSQL: the database itself enforces the app's roles (grants and row-level security).

`install` (run by `sbpac-desktop init` as the owner of the tables, with CREATEROLE) creates four
NOLOGIN group roles and grants each what its app role may do:

    sbpac_admins       everything except changing or deleting audit entries
    sbpac_secretaries  everything except app_user (read without password hashes) and audit changes
    sbpac_officers     read; insert/update progress_report only for assignments of posts they hold
                       (row-level security: current_user -> app_user.login -> person -> incumbency)
    sbpac_viewers      read only (no password hashes)

Every group may append audit entries, never UPDATE or DELETE them. Each account then gets a
LOGIN role of the same name in its group (services/users.py calls create_login & co. in the
same transaction), with the password stored as a SCRAM-SHA-256 verifier computed here, so the
clear password never reaches the server's statement log. Sign-in bookkeeping on a connection
that cannot read password hashes goes through two SECURITY DEFINER functions that touch only
the row of the connected login (own hash, own failure counter).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from psycopg import sql
from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import DatabaseError

GROUPS = {
    "admin": "sbpac_admins",
    "secretary": "sbpac_secretaries",
    "officer": "sbpac_officers",
    "viewer": "sbpac_viewers",
}
STAFF = ("sbpac_admins", "sbpac_secretaries")
MAX_FAILED = 5  # services/auth.py MAX_FAILED_SIGN_INS; repeated here so the server enforces it
SCRAM_ITERATIONS = 4096
USER_COLUMNS = (
    "id, login, display_name, role, person_id, failed_logins, locked, is_system, version, created_at, updated_at"
)

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION sbpac_holds_assignment(target integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM assignment a
    JOIN incumbency i ON i.position_id = a.position_id
    JOIN app_user u ON u.person_id = i.person_id
    WHERE a.id = target AND u.login = current_user AND NOT u.locked
      AND i.start_on <= current_date AND (i.end_on IS NULL OR i.end_on >= current_date))
$$;
CREATE OR REPLACE FUNCTION sbpac_own_password_hash() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT password_hash FROM app_user WHERE login = session_user AND NOT is_system
$$;
CREATE OR REPLACE FUNCTION sbpac_own_sign_in(ok boolean) RETURNS TABLE(failed integer, is_locked boolean)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  UPDATE app_user SET
    failed_logins = CASE WHEN ok THEN 0 ELSE failed_logins + 1 END,
    locked = NOT ok AND failed_logins + 1 >= {MAX_FAILED},
    version = version + 1, updated_at = now()
  WHERE login = session_user AND NOT is_system AND NOT locked
  RETURNING failed_logins, locked
$$;
"""


def _create_groups(connection: Connection) -> None:
    existing = set(connection.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'sbpac\\_%'")).scalars())
    missing = [g for g in GROUPS.values() if g not in existing]
    if not missing:
        return
    can_create = connection.execute(
        text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not can_create:
        raise DatabaseError(
            "บัญชีที่ใช้รัน init สร้างบทบาทในฐานข้อมูลไม่ได้ (ต้องมีสิทธิ์ CREATEROLE) — โปรดให้ผู้ดูแลเซิร์ฟเวอร์สร้าง: " + ", ".join(missing),
            "The init account lacks CREATEROLE; ask the server administrator to create: " + ", ".join(missing),
        )
    for group in missing:
        connection.execute(text(f"CREATE ROLE {group} NOLOGIN"))


def install(connection: Connection) -> None:
    """Groups, grants, policies and functions; safe to run again (init after every upgrade)."""
    _create_groups(connection)
    everyone = ", ".join(GROUPS.values())
    staff = ", ".join(STAFF)
    database = connection.execute(text("SELECT current_database()")).scalar()
    statements = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {everyone}',
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {staff}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}",
        # audit trail: append-only for everyone but the owner
        f"REVOKE UPDATE, DELETE ON audit_entry, alembic_version FROM {staff}",
        "REVOKE INSERT ON alembic_version FROM sbpac_secretaries, sbpac_admins",
        f"GRANT INSERT ON audit_entry TO {everyone}",
        # accounts: only administrators write them or read password hashes
        "REVOKE ALL ON app_user FROM sbpac_secretaries, sbpac_officers, sbpac_viewers",
        f"GRANT SELECT ({USER_COLUMNS}) ON app_user TO sbpac_secretaries, sbpac_officers, sbpac_viewers",
        "GRANT INSERT, UPDATE ON progress_report TO sbpac_officers",
        "ALTER TABLE progress_report ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS everyone_reads ON progress_report",
        "CREATE POLICY everyone_reads ON progress_report FOR SELECT USING (true)",
        "DROP POLICY IF EXISTS staff_writes ON progress_report",
        f"CREATE POLICY staff_writes ON progress_report TO {staff} USING (true) WITH CHECK (true)",
        "DROP POLICY IF EXISTS officer_inserts_own ON progress_report",
        "CREATE POLICY officer_inserts_own ON progress_report FOR INSERT TO sbpac_officers "
        "WITH CHECK (sbpac_holds_assignment(assignment_id))",
        "DROP POLICY IF EXISTS officer_updates_own ON progress_report",
        "CREATE POLICY officer_updates_own ON progress_report FOR UPDATE TO sbpac_officers "
        "USING (sbpac_holds_assignment(assignment_id)) WITH CHECK (sbpac_holds_assignment(assignment_id))",
    ]
    for statement in statements:
        connection.execute(text(statement))
    connection.exec_driver_sql(_FUNCTIONS)
    for function in ("sbpac_holds_assignment(integer)", "sbpac_own_password_hash()", "sbpac_own_sign_in(boolean)"):
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))


def enforced(session: Session) -> bool:
    """True on a PostgreSQL database where `install` ran (the roles are per database)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    query = text("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('progress_report')")
    return bool(session.execute(query).scalar())


def hash_hidden(session: Session) -> bool:
    """This connection may not read password hashes (a non-administrator's login role)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    query = text("SELECT has_column_privilege('app_user', 'password_hash', 'SELECT')")
    return not session.execute(query).scalar()


def session_login(session: Session) -> str:
    return str(session.execute(text("SELECT session_user")).scalar())


def own_password_hash(session: Session) -> str | None:
    return session.execute(text("SELECT sbpac_own_password_hash()")).scalar()


def own_sign_in(session: Session, ok: bool) -> None:
    session.execute(text("SELECT * FROM sbpac_own_sign_in(:ok)"), {"ok": ok})


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """RFC 5802/7677 SCRAM-SHA-256 verifier in PostgreSQL's stored form."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _execute(session: Session, statement: sql.Composable) -> None:
    raw = session.connection().connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        cursor.execute(statement)


def _need_createrole(session: Session) -> None:
    query = text("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
    if not session.execute(query).scalar():
        raise DatabaseError(
            "บัญชีฐานข้อมูลที่ใช้อยู่จัดการบทบาทผู้ใช้บนเซิร์ฟเวอร์ไม่ได้ (ต้องมีสิทธิ์ CREATEROLE) — โปรดแจ้งผู้ดูแลเซิร์ฟเวอร์",
            "This database login cannot manage server roles (needs CREATEROLE)",
        )


def create_login(session: Session, login: str, role: str, password: str) -> None:
    if not enforced(session):
        return
    _need_createrole(session)
    exists = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar()
    verb = "ALTER" if exists else "CREATE"
    _execute(
        session,
        sql.SQL(verb + " ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {}").format(
            sql.Identifier(login), sql.Literal(scram_verifier(password))
        ),
    )
    set_group(session, login, role)


def set_group(session: Session, login: str, role: str) -> None:
    if not enforced(session):
        return
    _need_createrole(session)
    for group in GROUPS.values():
        _execute(session, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(login)))
    _execute(session, sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUPS[role]), sql.Identifier(login)))


def set_password(session: Session, login: str, password: str) -> None:
    if not enforced(session):
        return
    _need_createrole(session)
    _execute(
        session,
        sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(login), sql.Literal(scram_verifier(password))),
    )


def disable_login(session: Session, login: str) -> None:
    if not enforced(session):
        return
    _need_createrole(session)
    _execute(session, sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(login)))
