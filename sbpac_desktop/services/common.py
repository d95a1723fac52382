"""Small helpers every service uses: lookups with a clear 'not found', version checks,
text normalization and the audit entry written in the same transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from types import SimpleNamespace
from typing import Any, TypeVar

from sqlalchemy import insert, inspect, select, text
from sqlalchemy.orm import Session, object_session

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.domain.errors import ConflictError, NotFound
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.base import Base, Versioned, utcnow
from sbpac_desktop.store.models import AuditEntry, Meeting
from sbpac_desktop.thai import normalize_text

M = TypeVar("M", bound=Base)
AUDIT_CHAIN_LOCK = 0x5B9AD  # advisory-lock key shared by every copy of the app


def get_or_raise(session: Session, model: type[M], row_id: int, label_th: str) -> M:
    row = session.get(model, row_id)
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
    if session.get_bind().dialect.name == "postgresql":
        # Writers on a shared server take turns at the chain head until they commit,
        # so two entries never claim the same predecessor (the chain would fork).
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK})
    after = None if action == "delete" else snapshot(row)
    entity_id = (before or after or {}).get("id")
    previous = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    entry = AuditEntry(
        user_id=actor.user_id,
        action=action,
        entity=type(row).__tablename__,
        entity_id=entity_id if isinstance(entity_id, int) else None,
        before_json=_dump(before),
        after_json=_dump(after),
        prev_hash=previous,
    )
    entry.hash = _entry_hash(entry)
    session.add(entry)


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
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK})
    previous = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    rows = []
    for action, entity, entity_id, before, after in entries:
        entry = SimpleNamespace(
            at=utcnow(),
            user_id=actor.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before_json=_dump(before),
            after_json=_dump(after),
            prev_hash=previous,
        )
        entry.hash = previous = _entry_hash(entry)  # type: ignore[arg-type]
        rows.append(vars(entry))
    session.execute(insert(AuditEntry), rows)


def _dump(values: dict[str, Any] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


def _entry_hash(entry: AuditEntry) -> str:
    payload = "|".join(
        str(part)
        for part in (
            entry.prev_hash,
            entry.user_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
        )
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
