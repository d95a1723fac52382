"""Is the data sound? SQLite's own checks, a dialect-neutral orphan check, and the
refusal raised when a database turns out damaged after an unclean shutdown.

Every function here only reads.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, and_, create_engine, func, select
from sqlalchemy.pool import NullPool

from sbpac_desktop.domain.errors import DatabaseError

MAX_REPORTED = 20  # problems listed per check; integrity_check itself stops after this many


def connect_unshared(path: Path) -> sqlite3.Connection:
    """Read-only connection to a file no program is writing (a backup, a file to restore).

    Without a -wal file every commit is in the main file and `immutable` reads it with no
    lock or side files at all; with one, plain read-only mode sees the WAL content.
    """
    has_wal = path.with_name(path.name + "-wal").exists()
    uri = path.absolute().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def connect_shared(path: Path) -> sqlite3.Connection:
    """Connection to a live database that the app may be using at the same time.

    Uses SQLite's normal locking (so a concurrent writer is seen consistently) and
    `query_only`, so nothing done through it can change the data.
    """
    uri = path.absolute().as_uri() + "?mode=rw"  # never creates a missing file
    conn = sqlite3.connect(uri, uri=True, timeout=15, isolation_level=None)
    conn.execute("PRAGMA query_only=ON")
    return conn


def integrity_problems(conn: sqlite3.Connection, limit: int = MAX_REPORTED) -> list[str]:
    """PRAGMA integrity_check: [] when the file is sound, else SQLite's findings."""
    try:
        rows = [str(row[0]) for row in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:  # a badly damaged file fails before it can report
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def file_integrity_problems(path: Path) -> list[str]:
    """integrity_check on a file nobody writes; an unreadable file is a problem, not an exception."""
    try:
        conn = connect_unshared(path)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return integrity_problems(conn)
    finally:
        conn.close()


def foreign_key_problems(conn: sqlite3.Connection, limit: int = MAX_REPORTED) -> list[str]:
    """PRAGMA foreign_key_check: rows that point at a parent that does not exist."""
    problems = []
    try:
        cursor = conn.execute("PRAGMA foreign_key_check")
        for table, rowid, parent, _fk in cursor:
            problems.append(f"{table} rowid {rowid} -> {parent}")
            if len(problems) >= limit:
                break
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return problems


def orphan_problems(connection: Connection, metadata: MetaData, limit: int = MAX_REPORTED) -> list[str]:
    """Rows whose foreign key value has no parent row, for any dialect (PostgreSQL too).

    PostgreSQL enforces the constraints itself, so this finds only what a disabled
    trigger, a manual `session_replication_role` or a restore without constraints let in.
    """
    problems = []
    for table in metadata.sorted_tables:
        for fk in table.foreign_key_constraints:
            parent = fk.referred_table.alias("parent")
            pairs = list(zip(fk.columns, fk.elements, strict=True))
            present = and_(*(child_col.is_not(None) for child_col, _ in pairs))
            joined = table.outerjoin(
                parent, and_(*(child_col == parent.c[el.column.name] for child_col, el in pairs))
            )
            missing = parent.c[pairs[0][1].column.name].is_(None)
            count = connection.scalar(select(func.count()).select_from(joined).where(present, missing))
            if count:
                columns = ", ".join(col.name for col, _ in pairs)
                problems.append(f"{table.name}.{columns} -> {fk.referred_table.name}: {count}")
            if len(problems) >= limit:
                return problems
    return problems


class DamagedDatabase(DatabaseError):
    """integrity_check failed: the file must be restored from a backup, not used."""

    def __init__(self, message_th: str, message_en: str, newest_backup: Path | None) -> None:
        super().__init__(message_th, message_en)
        self.newest_backup = newest_backup


def damaged_database_error(db_path: Path, problems: list[str], newest_backup: Path | None) -> DamagedDatabase:
    """The refusal after an unclean shutdown revealed damage: never open such a file silently."""
    first = problems[0] if problems else "?"
    if newest_backup is not None:
        advice_th = (
            f"โปรดกู้คืนจากสำเนาสำรองล่าสุดที่ใช้ได้: {newest_backup} "
            f'ด้วยคำสั่ง sbpac-desktop --db "{db_path}" restore "{newest_backup}"'
        )
        advice_en = f"restore from the newest good backup: {newest_backup}"
    else:
        advice_th = "ไม่พบสำเนาสำรองที่ใช้ได้ในโฟลเดอร์ backups — โปรดแจ้งผู้ดูแลระบบ"
        advice_en = "no good backup was found in the backups folder; contact the administrator"
    return DamagedDatabase(
        f"ฐานข้อมูล {db_path} เสียหาย (ตรวจพบหลังโปรแกรมปิดไม่สมบูรณ์ครั้งก่อน: {first}) — "
        f"ไม่ได้เปิดใช้งานไฟล์นี้ {advice_th}",
        f"Database {db_path} is damaged (found after an unclean shutdown: {first}); it was not opened; {advice_en}",
        newest_backup,
    )


def shared_read_engine(path: Path) -> Engine:
    """A SQLAlchemy engine over `connect_shared`: ORM reads of a live file, no writes possible."""
    return create_engine("sqlite://", creator=lambda: connect_shared(path), poolclass=NullPool)
