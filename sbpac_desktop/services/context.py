"""The acting user that every service call takes, so roles and the audit trail have one source.

Who acts is settled here with Core statements on the accounts table (no ORM), so a read-only
command (`directives --json`) opens a database without loading the ORM; signing in with a
password (services/auth.py) is the ORM's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.tables import app_user

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

SYSTEM_LOGIN = "system"


@dataclass(frozen=True)
class Actor:
    user_id: int
    login: str
    role: UserRole
    display_name: str


@dataclass(frozen=True)
class Credentials:
    login: str
    password: str


def system_actor(db: Database) -> Actor:
    """The built-in setup account (created on first use). It has no password and never signs in:
    front ends act as it only while the database has no real account (services/app.py), and the
    sign-in service writes failures and locks under its name."""
    with db.connect() as connection:
        # Columns, not every column: a PostgreSQL login role may not read password hashes.
        columns = (app_user.c.id, app_user.c.login, app_user.c.role, app_user.c.display_name)
        found = connection.execute(select(*columns).where(app_user.c.login == SYSTEM_LOGIN)).first()
        if found is None:
            name = "ผู้ดูแลระบบ (ในตัวโปรแกรม)"
            values = {"login": SYSTEM_LOGIN, "display_name": name, "role": UserRole.ADMIN.value, "is_system": True}
            created = connection.execute(insert(app_user).values(values)).inserted_primary_key
            assert created is not None
            return Actor(created[0], SYSTEM_LOGIN, UserRole.ADMIN, name)
        return Actor(found.id, found.login, UserRole(found.role), found.display_name)


def real_account_count(reader: Connection | Session) -> int:
    query = select(func.count()).select_from(app_user).where(app_user.c.is_system.is_(False))
    return reader.execute(query).scalar() or 0


def needs_first_admin(db: Database) -> bool:
    """True on a new database: no account but the built-in setup account exists yet."""
    with db.connect() as connection:
        return real_account_count(connection) == 0
