"""How people appear in views and documents: one place that turns rows into Thai full names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.people import full_name
from sbpac_desktop.store.models import Incumbency, Person, User


def person_name(session: Session, person_id: int | None) -> str | None:
    person = session.get(Person, person_id) if person_id is not None else None
    return full_name(person.prefix, person.first_name, person.last_name) if person else None


def person_names(session: Session) -> dict[int, str]:
    return {p.id: full_name(p.prefix, p.first_name, p.last_name) for p in session.scalars(select(Person))}


def user_names(session: Session) -> dict[int, str]:
    """Every account's display name by id (who asked, decided or wrote an audit entry)."""
    return {u.id: u.display_name for u in session.scalars(select(User))}


def current_holders(session: Session, today: date, position_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Who holds each post on `today`; when two terms overlap, the one that started last wins."""
    query = (
        select(Incumbency.position_id, Person)
        .join(Person, Person.id == Incumbency.person_id)
        .where(Incumbency.start_on <= today)
        .where((Incumbency.end_on.is_(None)) | (Incumbency.end_on >= today))
        .order_by(Incumbency.start_on, Incumbency.id)
    )
    if position_ids is not None:
        query = query.where(Incumbency.position_id.in_(list(position_ids)))
    return {pos_id: full_name(p.prefix, p.first_name, p.last_name) for pos_id, p in session.execute(query)}
