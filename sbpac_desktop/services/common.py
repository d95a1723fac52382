"""Small helpers every service uses: lookups with a clear 'not found', version checks,
text normalization and the audit entry written in the same transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar, cast

from sqlalchemy import Table, inspect, select
from sqlalchemy.orm import Session, object_session

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.domain.errors import ConflictError, NotFound
from sbpac_desktop.services import audit_anchors
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store import audit_chain, bulk, directive_summary
from sbpac_desktop.store.base import Base, Versioned, utcnow
from sbpac_desktop.store.models import AuditEntry, Directive, Meeting
from sbpac_desktop.thai import normalize_text

M = TypeVar("M", bound=Base)
AUDIT_CHAIN_LOCK = audit_chain.AUDIT_CHAIN_LOCK


# Every primary key is a 32-bit INTEGER: a larger Python int names no row, and asking for it made the
# drivers raise (SQLite OverflowError past 2**63, PostgreSQL "integer out of range") instead of NotFound.
_LARGEST_KEY = 2**31 - 1


def get_or_raise(session: Session, model: type[M], row_id: int, label_th: str) -> M:
    out_of_range = isinstance(row_id, int) and not -_LARGEST_KEY - 1 <= row_id <= _LARGEST_KEY
    row = None if out_of_range else session.get(model, row_id)
    if row is None:
        raise NotFound(f"ไม่พบ{label_th} (รหัส {row_id})", f"{model.__name__} {row_id} not found")
    return row


def check_version(
    row: Any, expected_version: int | None, label_th: str, yours: Mapping[str, Any] | None = None
) -> None:
    """Compare the version the user saw with the one in the database *now*: not with the
    row this session holds, which stays as first loaded after an earlier commit
    (expire_on_commit=False). `yours` (the values being saved, stored form) lets the
    ConflictError list each field as yours / theirs with who changed it and when."""
    if expected_version is None:
        return
    session = object_session(row)
    assert session is not None, "check_version needs a row loaded in a session"
    state = inspect(row)
    where = [column == value for column, value in zip(state.mapper.primary_key, state.identity or (), strict=True)]
    current = session.scalar(select(state.mapper.c.version).where(*where))
    if current != row.version:
        session.refresh(row)  # the flush's own version guard must compare with the real row
    if current != expected_version:
        from sbpac_desktop.services.conflicts import current_values, stale_details, stale_error

        details = stale_details(session, row, expected_version, yours, current_values(row, snapshot(row)))
        raise stale_error(label_th, details)


def ensure_meeting_editable(meeting: Meeting) -> None:
    """Certified minutes are the official record: their meeting, agenda and attendance stay as certified."""
    if meeting.status == MeetingStatus.MINUTES_CERTIFIED.value:
        raise ConflictError(
            "รายงานการประชุมครั้งนี้ได้รับการรับรองแล้ว จึงแก้ไขไม่ได้",
            "The minutes of this meeting are certified and can no longer be changed",
        )


def clean(text: str | None) -> str | None:
    """Stored text is normalized Thai; empty strings become None."""
    if text is None:
        return None
    normalized = normalize_text(text)
    return normalized or None


def clean_required(text: str | None) -> str:
    return clean(text) or ""


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
    bulk.execute_many(connection, cast(Table, AuditEntry.__table__), rows)  # no ORM bulk machinery
    audit_anchors.note_appended(session, last_id, previous)


def _dump(values: dict[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


def _entry_hash(entry: AuditEntry) -> str:
    """The chain's formula (store/audit_chain.py, rule 2: every column, the time included)."""
    return audit_chain.entry_hash(entry)
