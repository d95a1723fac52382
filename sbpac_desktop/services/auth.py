"""Sign-in: argon2id password hashes, the first administrator, lockout after failed attempts.

Rules (documented for the README):
- While a database has no real account (a fresh file or server), the built-in setup account
  (`system`, see services/context.py) acts for setup commands and the first start of the window.
  It has no password and can never sign in.
- `create_first_admin` works only while no real account exists; afterwards every front end signs
  in through `sign_in` (the CLI with --user/SBPAC_USER and SBPAC_PASSWORD or a prompt).
- Five wrong passwords in a row lock the account; every failure and the lock are audited, and
  committed even though the sign-in itself fails. An administrator unlocks (services/admin/users.py).
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session, defer

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.domain.validation import Checker
from sbpac_desktop.services import dimensions, places
from sbpac_desktop.services.audit_trail import audit, snapshot
from sbpac_desktop.services.context import SYSTEM_LOGIN, Actor, system_actor
from sbpac_desktop.services.context import Credentials as Credentials  # where the front ends look
from sbpac_desktop.services.context import needs_first_admin as needs_first_admin
from sbpac_desktop.services.context import real_account_count as real_account_count
from sbpac_desktop.services.passwords import HASHER, PasswordCheck, check_quietly, dummy_hash
from sbpac_desktop.services.passwords import hash_password as hash_password  # where the callers look
from sbpac_desktop.services.passwords import normalize_login as normalize_login
from sbpac_desktop.store import pg_roles
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.models import User

log = logging.getLogger(__name__)

MAX_FAILED_SIGN_INS = 5
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200
LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{1,62}$")  # also a valid PostgreSQL role name
FIRST_ADMIN_LOCK = 0x5B9AE  # advisory-lock key: two first starts cannot both create an admin

class SignInFailed(PermissionDenied):
    """Wrong login or password (deliberately not saying which)."""


class AccountLocked(PermissionDenied):
    """Locked after too many wrong passwords, or switched off by an administrator."""


def check_login(checker: Checker, login: str) -> None:
    if not login:
        checker.add("login", "กรุณากรอกชื่อผู้ใช้", "Login is required")
    elif not LOGIN_PATTERN.match(login) or login == SYSTEM_LOGIN:
        checker.add(
            "login",
            f"ชื่อผู้ใช้ '{login}' ใช้ไม่ได้ — ใช้อักษรอังกฤษตัวเล็ก ตัวเลข . _ - ยาว 2–63 ตัว และขึ้นต้นด้วยตัวอักษร",
            f"Login '{login}' is not allowed: 2-63 lowercase letters, digits, . _ -, starting with a letter",
        )


def check_password(checker: Checker, password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        checker.add(
            field,
            f"รหัสผ่านต้องยาวอย่างน้อย {MIN_PASSWORD_LENGTH} ตัวอักษร",
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters long",
        )
    elif len(password) > MAX_PASSWORD_LENGTH:
        checker.add(
            field,
            f"รหัสผ่านยาวเกิน {MAX_PASSWORD_LENGTH} ตัวอักษร",
            f"The password is longer than {MAX_PASSWORD_LENGTH} characters",
        )
    elif not password.strip():
        checker.add(field, "รหัสผ่านต้องไม่เป็นช่องว่างล้วน", "The password cannot be only spaces")


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.login, UserRole(user.role), user.display_name)


def check_first_admin(login: str, display_name: str, password: str) -> str:
    """The first account's fields, checked before anything is written (`init --admin` checks them
    before it creates the database); the login as it will be stored."""
    login = normalize_login(login)
    checker = Checker()
    check_login(checker, login)
    checker.required("display_name", display_name, "ชื่อที่แสดง", "Display name")
    check_password(checker, password)
    checker.raise_if_any()
    return login


def create_first_admin(db: Database, login: str, display_name: str, password: str) -> Actor:
    """The administrator account asked for on the first start; refused once any account exists."""
    login = check_first_admin(login, display_name, password)
    # The window's first start on a new database (no `init` ran): the six development dimensions.
    dimensions.seed_new_database(db)
    places.sync_places(db)  # the southern border area's places (geothai), idempotent
    setup = system_actor(db)
    with db.unit_of_work() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": FIRST_ADMIN_LOCK})
        if real_account_count(session) > 0:
            raise PermissionDenied(
                "ฐานข้อมูลนี้มีบัญชีผู้ใช้แล้ว — ผู้ดูแลระบบเพิ่มบัญชีใหม่ได้จากเมนูผู้ใช้หรือคำสั่ง users add",
                "This database already has accounts; an administrator adds new ones",
            )
        user = User(
            login=login,
            display_name=display_name.strip(),
            role=UserRole.ADMIN.value,
            password_hash=hash_password(password),
            failed_logins=0,
            locked=False,
            is_system=False,
        )
        session.add(user)
        audit(session, setup, "create", user)
        pg_roles.create_login(session, login, UserRole.ADMIN.value, password)
        return actor_of(user)


def _refusal() -> SignInFailed:
    return SignInFailed("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "Wrong login or password")


def _locked_error(user: User) -> AccountLocked:
    if user.password_hash is None:
        return AccountLocked(
            f"บัญชี {user.login} ถูกปิดใช้งานแล้ว — โปรดติดต่อผู้ดูแลระบบ",
            f"Account {user.login} has been deactivated; contact the administrator",
        )
    return AccountLocked(
        f"บัญชี {user.login} ถูกล็อกเพราะใส่รหัสผ่านผิด {MAX_FAILED_SIGN_INS} ครั้ง — โปรดให้ผู้ดูแลระบบปลดล็อก",
        f"Account {user.login} is locked after {MAX_FAILED_SIGN_INS} wrong passwords; ask an administrator",
    )


def sign_in(db: Database, login: str, password: str, checked: PasswordCheck | None = None) -> Actor:
    """Check the password; count and audit failures (committed), lock at the fifth. A sign-in with
    nothing to record is settled over Core (passwords.check_quietly; `checked`: its answer, when the
    caller asked already), the rest here, with the password's check reused, not made twice."""
    login = normalize_login(login)
    checked = checked or check_quietly(db, login, password)
    if checked.actor is not None:
        return checked.actor
    setup = system_actor(db)  # failures are written by the program itself, not by whoever typed
    with db.unit_of_work() as session:
        restricted = pg_roles.hash_hidden(session)
        user = _load(session, login, restricted)
        if user is None:
            log.info("sign-in refused: unknown login %r", login)
            checked.verifies(dummy_hash(), password)  # as slow as a wrong password: timing does not tell who exists
            raise _refusal()
        if user.locked:
            audit(session, setup, "sign_in_refused", user, snapshot(user))
            refused: PermissionDenied = _locked_error(user)
        elif not checked.verifies(user.password_hash, password):
            refused = _record_failure(session, setup, user, restricted)
        else:
            return _succeed(session, user, password, restricted)
    # Only reached after the failure was committed by the unit of work above.
    log.info("sign-in refused for %s: %s", login, refused.message_en)
    raise refused


def _load(session: Session, login: str, restricted: bool) -> User | None:
    """The account row. On a PostgreSQL login role that may not read password hashes, only the
    connected login's own row can be checked (its hash comes through a SECURITY DEFINER function),
    and the row is detached so changes are written by that function, never by an UPDATE."""
    if restricted and login != pg_roles.session_login(session):
        raise SignInFailed(
            f"เชื่อมต่อฐานข้อมูลด้วยบัญชี {pg_roles.session_login(session)} — ลงชื่อเข้าใช้ได้เฉพาะบัญชีนี้",
            "On this server connection you can only sign in as the connected database login",
        )
    query = select(User).where(User.login == login, User.is_system.is_(False))
    if restricted:
        query = query.options(defer(User.password_hash))
    user = session.scalar(query)
    if user is None:
        return None
    if restricted:
        session.expunge(user)
        user.password_hash = pg_roles.own_password_hash(session)
    return user


def _record_failure(session: Session, setup: Actor, user: User, restricted: bool) -> PermissionDenied:
    before = snapshot(user)
    user.failed_logins = (user.failed_logins or 0) + 1
    if restricted:
        pg_roles.own_sign_in(session, ok=False)
    audit(session, setup, "sign_in_failed", user, before)
    if user.failed_logins < MAX_FAILED_SIGN_INS:
        return _refusal()
    before = snapshot(user)
    user.locked = True
    audit(session, setup, "lock", user, before)
    return _locked_error(user)


def _succeed(session: Session, user: User, password: str, restricted: bool) -> Actor:
    assert user.password_hash is not None
    # A restricted connection cannot store a new hash; an administrator's next sign-in will.
    needs_rehash = not restricted and HASHER.check_needs_rehash(user.password_hash)
    if user.failed_logins or needs_rehash:
        before = snapshot(user)
        user.failed_logins = 0
        if needs_rehash:
            user.password_hash = hash_password(password)
        if restricted:
            pg_roles.own_sign_in(session, ok=True)
        audit(session, actor_of(user), "update", user, before)
    return actor_of(user)


def sign_in_required_error() -> PermissionDenied:
    return PermissionDenied(
        "ฐานข้อมูลนี้มีบัญชีผู้ใช้แล้ว ต้องลงชื่อเข้าใช้ก่อน — ระบุ --user ชื่อผู้ใช้ (หรือ SBPAC_USER) "
        "แล้วใส่รหัสผ่านเมื่อถูกถาม (หรือ SBPAC_PASSWORD)",
        "This database has accounts: sign in with --user LOGIN (or SBPAC_USER) and a password "
        "(prompted, or SBPAC_PASSWORD)",
    )
