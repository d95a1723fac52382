"""The acting user that every service call takes, so roles and the audit trail have one source."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import User

SYSTEM_LOGIN = "system"


@dataclass(frozen=True)
class Actor:
    user_id: int
    login: str
    role: UserRole
    display_name: str


def system_actor(db: Database) -> Actor:
    """The built-in setup account (created on first use). It has no password and never signs in:
    front ends act as it only while the database has no real account (services/app.py), and the
    sign-in service writes failures and locks under its name."""
    with db.unit_of_work() as session:
        # Columns, not the entity: a PostgreSQL login role may not read password hashes.
        query = select(User.id, User.login, User.role, User.display_name).where(User.login == SYSTEM_LOGIN)
        found = session.execute(query).first()
        if found is not None:
            return Actor(found.id, found.login, UserRole(found.role), found.display_name)
        user = User(
            login=SYSTEM_LOGIN,
            display_name="ผู้ดูแลระบบ (ในตัวโปรแกรม)",
            role=UserRole.ADMIN.value,
            is_system=True,
        )
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, UserRole(user.role), user.display_name)
