"""What a stale save ran into: each field as yours / theirs / what you saw, and who saved
in between and when (from the audit trail).

Values are compared in their stored, JSON-shaped form (ISO dates, enum values, ids) so
the same `snapshot` that feeds the audit trail feeds the comparison.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictDetails, ConflictError, FieldConflict
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field_text import datetime_text, field_label, value_text
from sbpac_desktop.services.permissions import require
from sbpac_desktop.store.base import Base
from sbpac_desktop.store.models import AuditEntry, Directive, User


def assignment_values(directive: Directive) -> list[list[Any]]:
    """A directive's assignees in a comparable form: sorted [position_id, org_unit_id, role]."""
    rows = [[a.position_id, a.org_unit_id, a.role] for a in directive.assignments]
    return sorted(rows, key=lambda r: (r[0] or 0, r[1] or 0, r[2]))


def current_values(row: Base, snapshot_values: Mapping[str, Any]) -> dict[str, Any]:
    """The stored record as the comparison sees it (a directive also carries its assignees)."""
    values = dict(snapshot_values)
    if isinstance(row, Directive):
        values["assignments"] = assignment_values(row)
    return values


def _entries_since(session: Session, entity: str, entity_id: int, version: int) -> list[tuple[AuditEntry, str]]:
    """Audit entries of this record from the version the user saw onwards, oldest first."""
    rows = session.execute(
        select(AuditEntry, User.display_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id)
    ).all()
    found = []
    for entry, name in rows:
        after = json.loads(entry.after_json) if entry.after_json else {}
        if isinstance(after.get("version"), int) and after["version"] >= version:
            found.append((entry, name or "—"))
    return found


def stale_details(
    session: Session,
    row: Base,
    expected_version: int,
    yours: Mapping[str, Any] | None,
    theirs: Mapping[str, Any],
) -> ConflictDetails:
    entity = type(row).__tablename__
    entity_id = int(row.id)  # type: ignore[attr-defined]
    entries = _entries_since(session, entity, entity_id, expected_version)
    base: dict[str, Any] | None = None
    if entries and json.loads(entries[0][0].after_json or "{}").get("version") == expected_version:
        base = json.loads(entries[0][0].after_json or "{}")  # the state the user loaded
        entries = entries[1:]
    names = list(dict.fromkeys(name for _, name in entries))
    changed_at = entries[-1][0].at if entries else None
    if changed_at is not None and changed_at.tzinfo is None:
        changed_at = changed_at.replace(tzinfo=UTC)  # SQLite keeps no zone; the app writes UTC
    fields = []
    for key, mine in (yours or {}).items():
        stored = theirs.get(key)
        if _same(mine, stored):
            continue
        seen = None if base is None or key not in base else value_text(session, entity, key, base[key])
        fields.append(
            FieldConflict(
                key,
                field_label(key, entity),
                value_text(session, entity, key, mine),
                value_text(session, entity, key, stored),
                seen,
            )
        )
    return ConflictDetails(
        entity,
        entity_id,
        expected_version,
        int(row.version),  # type: ignore[attr-defined]
        ", ".join(names) or None,
        changed_at,
        tuple(fields),
    )


def jsonable(value: Any) -> Any:
    """As `audit_trail.snapshot` stores it (kept here so common can import this module lazily)."""
    return value.isoformat() if isinstance(value, date | datetime | time) else value


def _same(a: Any, b: Any) -> bool:
    return (a in (None, "") and b in (None, "")) or a == b


def stale_error(label_th: str, details: ConflictDetails) -> ConflictError:
    who = details.changed_by or "ผู้ใช้อื่น"
    when = f" เมื่อ {datetime_text(details.changed_at)}" if details.changed_at else ""
    return ConflictError(
        f"{label_th}นี้ถูกแก้ไขโดยผู้อื่นแล้ว ({who}{when}, รุ่น {details.current_version}) หลังจากที่คุณเปิดไว้ "
        "— โปรดเลือกว่าจะใช้ข้อมูลของใคร",
        f"This record was changed by someone else ({who}, now version {details.current_version}) after you opened it",
        details,
    )


# Only the secretariat may knowingly save over someone else's change; it is audited as such.
OVERWRITE_ROLES = frozenset({UserRole.ADMIN, UserRole.SECRETARY})


def require_overwrite(actor: Actor) -> None:
    require(actor, OVERWRITE_ROLES, "บันทึกทับการแก้ไขของผู้อื่น")


def planned_values(model: type[Base], fill: Callable[[Any], None]) -> dict[str, Any]:
    """The values a save would store, in stored (JSON-shaped) form: `fill` runs on a
    throw-away instance and every column it set is read back."""
    probe = model()
    fill(probe)
    state = inspect(probe)
    return {
        attr.key: jsonable(getattr(probe, attr.key))
        for attr in state.mapper.column_attrs
        if state.attrs[attr.key].history.added
    }
