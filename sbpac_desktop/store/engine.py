"""Engines with the storage settings the design asks for.

SQLite: foreign keys on, WAL, synchronous FULL (a commit is on disk when it
returns), a busy timeout, and real transactions for DDL so a migration either
applies completely or not at all. PostgreSQL: a short connect timeout so an
unreachable server gives a message in seconds, not a hang, and no JIT compilation (see
`_pg_options`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store.location import DatabaseLocation

BUSY_TIMEOUT_MS = 15_000
PG_CONNECT_TIMEOUT_S = 5


def create_app_engine(location: DatabaseLocation) -> Engine:
    if location.is_sqlite:
        return _sqlite_engine(location)
    return create_engine(
        location.url,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": PG_CONNECT_TIMEOUT_S,
            "application_name": "sbpac-desktop",
            "options": _pg_options(location),
        },
    )


def _pg_options(location: DatabaseLocation) -> str:
    """The server options of every connection: the URL's own `options`, then `jit=off`.

    Why: the dashboard's and the tracker's aggregates over 100k directives are estimated costly
    enough for PostgreSQL to JIT-compile them, which took 0.3 s of a 0.7 s query on every run
    (compiled code is not cached between statements). The app's queries are short and
    index-driven; JIT only adds latency. A DBA may still turn it on for a login in the URL."""
    given = location.url.query.get("options", "")
    own = " ".join(given) if isinstance(given, tuple) else given
    return f"-c jit=off {own}".strip()


def _sqlite_engine(location: DatabaseLocation) -> Engine:
    engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions start:
        # the module's own handling commits before DDL and breaks atomic migrations.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so two writers wait for each
        # other (busy timeout) instead of failing on a lock upgrade.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def probe(engine: Engine, location: DatabaseLocation) -> None:
    """Open one connection now so a bad server or file fails here with a clear message."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as exc:
        raise connection_error(location, exc) from exc


def connection_error(location: DatabaseLocation, exc: BaseException) -> DatabaseError:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    if location.is_sqlite:
        return DatabaseError(
            f"เปิดฐานข้อมูล {location.display} ไม่ได้ ({detail})",
            f"Cannot open database {location.display} ({detail})",
        )
    return DatabaseError(
        f"เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล {location.display} ไม่ได้ — ตรวจสอบเครือข่ายหรือแจ้งผู้ดูแลระบบ ({detail})",
        f"Cannot connect to database server {location.display} ({detail})",
    )


# SQLite's words for a save the disk refused, and what a clerk should read instead. The
# transaction is rolled back in every case, so the previous data is intact: say so.
_WRITE_PROBLEMS = (
    (
        "database or disk is full",
        "บันทึกไม่สำเร็จ เพราะพื้นที่ดิสก์เต็ม — ข้อมูลเดิมยังอยู่ครบ โปรดลบไฟล์ที่ไม่ใช้หรือแจ้งผู้ดูแลระบบ แล้วบันทึกอีกครั้ง",
        "Not saved: the disk is full. The previous data is intact; free some space and save again",
    ),
    (
        "readonly database",
        "บันทึกไม่สำเร็จ เพราะไฟล์ฐานข้อมูลถูกตั้งให้อ่านได้อย่างเดียว — ข้อมูลเดิมยังอยู่ครบ โปรดให้ผู้ดูแลระบบเปิดสิทธิ์เขียนไฟล์ แล้วเปิดโปรแกรมใหม่",
        "Not saved: the database file is read-only. The previous data is intact",
    ),
    (
        "disk i/o error",
        "บันทึกไม่สำเร็จ เพราะเขียนข้อมูลลงดิสก์ไม่ได้ (ดิสก์อาจเต็มหรือมีปัญหา) — ข้อมูลเดิมยังอยู่ครบ โปรดตรวจสอบดิสก์แล้วบันทึกอีกครั้ง",
        "Not saved: the disk refused the write (full or failing). The previous data is intact",
    ),
    (
        "database is locked",
        "บันทึกไม่สำเร็จ เพราะฐานข้อมูลกำลังถูกใช้งานนานเกินไป — โปรดลองบันทึกอีกครั้ง",
        "Not saved: the database stayed busy too long; try again",
    ),
)


def write_error(location: DatabaseLocation, exc: BaseException) -> DatabaseError:
    """A failed save as the sentence a clerk needs (disk full, read-only file, I/O error)."""
    detail = str(getattr(exc, "orig", exc)).lower()
    if location.is_sqlite:
        for needle, message_th, message_en in _WRITE_PROBLEMS:
            if needle in detail:
                return DatabaseError(message_th, f"{message_en} ({location.display})")
    return connection_error(location, exc)
