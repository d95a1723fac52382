"""A row by its key over the Core tables (store.tables), with the Thai 'not found' that
services.common.get_or_raise gives for a mapped row: the read side of the documents runs on a
Connection without loading the ORM (issue #16), or on a Session inside a unit of work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sbpac_desktop.domain.errors import NotFound
from sbpac_desktop.store.reader import settled

if TYPE_CHECKING:
    from sqlalchemy import Row, Table

    from sbpac_desktop.store.reader import Reader

# Every primary key is a 32-bit INTEGER: a larger Python int names no row, and asking for it made the
# drivers raise (SQLite OverflowError past 2**63, PostgreSQL "integer out of range") instead of NotFound.
LARGEST_KEY = 2**31 - 1


def key_in_range(row_id: object) -> bool:
    """False for an int no primary key can hold (anything else goes to the database as it is)."""
    return not isinstance(row_id, int) or -LARGEST_KEY - 1 <= row_id <= LARGEST_KEY


def row_or_raise(reader: Reader, table: Table, row_id: int, label_th: str, name_en: str) -> Row[Any]:
    """The table's row with id `row_id` (every column), else NotFound naming it in Thai."""
    found = None
    if key_in_range(row_id):
        found = settled(reader).execute(select(table).where(table.c.id == row_id)).first()
    if found is None:
        raise NotFound(f"ไม่พบ{label_th} (รหัส {row_id})", f"{name_en} {row_id} not found")
    return found
