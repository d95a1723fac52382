"""Small helpers every service uses: lookups with a clear 'not found', version checks,
text normalization and the audit entry written in the same transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.domain.errors import ConflictError, NotFound
from sbpac_desktop.services.context import Actor
from sbpac_desktop.store.base import Base
from sbpac_desktop.store.models import AuditEntry, Meeting
from sbpac_desktop.thai import normalize_text

M = TypeVar("M", bound=Base)
AUDIT_CHAIN_LOCK = 0x5B9AD  # advisory-lock key shared by every copy of the app


def get_or_raise(session: Session, model: type[M], row_id: int, label_th: str) -> M:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(f"ไม่พบ{label_th} (รหัส {row_id})", f"{model.__name__} {row_id} not found")
    return row


def check_version(row: Any, expected_version: int | None, label_th: str) -> None:
    """Compare with the version the user saw, not the one this session loaded, so work
    committed elsewhere in between is never overwritten silently."""
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"{label_th}นี้ถูกแก้ไขโดยผู้อื่นแล้ว (รุ่น {row.version}) — โปรดโหลดใหม่ก่อนบันทึก",
            f"This record was changed by someone else (now version {row.version}); reload it first",
        )


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


def snapshot(row: Base) -> dict[str, Any]:
    mapper = inspect(row).mapper
    return {attr.key: _jsonable(getattr(row, attr.key)) for attr in mapper.column_attrs}


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
