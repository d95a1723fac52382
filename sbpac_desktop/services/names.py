"""How people appear in views and documents: one place that turns rows into Thai full names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from sbpac_desktop.domain.people import full_name
from sbpac_desktop.store.reader import settled
from sbpac_desktop.store.tables import app_user, incumbency, person

if TYPE_CHECKING:
    from sbpac_desktop.store.reader import Reader

NAME_COLUMNS = (person.c.prefix, person.c.first_name, person.c.last_name)


def person_name(reader: Reader, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    found = settled(reader).execute(select(*NAME_COLUMNS).where(person.c.id == person_id)).first()
    return full_name(found.prefix, found.first_name, found.last_name) if found else None


def person_names(reader: Reader) -> dict[int, str]:
    rows = settled(reader).execute(select(person.c.id, *NAME_COLUMNS))
    return {p.id: full_name(p.prefix, p.first_name, p.last_name) for p in rows}


def user_names(reader: Reader) -> dict[int, str]:
    """Every account's display name by id (who asked, decided or wrote an audit entry)."""
    return {u.id: u.display_name for u in settled(reader).execute(select(app_user.c.id, app_user.c.display_name))}


def current_holders(reader: Reader, today: date, position_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Who holds each post on `today`; when two terms overlap, the one that started last wins."""
    held = incumbency.c
    query = (
        select(held.position_id, *NAME_COLUMNS)
        .join(person, person.c.id == held.person_id)
        .where(held.start_on <= today)
        .where((held.end_on.is_(None)) | (held.end_on >= today))
        .order_by(held.start_on, held.id)
    )
    if position_ids is not None:
        query = query.where(held.position_id.in_(list(position_ids)))
    rows = settled(reader).execute(query)
    return {row.position_id: full_name(row.prefix, row.first_name, row.last_name) for row in rows}
