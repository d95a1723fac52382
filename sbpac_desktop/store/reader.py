"""One read for both doors: a query over the Core tables (store.tables) runs on a Session inside a
unit of work, or on a Connection (`Database.connect`) without loading the ORM at all.

A Core SELECT run by a Session does not flush the session's pending changes first, as an ORM SELECT
does (autoflush); `settled` does it, so the read sees this unit of work's own writes either way."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

    Reader: TypeAlias = Connection | Session

R = TypeVar("R", bound="Reader")


def settled(reader: R) -> R:
    """`reader`, with a Session's pending changes flushed (a Connection has none)."""
    flush = getattr(reader, "flush", None)
    if flush is not None:
        flush()
    return reader
