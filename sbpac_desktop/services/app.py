"""The front ends' door to the database: open it once, act as a user, close it.

Who acts (see services/auth.py): on a database without real accounts, the built-in setup
account; once an account exists, only a signed-in user — credentials given by the caller, or
SBPAC_USER/SBPAC_PASSWORD in the environment; otherwise opening is refused (deny by default).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sbpac_desktop.services.context import Actor, Credentials, needs_first_admin, system_actor
from sbpac_desktop.store import migrate
from sbpac_desktop.store.database import Database as Database  # re-exported: the front ends' handle type
from sbpac_desktop.store.database import open_database
from sbpac_desktop.store.location import resolve_location

USER_ENV = "SBPAC_USER"
PASSWORD_ENV = "SBPAC_PASSWORD"

# Called only when the database has accounts, so a prompt appears only when it is needed.
CredentialSource = Callable[[], Credentials | None]


@dataclass
class AppContext:
    db: Database
    actor: Actor

    @property
    def database_display(self) -> str:
        return self.db.location.display

    @property
    def is_server(self) -> bool:
        return not self.db.location.is_sqlite

    def close(self) -> None:
        self.db.close()


def open_app(
    database: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    create: bool = False,
    upgrade: bool = False,
    credentials: Credentials | CredentialSource | None = None,
) -> AppContext:
    env = os.environ if environ is None else environ
    db = open_database(database, environ, create=create, upgrade=upgrade)
    try:
        return AppContext(db, resolve_actor(db, env, credentials))
    except BaseException:
        db.close()
        raise


def open_unsigned(
    database: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    create: bool = False,
    upgrade: bool = False,
) -> Database:
    """Open without choosing who acts: the window asks for the first admin or a sign-in next;
    `init` works with the rights of the connection itself (file access, table owner)."""
    return open_database(database, environ, create=create, upgrade=upgrade)


def resolve_actor(
    db: Database,
    environ: Mapping[str, str],
    credentials: Credentials | CredentialSource | None = None,
) -> Actor:
    if needs_first_admin(db):
        return system_actor(db)
    from sbpac_desktop.services.passwords import check_quietly  # argon2: only where accounts exist

    given = credentials() if callable(credentials) else credentials
    if given is None:
        given = credentials_from_env(environ)
    checked = None if given is None else check_quietly(db, given.login, given.password)
    if checked is not None and checked.actor is not None:
        return checked.actor  # signed in with nothing to record: no ORM loaded (issue #16)
    from sbpac_desktop.services import auth  # a refusal, a failure to count, a hash to upgrade: the ORM's

    if given is None or checked is None:
        raise auth.sign_in_required_error()
    return auth.sign_in(db, given.login, given.password, checked)


def prepare_mappers() -> None:
    """Set up the ORM's mapped classes now: SQLAlchemy otherwise does it at the first query (about
    30 ms of Python on the 60-odd models). The window calls it on the helper thread that imports
    this layer (gui/app.py), so its first query, on the window's thread, does not pay for it."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def credentials_from_env(environ: Mapping[str, str]) -> Credentials | None:
    login, password = environ.get(USER_ENV, "").strip(), environ.get(PASSWORD_ENV)
    if login and password is not None:
        return Credentials(login, password)
    return None


def describe_location(database: str | None, environ: Mapping[str, str] | None = None) -> str:
    """What `--db`/`SBPAC_DB` resolve to, without opening anything."""
    return resolve_location(database, environ).display


def schema_revision() -> str:
    return migrate.head_revision()
