"""A record's history (ประวัติการแก้ไข) read from the audit trail: who, when, what, and
each field before → after in Thai. A directive's history includes its assignees, their
progress reports and attachments; a meeting's its agenda items, attendance and attachments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.field_text import (
    ACTION_LABELS,
    ENTITY_LABELS,
    HOUSEKEEPING,
    field_label,
    value_text,
)
from sbpac_desktop.services.names import user_names
from sbpac_desktop.services.permissions import READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import AgendaItem, Assignment, AuditEntry

# Summaries the app keeps in step by itself (store.directive_summary): not a person's edit.
DERIVED = frozenset({"effective_due_on", "latest_percent", "latest_report_on", "latest_result", "assignee_key"})
CHUNK = 200  # ids per LIKE group, to keep statements small


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: datetime
    user_name: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: int | None
    changes: tuple[FieldChange, ...]


def _load(values: str | None) -> dict[str, Any]:
    return json.loads(values) if values else {}


def _changes(session: Session, entry: AuditEntry) -> tuple[FieldChange, ...]:
    before, after = _load(entry.before_json), _load(entry.after_json)
    keys = [k for k in dict.fromkeys([*before, *after]) if k not in HOUSEKEEPING and k not in DERIVED]
    changes = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if entry.action in ("update", "overwrite") and old == new:
            continue
        if entry.action == "create" and new in (None, ""):
            continue
        if entry.action == "delete" and old in (None, ""):
            continue
        changes.append(
            FieldChange(
                key,
                field_label(key, entry.entity),
                value_text(session, entry.entity, key, old) if entry.action != "create" else "—",
                value_text(session, entry.entity, key, new) if entry.action != "delete" else "—",
            )
        )
    return tuple(changes)


def _mentions(key: str, ids: Iterable[int]) -> Any:
    """Entries whose before/after JSON holds `"key": id` (json.dumps with sorted keys)."""
    conditions = []
    for row_id in ids:
        for ending in (",", "}"):
            pattern = f'%"{key}": {int(row_id)}{ending}%'
            conditions += [AuditEntry.after_json.like(pattern), AuditEntry.before_json.like(pattern)]
    return or_(*conditions)


def _children(session: Session, entity: str, key: str, parent_ids: set[int]) -> list[AuditEntry]:
    found: list[AuditEntry] = []
    ordered = sorted(parent_ids)
    for start in range(0, len(ordered), CHUNK):
        query = select(AuditEntry).where(AuditEntry.entity == entity, _mentions(key, ordered[start : start + CHUNK]))
        found.extend(session.scalars(query))
    return found


def _own(session: Session, entity: str, entity_id: int) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
    return list(session.scalars(query))


def _ids(entries: list[AuditEntry]) -> set[int]:
    return {e.entity_id for e in entries if e.entity_id is not None}


def _directive_family(session: Session, directive_id: int) -> list[AuditEntry]:
    assignments = _children(session, "assignment", "directive_id", {directive_id})
    # assignees saved with the directive have no entry of their own: take today's rows too
    current = set(session.scalars(select(Assignment.id).where(Assignment.directive_id == directive_id)))
    assignment_ids = _ids(assignments) | current
    reports = _children(session, "progress_report", "assignment_id", assignment_ids) if assignment_ids else []
    files = _children(session, "attachment", "progress_report_id", _ids(reports)) if reports else []
    return assignments + reports + files


def _meeting_family(session: Session, meeting_id: int) -> list[AuditEntry]:
    items = _children(session, "agenda_item", "meeting_id", {meeting_id})
    attendance = _children(session, "attendance", "meeting_id", {meeting_id})
    files = _children(session, "attachment", "meeting_id", {meeting_id})
    item_ids = _ids(items) | set(session.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)))
    if item_ids:
        files += _children(session, "attachment", "agenda_item_id", item_ids)
    return items + attendance + files


_FAMILIES = {"directive": _directive_family, "meeting": _meeting_family}


def record_history(
    db: Database, actor: Actor, entity: str, entity_id: int, *, include_related: bool = True
) -> list[HistoryEntry]:
    """Every audit entry of the record (and, by default, of its parts), newest first."""
    require(actor, READ_DATA, "ดูประวัติการแก้ไข")
    with db.unit_of_work() as session:
        entries = {e.id: e for e in _own(session, entity, entity_id)}
        if not entries:
            raise NotFound(
                f"ไม่พบประวัติของ{ENTITY_LABELS.get(entity, entity)} (รหัส {entity_id})",
                f"No history for {entity} {entity_id}",
            )
        family = _FAMILIES.get(entity)
        if include_related and family is not None:
            entries.update({e.id: e for e in family(session, entity_id)})
        users = user_names(session)
        ordered = sorted(entries.values(), key=lambda e: e.id, reverse=True)
        return [_entry(session, e, users) for e in ordered]


def _entry(session: Session, entry: AuditEntry, users: dict[int, str]) -> HistoryEntry:
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)  # SQLite keeps no zone
    return HistoryEntry(
        id=entry.id,
        at=at,
        user_name=users.get(entry.user_id or 0, "—"),
        action=entry.action,
        action_label=ACTION_LABELS.get(entry.action, entry.action),
        entity=entry.entity,
        entity_label=ENTITY_LABELS.get(entry.entity, entry.entity),
        entity_id=entry.entity_id,
        changes=_changes(session, entry),
    )
