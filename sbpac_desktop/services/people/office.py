"""The issuing office's details for official letters, set once for the whole organisation:
name, address, telephone, the letter-number prefix (รหัสพยัญชนะและเลขประจำของส่วนราชการ,
e.g. "นร 5207") and the letterhead emblem, the user's own image file (none is shipped).

Stored in the `setting` table like services/settings.py (one JSON row per key, audited, a
version token that refuses a save based on stale data). The emblem is kept in the database
(base64 PNG or JPEG, at most EMBLEM_MAX_BYTES) so every copy of the app on a shared server
prints the same letterhead, not a path that exists on one machine only.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from sbpac_desktop.domain.errors import ConflictError
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA, READ_DATA, require
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import setting
from sbpac_desktop.thai import normalize_text, to_arabic_digits

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sbpac_desktop.store.models import Setting
    from sbpac_desktop.store.reader import Reader

NAME, ADDRESS, PHONE = "office.name", "office.address", "office.phone"
PREFIX, EMBLEM = "office.letter_prefix", "office.emblem"
KEYS = (NAME, ADDRESS, PHONE, PREFIX, EMBLEM)
DEFAULT_NAME = "ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้"
EMBLEM_MAX_BYTES = 512 * 1024  # a letterhead emblem is ~20-200 KB; the audit log keeps each version
_PNG, _JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"
LIMITS = {NAME: 200, ADDRESS: 500, PHONE: 100, PREFIX: 40}
FIELDS = (  # setting key, form field, Thai label
    (NAME, "office_name", "ชื่อส่วนราชการ"),
    (ADDRESS, "office_address", "ที่อยู่"),
    (PHONE, "office_phone", "หมายเลขโทรศัพท์"),
    (PREFIX, "letter_prefix", "รหัสหนังสือ"),
)


@dataclass(frozen=True)
class OfficeInput:
    name: str
    address: str = ""
    phone: str = ""
    letter_prefix: str = ""  # "นร 5207" (stored with Arabic digits; documents convert)
    emblem: bytes | None = None  # PNG or JPEG bytes, None for no letterhead image


@dataclass(frozen=True)
class OfficeDetails(OfficeInput):
    version: int = 0  # the token a later update must present


def _rows(session: Session) -> dict[str, Setting]:
    """The mapped rows an update changes."""
    from sbpac_desktop.store.models import Setting

    return {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(KEYS)))}


def _view(reader: Reader) -> OfficeDetails:
    """Over the Core table: letters read the office without loading the ORM (issue #16)."""
    query = select(setting.c.key, setting.c.value_json, setting.c.version).where(setting.c.key.in_(KEYS))
    rows = settled(reader).execute(query).all()
    values = {row.key: json.loads(row.value_json) for row in rows}
    emblem = values.get(EMBLEM)
    return OfficeDetails(
        name=values.get(NAME) or DEFAULT_NAME,
        address=values.get(ADDRESS) or "",
        phone=values.get(PHONE) or "",
        letter_prefix=values.get(PREFIX) or "",
        emblem=base64.b64decode(emblem) if emblem else None,
        version=sum(row.version for row in rows),
    )


def get_office(db: Database, actor: Actor) -> OfficeDetails:
    require(actor, READ_DATA, "ดูข้อมูลส่วนราชการ")
    with db.connect() as connection:
        return _view(connection)


def emblem_problem(data: bytes | None) -> str | None:
    """Why these bytes cannot be the letterhead emblem (Thai), or None."""
    if data is None:
        return None
    if not data.startswith((_PNG, _JPEG)):
        return "ตราสัญลักษณ์ต้องเป็นไฟล์ภาพ PNG หรือ JPEG"
    if len(data) > EMBLEM_MAX_BYTES:
        return f"ไฟล์ตราสัญลักษณ์ใหญ่เกิน {EMBLEM_MAX_BYTES // 1024} KB"
    return None


def _validated(data: OfficeInput) -> OfficeInput:
    checker = Checker()
    cleaned = OfficeInput(
        name=normalize_text(data.name or "").strip(),
        address=normalize_text(data.address or "").strip(),
        phone=to_arabic_digits(normalize_text(data.phone or "").strip()),
        letter_prefix=to_arabic_digits(normalize_text(data.letter_prefix or "").strip()),
        emblem=data.emblem,
    )
    checker.required("office_name", cleaned.name, "ชื่อส่วนราชการ", "Office name")
    for key, field, label in FIELDS:
        checker.max_length(field, _value_of(cleaned, key), LIMITS[key], label)
    if "/" in cleaned.letter_prefix:
        checker.add("letter_prefix", "รหัสหนังสือไม่ต้องมี / (เช่น นร 5207)", "The letter prefix has no slash")
    problem = emblem_problem(cleaned.emblem)
    if problem:
        checker.add("emblem", problem, "The emblem must be a PNG or JPEG image of at most 512 KB")
    checker.raise_if_any()
    return cleaned


def _value_of(data: OfficeInput, key: str) -> str | None:
    if key == EMBLEM:
        return base64.b64encode(data.emblem).decode("ascii") if data.emblem else None
    return {NAME: data.name, ADDRESS: data.address, PHONE: data.phone, PREFIX: data.letter_prefix}[key]


def update_office(db: Database, actor: Actor, data: OfficeInput, expected_version: int | None) -> OfficeDetails:
    """Save the office details; `expected_version` is OfficeDetails.version as the user saw it."""
    require(actor, EDIT_MASTER_DATA, "แก้ไขข้อมูลส่วนราชการ")
    cleaned = _validated(data)
    with db.unit_of_work() as session:
        rows = _rows(session)
        if expected_version is not None and sum(row.version for row in rows.values()) != expected_version:
            raise ConflictError(
                "มีผู้อื่นเปลี่ยนข้อมูลส่วนราชการไปแล้ว — โปรดโหลดใหม่ก่อนบันทึก",
                "Someone else changed the office details; reload them before saving",
            )
        for key in KEYS:
            _store(session, actor, rows.get(key), key, _value_of(cleaned, key))
        session.flush()
        return _view(session)


def _store(session: Session, actor: Actor, row: Setting | None, key: str, value: str | None) -> None:
    from sbpac_desktop.services.audit_trail import add_row, change_row  # the ORM's: only a save loads it
    from sbpac_desktop.store.models import Setting

    encoded = json.dumps(value, ensure_ascii=False)
    if row is None:
        if not value:
            return  # nothing set: no row
        row = Setting(key=key, value_json=encoded)
        add_row(session, actor, row)
        return
    if row.value_json != encoded:
        change_row(session, actor, row, value_json=encoded)
