"""Small helpers every service uses: lookups with a clear 'not found', the version check that
turns a concurrent edit into a conflict, and the rule that certified minutes stay as certified.
The audit entry written with each change is services/audit_trail.py; stored-text cleaning is
thai/normalize.py (clean, clean_required)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, object_session

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.domain.errors import ConflictError, NotFound
from sbpac_desktop.services.audit_trail import snapshot
from sbpac_desktop.services.found import key_in_range
from sbpac_desktop.store.base import Base
from sbpac_desktop.store.models import Meeting

M = TypeVar("M", bound=Base)


def get_or_raise(session: Session, model: type[M], row_id: int, label_th: str) -> M:
    row = session.get(model, row_id) if key_in_range(row_id) else None
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


def get_as_seen(session: Session, model: type[M], row_id: int, expected_version: int | None, label_th: str) -> M:
    """The row a user is changing, as they saw it: NotFound if it is gone, ConflictError if
    someone saved it since (get_or_raise, then check_version)."""
    row = get_or_raise(session, model, row_id, label_th)
    check_version(row, expected_version, label_th)
    return row


def ensure_meeting_editable(meeting: Meeting) -> None:
    """Certified minutes are the official record: their meeting, agenda and attendance stay as certified."""
    if meeting.status == MeetingStatus.MINUTES_CERTIFIED.value:
        raise ConflictError(
            "รายงานการประชุมครั้งนี้ได้รับการรับรองแล้ว จึงแก้ไขไม่ได้",
            "The minutes of this meeting are certified and can no longer be changed",
        )
