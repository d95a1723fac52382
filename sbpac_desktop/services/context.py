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
    """The built-in user that acts until sign-in exists (created on first use)."""
    with db.unit_of_work() as session:
        user = session.scalar(select(User).where(User.login == SYSTEM_LOGIN))
        if user is None:
            user = User(
                login=SYSTEM_LOGIN,
                display_name="ผู้ดูแลระบบ (ในตัวโปรแกรม)",
                role=UserRole.ADMIN.value,
                is_system=True,
            )
            session.add(user)
            session.flush()
        return Actor(user.id, user.login, UserRole(user.role), user.display_name)
