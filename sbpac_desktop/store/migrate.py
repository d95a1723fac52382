"""Schema versions: detect, refuse what is too new, back up, then upgrade in one transaction."""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store import backup as backups
from sbpac_desktop.store.location import DatabaseLocation

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
UPGRADE_LOCK_KEY = 0x5B9AC  # any constant shared by every copy of the app
# The newest revision in migrations/versions (a unit test keeps it equal to alembic's head).
# A database already at it is recognised without importing alembic, which costs a command
# more than its own work; any other revision takes alembic's full path as before.
HEAD_REVISION = "0012_export_summary"
ALEMBIC_VERSION_TABLE = "alembic_version"


class SchemaState(Enum):
    EMPTY = "empty"
    OUTDATED = "outdated"
    CURRENT = "current"


def alembic_config(connection: Connection | None = None) -> Config:
    return _config(connection, MIGRATIONS_DIR)


def _config(connection: Connection | None, scripts: Path) -> Config:
    from alembic.config import Config  # imports alembic.command: only when migrating

    config = Config()
    config.set_main_option("script_location", str(scripts))
    config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return _scripts(MIGRATIONS_DIR)


def _scripts(scripts: Path) -> ScriptDirectory:
    """Read-only view of the migration scripts, without alembic's Config (which imports the
    command module: that is for upgrading, not for checking a schema at start-up)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(scripts))


def head_revision() -> str:
    return _head(script_directory())


def _head(script: ScriptDirectory) -> str:
    heads = script.get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def schema_state(connection: Connection) -> SchemaState:
    return _schema_state(connection, MIGRATIONS_DIR)


def _schema_state(connection: Connection, scripts: Path) -> SchemaState:
    if _is_known_head(scripts) and _stamped_revisions(connection) == [HEAD_REVISION]:
        return SchemaState.CURRENT
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    return _classify(current, has_tables=bool(inspect(connection).get_table_names()), scripts=scripts)


def _is_known_head(scripts: Path) -> bool:
    """HEAD_REVISION may be trusted only when no newer script sits beside it: a copy whose
    versions folder gained a migration (an update laid over the program, the installer's upgrade
    check) must take alembic's path, or the new schema would never be applied."""
    if scripts != MIGRATIONS_DIR:
        return False
    names = {entry.stem for entry in (scripts / "versions").glob("*.py") if not entry.stem.startswith("_")}
    return HEAD_REVISION in names and max(names) == HEAD_REVISION


def _stamped_revisions(connection: Connection) -> list[str]:
    """The rows of alembic_version, read without alembic (none when the table is missing)."""
    if not inspect(connection).has_table(ALEMBIC_VERSION_TABLE):
        return []
    rows = connection.exec_driver_sql(f"SELECT version_num FROM {ALEMBIC_VERSION_TABLE}")
    return [row[0] for row in rows]


def _classify(current: str | None, *, has_tables: bool, scripts: Path = MIGRATIONS_DIR) -> SchemaState:
    if current is None:
        if has_tables:
            raise DatabaseError(
                "ฐานข้อมูลนี้เป็นของโปรแกรมอื่น (ไม่พบรุ่นของโครงสร้างข้อมูล) — ไม่ได้แก้ไขข้อมูล",
                "This database belongs to another program (no schema version); it was left untouched",
            )
        return SchemaState.EMPTY
    if current == HEAD_REVISION and _is_known_head(scripts):
        return SchemaState.CURRENT
    script = _scripts(scripts)
    if current not in {rev.revision for rev in script.walk_revisions()}:
        raise too_new_error(current)
    return SchemaState.CURRENT if current == _head(script) else SchemaState.OUTDATED


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
    return upgrade_with_scripts(engine, location, MIGRATIONS_DIR, backup_dir)


def upgrade_with_scripts(
    engine: Engine, location: DatabaseLocation, scripts: Path, backup_dir: Path | None = None
) -> Path | None:
    """`upgrade` with an explicit migrations folder (tests inject a failing revision this way)."""
    backup = None
    with engine.connect() as connection:
        state = _schema_state(connection, scripts)
    if state is SchemaState.CURRENT:
        return None
    if location.is_sqlite and state is SchemaState.OUTDATED:
        backup = backup_sqlite(engine, location, backup_dir)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            _upgrade_sqlite(connection, scripts)
        else:
            with connection.begin():
                # Two administrators running init at once: the second waits, then finds it current.
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({UPGRADE_LOCK_KEY})")
                _upgrade_to_head(connection, scripts)
    return backup


def _upgrade_to_head(connection: Connection, scripts: Path) -> None:
    from alembic import command  # loaded only when upgrading: kept off the window's start-up path

    command.upgrade(_config(connection, scripts), "head")


def _upgrade_sqlite(connection: Connection, scripts: Path) -> None:
    """One transaction with foreign keys off, checked before commit (sqlite.org/lang_altertable.html).

    With them on, batch mode's copy-and-drop of a parent table would fire ON DELETE CASCADE
    and silently empty its child tables. The pragma only takes effect outside a transaction,
    so it is set on the raw connection before SQLAlchemy begins one.
    """
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            already = set(connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
            _upgrade_to_head(connection, scripts)
            dangling = [row for row in connection.exec_driver_sql("PRAGMA foreign_key_check") if row not in already]
            if dangling:  # only what this upgrade broke: old damage is `check`'s business, not a reason to lock out
                raise DatabaseError(
                    f"ปรับรุ่นฐานข้อมูลไม่สำเร็จ: ข้อมูลอ้างอิงไม่ครบ ({dangling[0][0]}) — ข้อมูลเดิมไม่เปลี่ยนแปลง",
                    f"Upgrade aborted: dangling references in {dangling[0][0]}; the data is unchanged",
                )
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def backup_sqlite(engine: Engine, location: DatabaseLocation, backup_dir: Path | None) -> Path:
    """Online backup API copy (consistent even with WAL), never a plain file copy; verified and rotated."""
    assert location.sqlite_path is not None
    return backups.backup_engine(engine, location.sqlite_path, "pre-migration", backup_dir)
