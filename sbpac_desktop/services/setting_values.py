"""The organisation's settings as read (services/settings.py writes them), over the Core tables on a
Connection or a Session (store.reader): a document that needs the default series' posts reads it
without loading the ORM (issue #16). Each setting is one row: key -> JSON value, declared once in
SETTINGS with its default; the version token is the sum of the rows' versions, which only grows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import meeting_series, setting

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader

THAI_DIGITS = "documents.thai_digits"
DEFAULT_SERIES = "meetings.default_series_id"
SETTINGS: dict[str, Any] = {THAI_DIGITS: True, DEFAULT_SERIES: None}  # key -> default


@dataclass(frozen=True)
class OrgSettings:
    thai_digits: bool  # ๐–๙ in printed documents (minutes, agenda, reports); False: 0–9
    default_series_id: int | None  # preselected in the new-meeting dialog
    version: int  # the token a later update must present


def settings_view(reader: Reader) -> OrgSettings:
    query = select(setting.c.key, setting.c.value_json, setting.c.version).where(setting.c.key.in_(list(SETTINGS)))
    rows = {row.key: row for row in settled(reader).execute(query)}

    def value(key: str) -> Any:
        row = rows.get(key)
        return SETTINGS[key] if row is None else json.loads(row.value_json)

    series_id = value(DEFAULT_SERIES)
    if series_id is not None and not _series_exists(reader, series_id):
        series_id = None  # a series removed since: fall back to "none" rather than fail
    return OrgSettings(
        thai_digits=bool(value(THAI_DIGITS)),
        default_series_id=series_id,
        version=sum(row.version for row in rows.values()),
    )


def _series_exists(reader: Reader, series_id: int) -> bool:
    found = settled(reader).execute(select(meeting_series.c.id).where(meeting_series.c.id == series_id)).first()
    return found is not None


def default_series_id(reader: Reader) -> int | None:
    """The default series inside a caller's read (documents that need its posts)."""
    return settings_view(reader).default_series_id
