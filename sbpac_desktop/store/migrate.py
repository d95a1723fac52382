"""Schema versions: detect, refuse what is too new, back up, then upgrade in one transaction."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from enum import Enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store.location import DatabaseLocation

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
UPGRADE_LOCK_KEY = 0x5B9AC  # any constant shared by every copy of the app


class SchemaState(Enum):
    EMPTY = "empty"
    OUTDATED = "outdated"
    CURRENT = "current"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    heads = script_directory().get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def schema_state(connection: Connection) -> SchemaState:
    current = MigrationContext.configure(connection).get_current_revision()
    return _classify(current, has_tables=bool(inspect(connection).get_table_names()))


def _classify(current: str | None, *, has_tables: bool) -> SchemaState:
    if current is None:
        if has_tables:
            raise DatabaseError(
                "ฐานข้อมูลนี้เป็นของโปรแกรมอื่น (ไม่พบรุ่นของโครงสร้างข้อมูล) — ไม่ได้แก้ไขข้อมูล",
                "This database belongs to another program (no schema version); it was left untouched",
            )
        return SchemaState.EMPTY
    if current not in known_revisions():
        raise too_new_error(current)
    return SchemaState.CURRENT if current == head_revision() else SchemaState.OUTDATED


def too_new_error(revision: str) -> DatabaseError:
    return DatabaseError(
        f"ฐานข้อมูลนี้สร้างจากโปรแกรมรุ่นใหม่กว่า (รุ่นโครงสร้าง {revision}) — โปรดปรับรุ่นโปรแกรมก่อนใช้งาน",
        f"This database was made by a newer version of the app (schema {revision}); please upgrade the app",
    )


def sqlite_schema_state(path: Path) -> SchemaState:
    """Read-only look at an existing file, before any pragma or write can change it."""
    # Without a -wal file every commit is in the main file, so `immutable` reads it with
    # no lock files at all; with one, plain read-only mode sees the WAL (files exist already).
    has_wal = path.with_name(path.name + "-wal").exists()
    uri = path.absolute().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    try:
        with sqlite3.connect(uri, uri=True) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            current = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลที่ใช้ได้หรือเสียหาย ({exc}) — ไม่ได้แก้ไขไฟล์นี้",
            f"{path} is not a usable database or is damaged ({exc}); it was left untouched",
        ) from exc
    return _classify(current, has_tables=bool(tables - {"alembic_version"}))


def upgrade(engine: Engine, location: DatabaseLocation, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to head. SQLite: back the file up first; the upgrade is one transaction."""
    backup = None
    with engine.connect() as connection:
        state = schema_state(connection)
    if state is SchemaState.CURRENT:
        return None
    if location.is_sqlite and state is SchemaState.OUTDATED:
        backup = backup_sqlite(engine, location, backup_dir)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two administrators running init at once: the second waits, then finds it current.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK_KEY})")
        command.upgrade(alembic_config(connection), "head")
    return backup


def backup_sqlite(engine: Engine, location: DatabaseLocation, backup_dir: Path | None) -> Path:
    """Online backup API copy (consistent even with WAL), never a plain file copy."""
    assert location.sqlite_path is not None
    folder = backup_dir or location.sqlite_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{location.sqlite_path.stem}-{stamp}-pre-migration.db"
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        with destination:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        destination.close()
    finally:
        raw.close()
    return target
