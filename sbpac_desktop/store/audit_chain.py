"""The audit trail's hash chain: one formula over every column of an entry, written by Python
on SQLite and by the server itself on PostgreSQL (the same formula in SQL, below).

Rule 2 (migration 0007): sha256 of "v2" and every column in a fixed order — id, at (UTC,
microseconds), user_id, action, entity, entity_id, before_json, after_json, prev_hash — each
written as "<length>:<text>" (NULL as "~") so no value can borrow characters from its
neighbour. Rule 1 (up to 0006) left out id and the timestamp: a changed time went unseen.

On PostgreSQL no role may write `audit_entry`: `sbpac_audit_append` (SECURITY DEFINER) takes
the user from the connected login (session_user -> app_user.login), the time from the server,
the chain position under an advisory lock, and computes the hash itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from sbpac_desktop.store.tables_base import utcnow

AUDIT_CHAIN_LOCK = 0x5B9AD  # advisory-lock key shared by every copy of the app
HASH_RULE = 2
_NULL = "~"


def at_text(at: datetime | str) -> str:
    """The stored time as the hash sees it: UTC, microseconds (SQLite gives it back naive, or as
    text to a plain SQL query)."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    if at.year >= 1000:  # the same text, several times faster; strftime's %Y pads no shorter year
        return at.isoformat(" ", "microseconds")
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def _digest(*parts: Any) -> str:
    """The formula: "v2" and each part as "<length>:<text>" (NULL as "~"), "|" apart, sha256 hex."""
    fields = [_NULL if p is None else f"{len(text_value := str(p))}:{text_value}" for p in parts]
    return hashlib.sha256(("v2|" + "|".join(fields)).encode("utf-8")).hexdigest()


def entry_hash(entry: Any) -> str:
    """Rule-2 hash of an AuditEntry (or anything with its attributes)."""
    return _digest(
        entry.id,
        None if entry.at is None else at_text(entry.at),
        entry.user_id,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before_json,
        entry.after_json,
        entry.prev_hash,
    )


def link(rows: list[dict[str, Any]], last_id: int, previous: str | None) -> tuple[int, str | None]:
    """SQLite: give each new entry (action, entity, entity_id, before_json, after_json, user_id), in
    order, its id, time, link and hash after the entry (`last_id`, `previous`); the new head back."""
    for row in rows:
        last_id += 1
        at = utcnow()
        digest = _digest(
            last_id,
            at_text(at),
            row["user_id"],
            row["action"],
            row["entity"],
            row["entity_id"],
            row["before_json"],
            row["after_json"],
            previous,
        )
        row.update(id=last_id, at=at, prev_hash=previous, hash=digest)
        previous = digest
    return last_id, previous


@dataclass(frozen=True)
class ChainHead:
    """What an anchor keeps: how many entries, the last id and the last hash."""

    count: int
    last_id: int | None
    hash: str | None

    def short(self) -> str:
        """For paper: 'ตรวจสอบ: 1234 · a1b2c3d4'."""
        return f"{self.count} · {(self.hash or '-')[:8]}"

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "last_id": self.last_id, "hash": self.hash}


def chain_head(connection: Connection) -> ChainHead:
    count = connection.execute(text("SELECT count(*) FROM audit_entry")).scalar() or 0
    last = connection.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
    return ChainHead(int(count), None if last is None else int(last[0]), None if last is None else str(last[1]))


# --- PostgreSQL: the server writes the audit trail -------------------------------------------------

PG_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION sbpac_audit_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '{_NULL}' ELSE length(v)::text || ':' || v END
$$;
CREATE OR REPLACE FUNCTION sbpac_audit_hash(
  p_id integer, p_at timestamptz, p_user integer, p_action text, p_entity text, p_entity_id integer,
  p_before text, p_after text, p_prev text) RETURNS text
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT encode(sha256(convert_to('v2|' || concat_ws('|',
    sbpac_audit_field(p_id::text),
    sbpac_audit_field(to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')),
    sbpac_audit_field(p_user::text), sbpac_audit_field(p_action), sbpac_audit_field(p_entity),
    sbpac_audit_field(p_entity_id::text), sbpac_audit_field(p_before), sbpac_audit_field(p_after),
    sbpac_audit_field(p_prev)), 'UTF8')), 'hex')
$$;
-- The one way in. p_user_id counts only for a connection that is not an account's own login
-- (the owner that runs init, or a single shared login): such a connection could write the
-- table directly anyway. An account's login is always recorded as itself.
CREATE OR REPLACE FUNCTION sbpac_audit_append(
  p_action text, p_entity text, p_entity_id integer, p_before text, p_after text, p_user_id integer)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_user integer;
  v_id integer;
  v_prev text;
  v_at timestamptz := date_trunc('microseconds', clock_timestamp());
BEGIN
  PERFORM pg_advisory_xact_lock({AUDIT_CHAIN_LOCK});
  SELECT u.id INTO v_user FROM app_user u WHERE u.login = session_user AND NOT u.is_system;
  IF NOT FOUND THEN
    v_user := p_user_id;
  END IF;
  SELECT a.hash INTO v_prev FROM audit_entry a ORDER BY a.id DESC LIMIT 1;
  v_id := nextval(pg_get_serial_sequence('audit_entry', 'id'));
  PERFORM set_config('sbpac.audit_writer', 'on', true);
  INSERT INTO audit_entry (id, at, user_id, action, entity, entity_id, before_json, after_json, prev_hash, hash)
  VALUES (v_id, v_at, v_user, p_action, p_entity, p_entity_id, p_before, p_after, v_prev,
          sbpac_audit_hash(v_id, v_at, v_user, p_action, p_entity, p_entity_id, p_before, p_after, v_prev));
  PERFORM set_config('sbpac.audit_writer', 'off', true);
END
$$;
-- Even the owner's own statements (and a role granted too much by hand) cannot rewrite or cut
-- the trail: only sbpac_audit_append inserts, nothing updates or deletes.
CREATE OR REPLACE FUNCTION sbpac_audit_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' AND current_setting('sbpac.audit_writer', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_entry is written only by sbpac_audit_append (% refused)', TG_OP
    USING ERRCODE = '42501';
END
$$;
"""

PG_TRIGGERS = [
    "DROP TRIGGER IF EXISTS sbpac_audit_guard ON audit_entry",
    "CREATE TRIGGER sbpac_audit_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_entry"
    " FOR EACH ROW EXECUTE FUNCTION sbpac_audit_guard()",
    "DROP TRIGGER IF EXISTS sbpac_audit_guard_truncate ON audit_entry",
    "CREATE TRIGGER sbpac_audit_guard_truncate BEFORE TRUNCATE ON audit_entry"
    " FOR EACH STATEMENT EXECUTE FUNCTION sbpac_audit_guard()",
]

PG_DROP = [
    "DROP TRIGGER IF EXISTS sbpac_audit_guard ON audit_entry",
    "DROP TRIGGER IF EXISTS sbpac_audit_guard_truncate ON audit_entry",
    "DROP FUNCTION IF EXISTS sbpac_audit_guard()",
    "DROP FUNCTION IF EXISTS sbpac_audit_append(text, text, integer, text, text, integer)",
    "DROP FUNCTION IF EXISTS sbpac_audit_hash(integer, timestamptz, integer, text, text, integer, text, text, text)",
    "DROP FUNCTION IF EXISTS sbpac_audit_field(text)",
]


def server_writes_audit(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def append_on_server(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """rows: action, entity, entity_id, before_json, after_json, user_id — one call each."""
    statement = text("SELECT sbpac_audit_append(:action, :entity, :entity_id, :before_json, :after_json, :user_id)")
    # executemany runs the calls in order in this transaction: each sees the one before
    connection.execute(statement, rows)


def rehash(connection: Connection) -> ChainHead:
    """Rewrite every hash and link under rule 2, oldest first (migration 0007). On PostgreSQL the
    guard trigger is not installed yet when this runs."""
    rows = connection.execute(
        text("SELECT id, at, user_id, action, entity, entity_id, before_json, after_json FROM audit_entry ORDER BY id")
    ).mappings()
    previous: str | None = None
    updates = []
    for row in rows:
        entry = _Entry(**row, prev_hash=previous)
        previous = entry_hash(entry)
        updates.append({"id": row["id"], "prev": entry.prev_hash, "hash": previous})
    if updates:
        connection.execute(text("UPDATE audit_entry SET prev_hash = :prev, hash = :hash WHERE id = :id"), updates)
    return chain_head(connection)


@dataclass
class _Entry:
    id: int
    at: Any
    user_id: int | None
    action: str
    entity: str
    entity_id: int | None
    before_json: str | None
    after_json: str | None
    prev_hash: str | None
