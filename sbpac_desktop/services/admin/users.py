"""Accounts, for administrators: list, add, change role, reset password, unlock, deactivate.

Accounts are never deleted (the audit trail points at them); `deactivate` removes the
password and locks the account, `reset_password` brings it back. The database always keeps
one usable administrator, and an administrator cannot demote or deactivate themselves.
On PostgreSQL with the database roles installed (store/pg_roles.py), each change is mirrored
on the account's login role in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, NotFound, ValidationError
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services import auth
from sbpac_desktop.services.audit_trail import add_row, audit, change_row, snapshot
from sbpac_desktop.services.common import check_version, get_or_raise
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.permissions import MANAGE_USERS, require
from sbpac_desktop.store import pg_roles
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import Person, User


@dataclass(frozen=True)
class UserView:
    id: int
    login: str
    display_name: str
    role: UserRole
    person_id: int | None
    locked: bool
    active: bool
    failed_logins: int
    version: int


@dataclass(frozen=True)
class UserInput:
    login: str
    display_name: str
    role: UserRole | str
    password: str
    person_id: int | None = None


def parse_role(value: UserRole | str, field: str = "role") -> UserRole:
    """A role by its English name or its Thai label; a clear message for anything else."""
    if isinstance(value, UserRole):
        return value
    word = value.strip()
    for role in UserRole:
        if word.lower() == role.value or word == role.label:
            return role
    names = ", ".join(f"{r.value} ({r.label})" for r in UserRole)
    raise ValidationError.single(
        field, f"ไม่รู้จักบทบาท '{value}' — ใช้ได้: {names}", f"Unknown role '{value}' (use {names})"
    )


def install_server_roles(db: Database) -> bool:
    """PostgreSQL: (re)apply the database roles, grants and row-level security (run by init as
    the owner of the tables). False on SQLite, where only the services enforce roles."""
    if db.location.is_sqlite:
        return False
    with db.engine.begin() as connection:
        pg_roles.install(connection)
    return True


def _view(user: User) -> UserView:
    return UserView(
        user.id,
        user.login,
        user.display_name,
        UserRole(user.role),
        user.person_id,
        bool(user.locked),
        user.password_hash is not None,
        user.failed_logins or 0,
        user.version,
    )


def list_users(db: Database, actor: Actor) -> list[UserView]:
    require(actor, MANAGE_USERS, "ดูรายชื่อบัญชีผู้ใช้")
    with db.unit_of_work() as session:
        rows = session.scalars(select(User).where(User.is_system.is_(False)).order_by(User.login))
        return [_view(u) for u in rows]


def _find(session: Session, login_or_id: str | int) -> User:
    if isinstance(login_or_id, int):
        return get_or_raise(session, User, login_or_id, "บัญชีผู้ใช้")
    login = auth.normalize_login(login_or_id)
    user = session.scalar(select(User).where(User.login == login, User.is_system.is_(False)))
    if user is None:
        raise NotFound(f"ไม่พบบัญชีผู้ใช้ '{login}'", f"No account '{login}'")
    return user


def create_user(db: Database, actor: Actor, data: UserInput) -> UserView:
    require(actor, MANAGE_USERS, "เพิ่มบัญชีผู้ใช้")
    login = auth.normalize_login(data.login)
    checker = Checker()
    auth.check_login(checker, login)
    checker.required("display_name", data.display_name, "ชื่อที่แสดง", "Display name")
    checker.max_length("display_name", data.display_name, 200, "ชื่อที่แสดง")
    auth.check_password(checker, data.password)
    checker.raise_if_any()
    role = parse_role(data.role)
    with db.unit_of_work() as session:
        if session.scalar(select(User.id).where(User.login == login)) is not None:
            raise ConflictError(f"มีบัญชีชื่อ '{login}' อยู่แล้ว", f"Account '{login}' already exists")
        if data.person_id is not None:
            get_or_raise(session, Person, data.person_id, "บุคคล")
        user = User(
            login=login,
            display_name=data.display_name.strip(),
            role=role.value,
            person_id=data.person_id,
            password_hash=auth.hash_password(data.password),
            failed_logins=0,
            locked=False,
            is_system=False,
        )
        add_row(session, actor, user)
        pg_roles.create_login(session, login, role.value, data.password)
        return _view(user)


def _usable_admins(session: Session) -> int:
    query = (
        select(func.count())
        .select_from(User)
        .where(
            User.role == UserRole.ADMIN.value,
            User.is_system.is_(False),
            User.locked.is_(False),
            User.password_hash.is_not(None),
        )
    )
    return session.scalar(query) or 0


def _keep_an_admin(session: Session, actor: Actor, user: User, what_th: str) -> None:
    """Refuse a change that would leave nobody able to manage accounts."""
    if user.id == actor.user_id:
        raise ValidationError.single(
            "login",
            f"{what_th}บัญชีของตนเองไม่ได้ — ให้ผู้ดูแลระบบคนอื่นทำแทน",
            "You cannot do this to your own account; ask another administrator",
        )
    usable = user.role == UserRole.ADMIN.value and not user.locked and user.password_hash is not None
    if usable and _usable_admins(session) <= 1:
        raise ValidationError.single(
            "login",
            f"{what_th}ไม่ได้ เพราะ {user.login} เป็นผู้ดูแลระบบคนสุดท้าย — เพิ่มผู้ดูแลระบบคนอื่นก่อน",
            f"{user.login} is the last administrator; add another administrator first",
        )


def change_role(
    db: Database, actor: Actor, login_or_id: str | int, role: UserRole | str, expected_version: int | None = None
) -> UserView:
    require(actor, MANAGE_USERS, "เปลี่ยนบทบาทผู้ใช้")
    new_role = parse_role(role)
    with db.unit_of_work() as session:
        user = _find(session, login_or_id)
        check_version(user, expected_version, "บัญชีผู้ใช้")
        if user.role == new_role.value:
            return _view(user)
        if user.role == UserRole.ADMIN.value:
            _keep_an_admin(session, actor, user, "เปลี่ยนบทบาท")
        change_row(session, actor, user, role=new_role.value)
        pg_roles.set_group(session, user.login, new_role.value)
        return _view(user)


def reset_password(db: Database, actor: Actor, login_or_id: str | int, new_password: str) -> UserView:
    """Set a new password; this also unlocks (and reactivates) the account."""
    require(actor, MANAGE_USERS, "ตั้งรหัสผ่านใหม่")
    checker = Checker()
    auth.check_password(checker, new_password)
    checker.raise_if_any()
    with db.unit_of_work() as session:
        user = _find(session, login_or_id)
        change_row(session, actor, user, password_hash=auth.hash_password(new_password), failed_logins=0, locked=False)
        pg_roles.set_password(session, user.login, new_password)
        return _view(user)


def unlock(db: Database, actor: Actor, login_or_id: str | int) -> UserView:
    require(actor, MANAGE_USERS, "ปลดล็อกบัญชีผู้ใช้")
    with db.unit_of_work() as session:
        user = _find(session, login_or_id)
        if user.password_hash is None:
            raise ValidationError.single(
                "login",
                f"บัญชี {user.login} ถูกปิดใช้งาน — ตั้งรหัสผ่านใหม่ (reset-password) เพื่อเปิดใช้อีกครั้ง",
                f"Account {user.login} is deactivated; reset its password to reactivate it",
            )
        before = snapshot(user)
        user.locked = False
        user.failed_logins = 0
        audit(session, actor, "unlock", user, before)
        return _view(user)


def deactivate(db: Database, actor: Actor, login_or_id: str | int) -> UserView:
    """The account can no longer sign in; its name stays in the audit trail."""
    require(actor, MANAGE_USERS, "ปิดใช้งานบัญชีผู้ใช้")
    with db.unit_of_work() as session:
        user = _find(session, login_or_id)
        _keep_an_admin(session, actor, user, "ปิดใช้งาน")
        before = snapshot(user)
        user.password_hash = None
        user.locked = True
        audit(session, actor, "deactivate", user, before)
        pg_roles.disable_login(session, user.login)
        return _view(user)
