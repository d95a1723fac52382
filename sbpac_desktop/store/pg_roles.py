"""PostgreSQL: the database itself enforces the app's roles (grants and row-level security).

`install` (run by `sbpac-desktop init` as the owner of the tables, with CREATEROLE) creates four
NOLOGIN group roles and grants each what its app role may do:

    sbpac_admins       everything except changing or deleting audit entries
    sbpac_secretaries  everything except app_user (read without password hashes) and audit changes
    sbpac_officers     read; insert/update progress_report only for assignments of posts they hold,
                       and insert/delete attachments only of those progress reports
                       (row-level security: current_user -> app_user.login -> person -> incumbency)
    sbpac_viewers      read only (no password hashes)

No group may INSERT, UPDATE or DELETE audit entries: the server appends them
(sbpac_audit_append, store/audit_chain.py) with the connected login as the user. Each account then gets a
LOGIN role of the same name in its group (services/admin/users.py calls create_login & co. in the
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

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store import pg_plan_roles

GROUPS = {
    "admin": "sbpac_admins",
    "secretary": "sbpac_secretaries",
    "officer": "sbpac_officers",
    "viewer": "sbpac_viewers",
}
STAFF = ("sbpac_admins", "sbpac_secretaries")
MAX_FAILED = 5  # services/auth.py MAX_FAILED_SIGN_INS; repeated here so the server enforces it
SCRAM_ITERATIONS = 4096
# store/directive_summary.py
SUMMARY_COLUMNS = ("effective_due_on", "latest_percent", "latest_report_on", "latest_result", "assignee_key")
BLOCKED_COLUMNS = ("blocked_reason", "blocked_on")  # services/directives/blocking.py: officers mark work blocked
OFFICER_REQUEST_TABLES = ("extension_request", "closure_request")
USER_COLUMNS = (
    "id, login, display_name, role, person_id, failed_logins, locked, is_system, version, created_at, updated_at"
)

# SECURITY DEFINER writers of migration 0007: each decides what it writes itself
_SERVER_WRITERS = (
    "sbpac_audit_append(text, text, integer, text, text, integer)",
    "sbpac_refresh_directive_summary(integer[])",
)

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION sbpac_holds_assignment(target integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public AS $$
  -- the post itself, or the unit that post belongs to (services/permissions.py holds_any)
  SELECT EXISTS (
    SELECT 1 FROM assignment a, incumbency i, position p, app_user u
    WHERE a.id = target AND u.login = current_user AND NOT u.locked
      AND i.person_id = u.person_id AND p.id = i.position_id
      AND (a.position_id = p.id OR a.org_unit_id = p.org_unit_id)
      AND i.start_on <= current_date AND (i.end_on IS NULL OR i.end_on >= current_date))
$$;
CREATE OR REPLACE FUNCTION sbpac_holds_directive(target integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM assignment a WHERE a.directive_id = target AND sbpac_holds_assignment(a.id))
$$;
CREATE OR REPLACE FUNCTION sbpac_holds_report(target integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM progress_report r WHERE r.id = target AND sbpac_holds_assignment(r.assignment_id))
$$;
-- Row-level security would silently skip someone else's attachment on DELETE (and the app would
-- audit a removal that never happened): an officer's DELETE is checked here and refused aloud.
CREATE OR REPLACE FUNCTION sbpac_officer_removes_own() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF pg_has_role('sbpac_officers', 'MEMBER')
     AND NOT (pg_has_role('sbpac_secretaries', 'MEMBER') OR pg_has_role('sbpac_admins', 'MEMBER'))
     AND NOT (OLD.progress_report_id IS NOT NULL AND sbpac_holds_report(OLD.progress_report_id)) THEN
    RAISE EXCEPTION 'attachment % is not of a progress report on a post you hold', OLD.id
      USING ERRCODE = '42501';
  END IF;
  RETURN OLD;
END
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
-- Administrators manage their accounts' login roles without CREATEROLE of their own: this runs
-- with the rights of whoever ran init, and only on roles that are new or already ours.
CREATE OR REPLACE FUNCTION sbpac_manage_login(p_login text, p_group text, p_verifier text, p_can_login boolean)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ours text[] := ARRAY[{", ".join(f"'{g}'" for g in GROUPS.values())}];
  g text;
BEGIN
  IF p_group IS NOT NULL AND NOT p_group = ANY(ours) THEN
    RAISE EXCEPTION 'unknown group %', p_group USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM app_user WHERE login = p_login AND NOT is_system) THEN
    RAISE EXCEPTION 'no account %', p_login USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', p_login);
  ELSIF NOT EXISTS (
    SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
    WHERE u.rolname = p_login AND r.rolname = ANY(ours) AND NOT u.rolsuper AND NOT u.rolcreaterole
  ) THEN
    RAISE EXCEPTION 'role % is not an sbpac account', p_login USING ERRCODE = '42501';
  END IF;
  IF p_verifier IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_can_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
  IF p_group IS NOT NULL THEN
    FOREACH g IN ARRAY ours LOOP
      IF g <> p_group THEN EXECUTE format('REVOKE %I FROM %I', g, p_login); END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', p_group, p_login);
  END IF;
END
$$;
"""


def _create_groups(connection: Connection) -> None:
    query = text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)")
    existing = set(connection.execute(query, {"names": list(GROUPS.values())}).scalars())
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
        # audit trail: no role writes it; sbpac_audit_append (store/audit_chain.py) appends
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_entry, alembic_version FROM {everyone}",
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
    # before the policies that call them; the driver's cursor without parameters, so the
    # plpgsql format('%I') codes are not taken for placeholders
    with connection.connection.driver_connection.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(_FUNCTIONS)
    for statement in statements + ATTACHMENT_RULES + _officer_extras(connection):
        connection.execute(text(statement))
    for function in (
        "sbpac_holds_assignment(integer)",
        "sbpac_holds_directive(integer)",
        "sbpac_holds_report(integer)",
        "sbpac_own_password_hash()",
        "sbpac_own_sign_in(boolean)",
    ):
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
        connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))
    for function in _SERVER_WRITERS:
        if connection.execute(text("SELECT to_regprocedure(:f)"), {"f": function}).scalar() is not None:
            connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
            connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {everyone}"))
    manage = "sbpac_manage_login(text, text, text, boolean)"
    connection.execute(text(f"REVOKE ALL ON FUNCTION {manage} FROM PUBLIC"))
    connection.execute(text(f"GRANT EXECUTE ON FUNCTION {manage} TO sbpac_admins"))
    pg_plan_roles.install(connection, everyone)  # the integrated plan's officer rules (issue #15)


# Attachments (services/attachments.py): everyone reads them (the content too, like every other
# record); staff add and remove meeting, agenda and progress-report files; officers only files of
# progress reports on posts they hold — the rule of progress_report's own policies.
_OWN_REPORT = "progress_report_id IS NOT NULL AND sbpac_holds_report(progress_report_id)"
ATTACHMENT_RULES = [
    "GRANT INSERT, DELETE ON attachment TO sbpac_officers",
    "ALTER TABLE attachment ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS everyone_reads ON attachment",
    "CREATE POLICY everyone_reads ON attachment FOR SELECT USING (true)",
    "DROP POLICY IF EXISTS staff_writes ON attachment",
    f"CREATE POLICY staff_writes ON attachment TO {', '.join(STAFF)} USING (true) WITH CHECK (true)",
    "DROP POLICY IF EXISTS officer_attaches_own ON attachment",
    f"CREATE POLICY officer_attaches_own ON attachment FOR INSERT TO sbpac_officers WITH CHECK ({_OWN_REPORT})",
    # every row passes the policy; the trigger refuses (not skips) the ones that are not theirs
    "DROP POLICY IF EXISTS officer_removes_own ON attachment",
    "CREATE POLICY officer_removes_own ON attachment FOR DELETE TO sbpac_officers USING (true)",
    "DROP TRIGGER IF EXISTS officer_removes_own ON attachment",
    "CREATE TRIGGER officer_removes_own BEFORE DELETE ON attachment FOR EACH ROW"
    " EXECUTE FUNCTION sbpac_officer_removes_own()",
]


def _officer_extras(connection: Connection) -> list[str]:
    """Grants that depend on later schema revisions: the tracker's summary columns on `directive`
    (a progress report refreshes them in the same transaction), the blocked mark, and the
    officers' extension and closure requests — all limited to directives of posts they hold."""
    present = set(
        connection.execute(
            text("SELECT column_name FROM information_schema.columns WHERE table_name = 'directive'")
        ).scalars()
    )
    # the summary columns are the server's (store/pg_guards.py): officers mark blocked, nothing more
    columns = [c for c in BLOCKED_COLUMNS if c in present]
    extras = []
    if columns:
        # only on directives with an assignment to a post they hold (services/directives/blocking.py)
        extras += [
            f"GRANT UPDATE ({', '.join([*columns, 'version', 'updated_at'])}) ON directive TO sbpac_officers",
            "ALTER TABLE directive ENABLE ROW LEVEL SECURITY",
            "DROP POLICY IF EXISTS everyone_reads ON directive",
            "CREATE POLICY everyone_reads ON directive FOR SELECT USING (true)",
            "DROP POLICY IF EXISTS staff_writes ON directive",
            f"CREATE POLICY staff_writes ON directive TO {', '.join(STAFF)} USING (true) WITH CHECK (true)",
            "DROP POLICY IF EXISTS officer_updates_own ON directive",
            "CREATE POLICY officer_updates_own ON directive FOR UPDATE TO sbpac_officers "
            "USING (sbpac_holds_directive(id)) WITH CHECK (sbpac_holds_directive(id))",
        ]
    for table in OFFICER_REQUEST_TABLES:
        if connection.execute(text("SELECT to_regclass(:t)"), {"t": table}).scalar() is not None:
            extras += [
                f"GRANT INSERT ON {table} TO sbpac_officers",
                f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                f"DROP POLICY IF EXISTS everyone_reads ON {table}",
                f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (true)",
                f"DROP POLICY IF EXISTS staff_writes ON {table}",
                f"CREATE POLICY staff_writes ON {table} TO {', '.join(STAFF)} USING (true) WITH CHECK (true)",
                f"DROP POLICY IF EXISTS officer_asks_own ON {table}",
                # an officer asks (pending, as themselves); deciding is the secretariat's
                f"CREATE POLICY officer_asks_own ON {table} FOR INSERT TO sbpac_officers "
                "WITH CHECK (sbpac_holds_directive(directive_id) AND status = 'pending' AND decided_at IS NULL"
                " AND decided_by_id IS NULL AND requested_by_id IS NOT DISTINCT FROM"
                " (SELECT u.id FROM app_user u WHERE u.login = current_user))",
            ]
    return extras


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


def _manage(session: Session, login: str, group: str | None, verifier: str | None, can_login: bool) -> None:
    if enforced(session):
        query = text("SELECT sbpac_manage_login(:login, :grp, :verifier, :can_login)")
        session.execute(query, {"login": login, "grp": group, "verifier": verifier, "can_login": can_login})


def create_login(session: Session, login: str, role: str, password: str) -> None:
    _manage(session, login, GROUPS[role], scram_verifier(password), True)


def set_group(session: Session, login: str, role: str) -> None:
    _manage(session, login, GROUPS[role], None, True)


def set_password(session: Session, login: str, password: str) -> None:
    _manage(session, login, None, scram_verifier(password), True)


def disable_login(session: Session, login: str) -> None:
    _manage(session, login, None, None, False)
