"""The audit trail every service writes in the same transaction as its change: who did what,
each row as it was before and after, chained to the previous entry by hash (store/audit_chain.py
has the chain's rule; services/admin/maintenance.py verifies it)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from sbpac_desktop.services import audit_anchors
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store import audit_chain, bulk, directive_summary, tables
from sbpac_desktop.store.base import Base, Versioned, utcnow
from sbpac_desktop.store.models import AuditEntry, Directive

R = TypeVar("R", bound=Base)

# Never copied into the audit trail (readable by more people than the row itself); the
# entry still shows that the value was set or changed.
SECRET_COLUMNS = frozenset({"password_hash"})


def snapshot(row: Base) -> dict[str, Any]:
    mapper = inspect(row).mapper
    return {attr.key: _audit_value(attr.key, getattr(row, attr.key)) for attr in mapper.column_attrs}


def _audit_value(key: str, value: Any) -> Any:
    if key in SECRET_COLUMNS:
        return None if value is None else f"<hidden sha256 {hashlib.sha256(str(value).encode()).hexdigest()[:12]}>"
    return _jsonable(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes sha256 {hashlib.sha256(value).hexdigest()}>"
    return value


def audit(
    session: Session,
    actor: Actor,
    action: str,
    row: Base,
    before: dict[str, Any] | None = None,
) -> None:
    """Append who/what/before/after, chained to the previous entry by hash."""
    if action not in ("create", "delete") and isinstance(row, Versioned) and before is not None:
        unchanged = before.get("version") == row.version and not session.is_modified(row, include_collections=False)
        if unchanged:
            # Only child rows changed (a directive's assignees): bump the version anyway, so
            # a save based on the older version is a conflict and not a silent overwrite.
            row.updated_at = utcnow()
    session.flush()
    if isinstance(row, Directive) and action != "delete":
        # its summary columns as the triggers just left them (its assignments may have changed)
        directive_summary.reload(session, [row.id])
    after = None if action == "delete" else snapshot(row)
    entity_id = (before or after or {}).get("id")
    entity_id = entity_id if isinstance(entity_id, int) else None
    _append(session, actor, [(action, type(row).__tablename__, entity_id, before, after)])


def add_row(session: Session, actor: Actor, row: R) -> R:
    """Insert the row and write its audited "create": every column as stored (audit flushes
    first, so defaults and the new id are in the entry)."""
    session.add(row)
    audit(session, actor, "create", row)
    return row


def erase_row(session: Session, actor: Actor, row: Base) -> None:
    """Delete the row; its audit entry keeps every column as it was, the only copy left after."""
    before = snapshot(row)
    session.delete(row)
    audit(session, actor, "delete", row, before)


def change_row(session: Session, actor: Actor, row: Base, **values: Any) -> None:
    """Set columns of the row and write one audited "update" with the row as it was before.
    Only mapped columns are accepted: a misspelt name on an ORM object would otherwise become a
    plain Python attribute that is never stored, and the change would be lost without a word."""
    columns = {attr.key for attr in inspect(row).mapper.column_attrs}
    unknown = sorted(set(values) - columns)
    if unknown:
        raise AttributeError(f"{type(row).__name__} has no column {', '.join(unknown)}")
    before = snapshot(row)
    for name, value in values.items():
        setattr(row, name, value)
    audit(session, actor, "update", row, before)


def audit_many(
    session: Session,
    actor: Actor,
    entries: Sequence[tuple[str, str, int | None, dict[str, Any] | None, dict[str, Any] | None]],
) -> None:
    """Bulk writers: many chained entries (action, entity, entity_id, before, after) in one
    executemany instead of one INSERT each; the chain is the same as `audit` writes."""
    if not entries:
        return
    session.flush()
    _append(session, actor, entries)


def _append(
    session: Session,
    actor: Actor,
    entries: Sequence[tuple[str, str, int | None, dict[str, Any] | None, dict[str, Any] | None]],
) -> None:
    """PostgreSQL: the server appends (sbpac_audit_append: its own user, time, position, hash);
    SQLite: the same rule-2 chain computed here, under the file's single-writer lock."""
    rows = [
        {
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before_json": _dump(before),
            "after_json": _dump(after),
            "user_id": actor.user_id,
        }
        for action, entity, entity_id, before, after in entries
    ]
    connection = session.connection()
    if audit_chain.server_writes_audit(connection):
        audit_chain.append_on_server(connection, rows)
        audit_anchors.note_appended(session, None, None)  # the server's head, read at commit
        return
    last = connection.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    # the id is part of the hash, so it is chosen here (under SQLite's one-writer lock)
    last_id, previous = audit_chain.link(rows, *((0, None) if last is None else (last[0], last[1])))
    bulk.execute_many(connection, tables.audit_entry, rows)  # no ORM bulk machinery
    audit_anchors.note_appended(session, last_id, previous)


def _dump(values: dict[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)
