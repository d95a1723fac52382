"""Password hashes (argon2id) and the sign-in that changes nothing, over the Core accounts table.

A sign-in that succeeds with nothing to record (a known account, not locked, no wrong password
counted since the last success, a hash with today's parameters) writes nothing, so it is settled
here with one Core SELECT and the password's check: a document command of a signed-in user then
runs without loading the ORM (issue #16). Anything else (an unknown login, a locked or deactivated
account, a wrong password, a failure count to reset, a hash to upgrade, a PostgreSQL connection
whose role may not read hashes) is services/auth.py's `sign_in`, which reuses the check made here
so a password is verified once, as before (the time a refusal takes does not tell who exists)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.services.context import Actor, system_actor
from sbpac_desktop.store.database import Database
from sbpac_desktop.store.tables import app_user

# argon2-cffi's defaults are argon2id with the RFC 9106 low-memory profile; a hash made with
# other parameters is upgraded on the next successful sign-in (check_needs_rehash).
HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def normalize_login(login: str) -> str:
    return login.strip().lower()


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    return hash_password("not a password of anyone")


def verify(stored: str | None, password: str) -> bool:
    if stored is None:
        return False
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class PasswordCheck:
    """What `check_quietly` found: the signed-in actor when nothing is left to record, else the
    stored hash it verified the password against (if any) and the answer, for `sign_in` to reuse."""

    actor: Actor | None = None
    checked_hash: str | None = None
    matched: bool = False

    def verifies(self, stored: str | None, password: str) -> bool:
        """The password against `stored`: the answer already found if it is the hash checked."""
        if stored is not None and stored == self.checked_hash:
            return self.matched
        return verify(stored, password)


def check_quietly(db: Database, login: str, password: str) -> PasswordCheck:
    """The actor if this sign-in succeeds and has nothing to write; else what was checked."""
    if db.engine.dialect.name == "postgresql":
        return PasswordCheck()  # a login role may not read hashes: auth.sign_in asks the server
    system_actor(db)  # the setup account that writes failures exists, as auth.sign_in makes sure
    columns = (app_user.c.id, app_user.c.login, app_user.c.role, app_user.c.display_name)
    state = (app_user.c.password_hash, app_user.c.locked, app_user.c.failed_logins)
    query = select(*columns, *state).where(
        app_user.c.login == normalize_login(login), app_user.c.is_system.is_(False)
    )
    with db.connect() as connection:
        found = connection.execute(query).first()
    if found is None or found.locked or found.password_hash is None:
        return PasswordCheck()  # unknown, locked or deactivated: sign_in refuses and records it
    matched = verify(found.password_hash, password)
    if not matched or found.failed_logins or HASHER.check_needs_rehash(found.password_hash):
        return PasswordCheck(checked_hash=found.password_hash, matched=matched)
    return PasswordCheck(actor=Actor(found.id, found.login, UserRole(found.role), found.display_name))
