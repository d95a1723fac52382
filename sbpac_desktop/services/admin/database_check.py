"""Look at a database before switching to it: the Settings page's "test connection".

Nothing is created, migrated or locked here: a SQLite file is read read-only by the store's
own schema check, a server gets one connection and a look at its schema version. Problems
come back as the store's DatabaseError (Thai and English, the password never shown); a
database that answers but is not ready is a result with `usable=False` and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.engine import URL

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.store import migrate
from sbpac_desktop.store.engine import create_app_engine, probe
from sbpac_desktop.store.location import DatabaseLocation, check_sqlite_file, resolve_location

_URL_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")
PASSWORD_FAILURES = ("password authentication failed", "no password supplied", "authentication failed")


@dataclass(frozen=True)
class DatabaseCheck:
    display: str  # path or URL without the password
    is_server: bool
    usable: bool  # "connect" would succeed now
    message_th: str
    message_en: str

    def message(self, language: str = "th") -> str:
        return self.message_en if language == "en" else self.message_th


def check_database(raw: str) -> DatabaseCheck:
    """What opening `raw` (a SQLite path or a PostgreSQL URL) would meet, without opening it."""
    if not raw or not raw.strip():
        raise DatabaseError("กรุณาระบุไฟล์ฐานข้อมูลหรือที่อยู่เซิร์ฟเวอร์", "Please give a database file or server URL")
    secret = None
    try:
        location = resolve_location(raw.strip(), {})
        secret = location.url.password
        if location.is_sqlite:
            return _check_file(location)
        return _check_server(location)
    except DatabaseError as error:
        hidden = without_password(error, None if secret is None else str(secret))
        if hidden is error:
            raise
        raise hidden from error


def _check_file(location: DatabaseLocation) -> DatabaseCheck:
    path = location.sqlite_path
    assert path is not None
    if not check_sqlite_file(path, create=False):
        return _result(location, False, "ไฟล์นี้ว่างเปล่า ยังไม่มีข้อมูลของโปรแกรม", "The file is empty")
    state = migrate.sqlite_schema_state(path)
    if state is migrate.SchemaState.OUTDATED:
        return _result(
            location,
            True,
            "เปิดใช้ได้ — โครงสร้างข้อมูลจะถูกปรับเป็นรุ่นปัจจุบันให้อัตโนมัติ (สำรองไฟล์ก่อน) เมื่อเปิดใช้",
            "Usable: the file will be upgraded (after a backup) when it is opened",
        )
    if state is migrate.SchemaState.EMPTY:
        return _result(location, False, "ไฟล์นี้ไม่มีข้อมูลของโปรแกรม", "The file holds no SBPAC data")
    return _result(location, True, "เปิดใช้ได้ — เป็นฐานข้อมูลของโปรแกรมรุ่นปัจจุบัน", "Usable: a current SBPAC database")


def _check_server(location: DatabaseLocation) -> DatabaseCheck:
    engine = create_app_engine(location)
    try:
        try:
            probe(engine, location)
        except DatabaseError as error:
            better = _password_error(error, location)
            if better is None:
                raise
            raise better from error
        with engine.connect() as connection:
            state = migrate.schema_state(connection)  # foreign or too-new databases raise here
    finally:
        engine.dispose()
    if state is migrate.SchemaState.EMPTY:
        return _result(
            location,
            False,
            "เชื่อมต่อได้ แต่ยังไม่ใช่ฐานข้อมูลของโปรแกรม (ฐานข้อมูลว่าง) — ผู้ดูแลระบบต้องรันคำสั่ง sbpac-desktop init กับฐานข้อมูลนี้ก่อน",
            "Connected, but this is not an SBPAC database yet (empty); the administrator must run 'init'",
        )
    if state is migrate.SchemaState.OUTDATED:
        return _result(
            location,
            False,
            "เชื่อมต่อได้ แต่ฐานข้อมูลบนเซิร์ฟเวอร์ต้องปรับรุ่นก่อนใช้งาน — โปรดแจ้งผู้ดูแลระบบให้รันคำสั่ง sbpac-desktop init",
            "Connected, but the server database needs upgrading; ask the administrator to run 'init'",
        )
    return _result(location, True, "เชื่อมต่อได้ — เป็นฐานข้อมูลของโปรแกรมรุ่นปัจจุบัน พร้อมใช้งาน", "Connected: ready")


def _result(location: DatabaseLocation, usable: bool, message_th: str, message_en: str) -> DatabaseCheck:
    return DatabaseCheck(location.display, not location.is_sqlite, usable, message_th, message_en)


def _password_error(error: DatabaseError, location: DatabaseLocation) -> DatabaseError | None:
    """The server's refusals a clerk can fix: the account or the database name."""
    cause = str(error.__cause__ or "").lower()
    user, where = location.url.username or "", location.display
    if any(marker in cause for marker in PASSWORD_FAILURES) or ('role "' in cause and "does not exist" in cause):
        return DatabaseError(
            f"ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (ผู้ใช้ {user} ที่ {where})",
            f"Wrong user name or password (user {user} at {where})",
        )
    if 'database "' in cause and "does not exist" in cause:
        name = location.url.database or ""
        return DatabaseError(
            f"ไม่พบฐานข้อมูลชื่อ {name} บนเซิร์ฟเวอร์ — ตรวจชื่อฐานข้อมูลในที่อยู่ หรือแจ้งผู้ดูแลระบบ",
            f"The server has no database named {name}",
        )
    return None


def hide_password(text: str, secret: str | None = None) -> str:
    """user:password@host in any URL inside `text` becomes user:***@host (and `secret` anywhere)."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return text.replace(secret, "***") if secret else text


def without_password(error: DatabaseError, secret: str | None) -> DatabaseError:
    """A driver message may quote the connection string: never let the password through."""
    message_th, message_en = hide_password(error.message_th, secret), hide_password(error.message_en, secret)
    if (message_th, message_en) == (error.message_th, error.message_en):
        return error
    return DatabaseError(message_th, message_en)


def location_to_remember(ctx: AppContext) -> str:
    """How this machine remembers the database for next time: the file's path, or the server's
    URL without the password (which stays with the user: ~/.pgpass or typed again)."""
    location = ctx.db.location
    if location.sqlite_path is not None:
        return str(location.sqlite_path)
    url = location.url  # URL.set(password=None) would keep the password: build it again without
    bare = URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)
    return bare.render_as_string(hide_password=False)
