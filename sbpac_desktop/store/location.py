"""Where the database lives: a SQLite file path or a SQLAlchemy URL, checked before anything is opened.

Every check here runs before a connection exists, so a wrong `--db` never leaves
an empty file, a -wal file or a half-created directory behind.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sbpac_desktop.domain.errors import DatabaseError

APP_NAME = "sbpac-desktop"
DEFAULT_FILE_NAME = "sbpac.db"
ENV_VAR = "SBPAC_DB"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class DatabaseLocation:
    url: URL
    sqlite_path: Path | None  # None for a server database
    is_default: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @property
    def display(self) -> str:
        """For the status bar and messages: never shows a password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)


def default_database_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILE_NAME


def resolve_location(argument: str | None, environ: Mapping[str, str] | None = None) -> DatabaseLocation:
    """`--db` wins over `SBPAC_DB`, which wins over the per-user default file."""
    environ = os.environ if environ is None else environ
    raw = argument or environ.get(ENV_VAR) or ""
    if not raw.strip():
        path = default_database_path()
        return DatabaseLocation(_sqlite_url(path), path, is_default=True)
    raw = raw.strip()
    if "://" in raw:
        return _location_from_url(raw)
    path = Path(raw).expanduser().absolute()
    return DatabaseLocation(_sqlite_url(path), path)


def _sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def _location_from_url(raw: str) -> DatabaseLocation:
    try:
        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseError(
            f"ที่อยู่ฐานข้อมูลไม่ถูกต้อง: {raw}",
            f"Not a valid database URL: {raw}",
        ) from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseError(
                "ต้องระบุไฟล์ฐานข้อมูล SQLite (ไม่รองรับฐานข้อมูลในหน่วยความจำ)",
                "A SQLite URL must name a file (in-memory databases are not supported)",
            )
        path = Path(url.database).expanduser().absolute()
        return DatabaseLocation(_sqlite_url(path), path)
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # the only PostgreSQL driver we ship
        if not url.host or not url.database:
            raise DatabaseError(
                "ที่อยู่ PostgreSQL ต้องมีชื่อเครื่องและชื่อฐานข้อมูล เช่น postgresql+psycopg://user@host/sbpac",
                "A PostgreSQL URL needs a host and a database, e.g. postgresql+psycopg://user@host/sbpac",
            )
        return DatabaseLocation(url, None)
    raise DatabaseError(
        f"ไม่รองรับฐานข้อมูลชนิด {backend} (รองรับ SQLite และ PostgreSQL)",
        f"Unsupported database type {backend} (SQLite and PostgreSQL are supported)",
    )


def check_sqlite_file(path: Path, *, create: bool) -> bool:
    """Refuse a path we must not touch; return True when the file already holds data."""
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseError(
            f"ไม่พบโฟลเดอร์ {folder} (ไม่ได้สร้างฐานข้อมูล)",
            f"Folder {folder} does not exist (no database was created)",
        )
    if path.exists():
        return _check_existing_file(path)
    if not create:
        raise DatabaseError(
            f"ไม่พบไฟล์ฐานข้อมูล {path} — ใช้คำสั่ง init เพื่อสร้างฐานข้อมูลใหม่",
            f"Database file {path} does not exist; run 'init' to create it",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _read_only(folder)
    return False


def read_file_header(path: Path) -> bytes:
    """The first 16 bytes, enough to tell a SQLite file from anything else (empty for an empty file)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"เปิดไฟล์ {path} ไม่ได้: ไม่มีสิทธิ์อ่าน", f"Cannot read {path}: {exc.strerror}") from exc


def _check_existing_file(path: Path) -> bool:
    if not path.is_file():
        raise DatabaseError(f"{path} ไม่ใช่ไฟล์ฐานข้อมูล", f"{path} is not a database file")
    header = read_file_header(path)
    if header and header != SQLITE_HEADER:
        raise DatabaseError(
            f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลของโปรแกรม (ไม่ใช่ไฟล์ SQLite) — ไม่ได้แก้ไขไฟล์นี้",
            f"{path} is not a SQLite database; it was left untouched",
        )
    # WAL mode writes -wal/-shm files next to the database, so the folder must be writable too.
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise _read_only(path)
    return bool(header)


def _read_only(path: Path) -> DatabaseError:
    return DatabaseError(
        f"ไม่มีสิทธิ์เขียนที่ {path} — เลือกตำแหน่งที่บันทึกได้ หรือแจ้งผู้ดูแลระบบ",
        f"{path} is read-only; choose a writable location",
    )
