"""Organisation-wide settings, kept in the database (`setting` table) so every copy of the app
on a shared server prints the same way. Per-machine choices (interface language, the last
database opened) live in QSettings on the GUI side instead.

Each setting is one row: key -> JSON value, declared once in SETTINGS with its default; they are
read over the Core tables (setting_values.py, re-exported here), on a Connection for a plain read.
Changes go through one unit of work with an audit entry per changed row. The settings carry a
version token (the sum of the rows' versions, which only grows), so a save based on what the
user saw before someone else's change is a conflict, never a silent overwrite.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import ConflictError, ValidationError
from sbpac_desktop.services.audit_trail import add_row, change_row
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.services.setting_values import DEFAULT_SERIES as DEFAULT_SERIES  # re-exported
from sbpac_desktop.services.setting_values import SETTINGS as SETTINGS
from sbpac_desktop.services.setting_values import THAI_DIGITS as THAI_DIGITS
from sbpac_desktop.services.setting_values import OrgSettings as OrgSettings
from sbpac_desktop.services.setting_values import default_series_id as default_series_id
from sbpac_desktop.services.setting_values import settings_view
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import MeetingSeries, Setting


@dataclass(frozen=True)
class SettingsInput:
    thai_digits: bool
    default_series_id: int | None


def _rows(session: Session) -> dict[str, Setting]:
    rows = session.scalars(select(Setting).where(Setting.key.in_(list(SETTINGS))))
    return {row.key: row for row in rows}


def get_settings(db: Database, actor: Actor) -> OrgSettings:
    require(actor, READ_DATA, "ดูการตั้งค่า")
    with db.connect() as connection:
        return settings_view(connection)


def document_thai_digits(db: Database, actor: Actor) -> bool:
    """What the printed documents use unless the user asks otherwise (CLI --arabic-digits)."""
    return get_settings(db, actor).thai_digits


def update_settings(db: Database, actor: Actor, data: SettingsInput, expected_version: int | None) -> OrgSettings:
    """Save the organisation's settings; `expected_version` is OrgSettings.version as the user saw it."""
    require(actor, EDIT_MASTER_DATA, "แก้ไขการตั้งค่า")
    _validate(data)
    with db.unit_of_work() as session:
        if data.default_series_id is not None and session.get(MeetingSeries, data.default_series_id) is None:
            raise ValidationError.single(
                "default_series",
                f"ไม่พบชุดการประชุม (รหัส {data.default_series_id})",
                f"Meeting series {data.default_series_id} not found",
            )
        rows = _rows(session)
        current = sum(row.version for row in rows.values())
        if expected_version is not None and current != expected_version:
            raise ConflictError(
                "มีผู้อื่นเปลี่ยนการตั้งค่าไปแล้ว — โปรดโหลดหน้าตั้งค่าใหม่ก่อนบันทึก",
                "Someone else changed the settings; reload them before saving",
            )
        for key, value in ((THAI_DIGITS, data.thai_digits), (DEFAULT_SERIES, data.default_series_id)):
            _store(session, actor, rows.get(key), key, value)
        session.flush()
        return settings_view(session)


def _validate(data: SettingsInput) -> None:
    if not isinstance(data.thai_digits, bool):
        raise ValidationError.single("thai_digits", "ต้องเลือกตัวเลขไทยหรืออารบิก", "thai_digits must be true or false")
    if data.default_series_id is not None and (
        isinstance(data.default_series_id, bool) or not isinstance(data.default_series_id, int)
    ):
        raise ValidationError.single("default_series", "ชุดการประชุมไม่ถูกต้อง", "default_series_id must be an id")


def _store(session: Session, actor: Actor, row: Setting | None, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        if value == SETTINGS[key]:
            return  # the default needs no row
        row = Setting(key=key, value_json=encoded)
        add_row(session, actor, row)
        return
    if row.value_json == encoded:
        return
    change_row(session, actor, row, value_json=encoded)
