"""Data safety use cases: backup, restore, check, and the backup the GUI takes on close.

Concurrency (see store.instance_lock): `restore` takes the one-program-per-file lock,
so it is refused while the GUI or another command has the database open. `backup`
and `check` only read, through SQLite's normal locking with `query_only` on, so they
run safely next to a running GUI (an online backup is a consistent snapshot).

PostgreSQL: backup and restore are the server administrator's job (pg_dump); `check`
verifies references and the audit hash chain there as well.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services import audit_anchors
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.store import backup as backups
from sbpac_desktop.store import instance_lock, migrate
from sbpac_desktop.store.audit_chain import entry_hash  # the one formula the audit trail writes with
from sbpac_desktop.store.database import open_database
from sbpac_desktop.store.engine import connection_error, create_app_engine, probe
from sbpac_desktop.store.integrity import (
    connect_shared,
    connect_unshared,
    file_integrity_problems,
    foreign_key_problems,
    integrity_problems,
    orphan_problems,
    shared_read_engine,
)
from sbpac_desktop.store.location import (
    SQLITE_HEADER,
    DatabaseLocation,
    check_sqlite_file,
    read_file_header,
    resolve_location,
)
from sbpac_desktop.store.models import AuditEntry, Base

find_newest_good_backup = backups.find_newest_good_backup


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    database: Path
    previous_backup: Path | None  # the content replaced, saved first (verified)
    damaged_copy: Path | None  # when that content could not be backed up: the file moved aside
    migrated: bool
    seconds: float


@dataclass(frozen=True)
class CheckItem:
    label_th: str
    ok: bool
    detail_th: str = ""
    warnings_th: tuple[str, ...] = ()
    skipped: bool = False  # not run, because an earlier check showed the file is damaged


@dataclass(frozen=True)
class CheckReport:
    database: str
    items: tuple[CheckItem, ...]
    seconds: float
    newest_good_backup: Path | None = None

    @property
    def ok(self) -> bool:
        return all(item.ok for item in self.items)


@dataclass
class _Chain:
    count: int = 0
    broken: str | None = None
    forks: list[str] = field(default_factory=list)
    entries: list[tuple[int, str]] = field(default_factory=list)  # (id, hash), for the anchors


# --- backup -------------------------------------------------------------------------------


def backup_on_close(ctx: AppContext) -> Path | None:
    """For the GUI's close: a verified, rotated backup into backups/ (None for a server database)."""
    path = ctx.db.location.sqlite_path
    if path is None:
        return None
    return backups.backup_engine(ctx.db.engine, path, "on-close")


def backup_to_file(
    database: str | None,
    target: str | None,
    *,
    overwrite: bool = False,
    environ: Mapping[str, str] | None = None,
) -> BackupResult:
    """Online backup to `target` (temp file + rename, verified); no target: into backups/ with rotation."""
    started = time.perf_counter()
    path = _existing_sqlite(resolve_location(database, environ), "backup")
    source = _open_live(path)
    try:
        if target is None:
            written = backups.make_backup(source, path, "manual")
        else:
            written = _target_file(path, Path(target).expanduser().absolute(), overwrite)
            backups.write_verified_copy(source, written)
    finally:
        source.close()
    return BackupResult(written, written.stat().st_size, time.perf_counter() - started)


def _target_file(db_path: Path, target: Path, overwrite: bool) -> Path:
    try:
        return _checked_target(db_path, target, overwrite)
    except OSError as exc:  # e.g. a name over 255 bytes: is_dir()/exists() raise instead of answering
        raise DatabaseError(
            f"ใช้ไฟล์ปลายทาง {target.name[:60]}… ไม่ได้ ({exc.strerror or exc}) — ชื่อไฟล์อาจยาวเกินไป",
            f"Cannot use the target {target}: {exc}",
        ) from exc


def _checked_target(db_path: Path, target: Path, overwrite: bool) -> Path:
    if target.is_dir():
        return backups.new_backup_path(db_path, "manual", target)
    if not target.parent.is_dir():
        raise DatabaseError(f"ไม่พบโฟลเดอร์ {target.parent}", f"Folder {target.parent} does not exist")
    if target.exists() and db_path.exists() and target.samefile(db_path):
        raise DatabaseError(
            "ไฟล์ปลายทางคือฐานข้อมูลที่กำลังสำรอง — เลือกไฟล์อื่น",
            "The target is the database being backed up; choose another file",
        )
    if target.exists() and not overwrite:
        raise DatabaseError(
            f"มีไฟล์ {target} อยู่แล้ว — เลือกชื่ออื่น หรือใช้ --force เพื่อเขียนทับ",
            f"{target} already exists; choose another name or use --force",
        )
    return target


def _server_refusal(location: DatabaseLocation, action: str) -> DatabaseError:
    thai = {"backup": "สำรอง", "restore": "กู้คืน"}[action]
    return DatabaseError(
        f"ฐานข้อมูลบนเซิร์ฟเวอร์ PostgreSQL ({location.display}) ต้อง{thai}โดยผู้ดูแลระบบเซิร์ฟเวอร์ "
        f"ด้วย pg_dump / pg_restore — คำสั่ง {action} ใช้กับไฟล์ SQLite เท่านั้น",
        f"A PostgreSQL server database ({location.display}) is backed up and restored by its administrator "
        f"with pg_dump / pg_restore; '{action}' works on SQLite files only",
    )


def _existing_sqlite(location: DatabaseLocation, action: str) -> Path:
    if location.sqlite_path is None:
        raise _server_refusal(location, action)
    path = location.sqlite_path
    if not path.is_file():
        raise DatabaseError(f"ไม่พบไฟล์ฐานข้อมูล {path}", f"Database file {path} does not exist")
    migrate.sqlite_schema_state(path)  # refuses a file that is not SQLite, another program's, or newer
    return path


def _open_live(path: Path) -> sqlite3.Connection:
    try:
        return connect_shared(path)
    except sqlite3.Error as exc:
        raise DatabaseError(f"เปิดฐานข้อมูล {path} ไม่ได้ ({exc})", f"Cannot open database {path} ({exc})") from exc


# --- restore ------------------------------------------------------------------------------


def restore_from_file(database: str | None, source: str, environ: Mapping[str, str] | None = None) -> RestoreResult:
    """Replace the database's content with `source` (an app database, not newer, sound).

    Order: validate the source → take the lock (refused while the GUI has the file) → back up
    the current content → copy the source into the live file with the backup API → migrate
    when the source is older → release the lock (clearing any unclean-shutdown mark).
    """
    started = time.perf_counter()
    location = resolve_location(database, environ)
    if location.sqlite_path is None:
        raise _server_refusal(location, "restore")
    live = location.sqlite_path
    src = Path(source).expanduser().absolute()
    state = _validate_restore_source(src, live)
    check_sqlite_file(live, create=True)
    instance_lock.refuse_network_share(live)
    lock = instance_lock.acquire(live)
    try:
        previous, damaged = _save_current(live, src)
        backups.copy_into_live(src, live)
        open_database(str(live)).close()  # brings an older schema up to date (after its own backup)
        audit_anchors.forget_after_restore(audit_anchors.sqlite_key(live), datetime.now())
    finally:
        lock.release()
    migrated = state is migrate.SchemaState.OUTDATED
    return RestoreResult(src, live, previous, damaged, migrated, time.perf_counter() - started)


def _validate_restore_source(src: Path, live: Path) -> migrate.SchemaState:
    try:
        found = src.is_file()
    except OSError as exc:  # a name over 255 bytes raises (ENAMETOOLONG) instead of answering False
        raise DatabaseError(
            f"เปิดไฟล์ {src.name[:60]}… ไม่ได้ ({exc.strerror or exc})", f"Cannot open {src}: {exc}"
        ) from exc
    if not found:
        raise DatabaseError(f"ไม่พบไฟล์ {src}", f"File {src} does not exist")
    if live.exists() and src.samefile(live):
        raise DatabaseError(
            "ไฟล์ที่จะกู้คืนคือฐานข้อมูลที่ใช้อยู่ — เลือกไฟล์สำรอง",
            "The file to restore is the database itself; choose a backup file",
        )
    state = migrate.sqlite_schema_state(src)  # not SQLite, another program's, or newer: refused
    if state is migrate.SchemaState.EMPTY:
        raise DatabaseError(
            f"ไฟล์ {src} ไม่มีข้อมูลของโปรแกรม — ไม่ได้กู้คืน",
            f"{src} holds no data of this program; nothing was restored",
        )
    problems = file_integrity_problems(src) or _unshared_fk_problems(src)
    if problems:
        raise DatabaseError(
            f"ไฟล์ {src} เสียหาย (integrity_check / foreign_key_check: {problems[0]}) — ไม่ได้กู้คืน",
            f"{src} is damaged ({problems[0]}); nothing was restored",
        )
    return state


def _unshared_fk_problems(path: Path) -> list[str]:
    conn = connect_unshared(path)
    try:
        return foreign_key_problems(conn)
    finally:
        conn.close()


def _save_current(live: Path, source: Path) -> tuple[Path | None, Path | None]:
    """Back up what is about to be replaced; a file too damaged to back up is moved aside whole."""
    if not live.exists() or live.stat().st_size == 0:
        return None, None
    try:
        conn = connect_shared(live)
        try:
            return backups.make_backup(conn, live, "pre-restore", protect=[source]), None
        finally:
            conn.close()
    except (DatabaseError, sqlite3.Error):
        return None, backups.move_aside_damaged(live)


# --- check --------------------------------------------------------------------------------


def check_database(
    database: str | None, environ: Mapping[str, str] | None = None, paper: Sequence[str] = ()
) -> CheckReport:
    """integrity_check + foreign_key_check (SQLite) or an orphan check (PostgreSQL), and the audit chain."""
    started = time.perf_counter()
    location = resolve_location(database, environ)
    if location.sqlite_path is not None:
        items, newest = _check_sqlite(location.sqlite_path, paper)
    else:
        items, newest = _check_server(location, paper), None
    return CheckReport(location.display, tuple(items), time.perf_counter() - started, newest)


def _check_sqlite(path: Path, paper: Sequence[str]) -> tuple[list[CheckItem], Path | None]:
    _require_sqlite_header(path)
    conn = _open_live(path)
    try:
        integrity = integrity_problems(conn)
        fks = foreign_key_problems(conn) if not integrity else []
    finally:
        conn.close()
    items = [_item("ความสมบูรณ์ของไฟล์ (integrity_check)", integrity)]
    if integrity:  # a damaged file: say where the newest good copy is instead of reading on
        skipped = "ไม่ได้ตรวจ เพราะไฟล์เสียหาย"
        items += [
            CheckItem("การอ้างอิงระหว่างตาราง (foreign_key_check)", True, skipped, skipped=True),
            CheckItem("ห่วงโซ่บันทึกการแก้ไข (audit hash chain)", True, skipped, skipped=True),
        ]
        return items, backups.find_newest_good_backup(path)
    items.append(_item("การอ้างอิงระหว่างตาราง (foreign_key_check)", fks))
    if migrate.sqlite_schema_state(path) is migrate.SchemaState.EMPTY:  # refuses foreign / newer files
        return [*items, CheckItem("ห่วงโซ่บันทึกการแก้ไข (audit hash chain)", True, "ยังไม่มีข้อมูล")], None
    engine = shared_read_engine(path)
    try:
        items.append(_chain_item(engine, audit_anchors.Anchors(audit_anchors.sqlite_key(path), path, paper)))
    finally:
        engine.dispose()
    return items, None


def _require_sqlite_header(path: Path) -> None:
    if not path.is_file():
        raise DatabaseError(f"ไม่พบไฟล์ฐานข้อมูล {path}", f"Database file {path} does not exist")
    if read_file_header(path) != SQLITE_HEADER:
        raise DatabaseError(f"ไฟล์ {path} ไม่ใช่ฐานข้อมูลของโปรแกรม (ไม่ใช่ไฟล์ SQLite)", f"{path} is not a SQLite database")


def _check_server(location: DatabaseLocation, paper: Sequence[str]) -> list[CheckItem]:
    engine = create_app_engine(location)
    try:
        probe(engine, location)
        with engine.connect() as connection:
            if migrate.schema_state(connection) is migrate.SchemaState.EMPTY:
                return [CheckItem("โครงสร้างข้อมูล", False, "ฐานข้อมูลยังว่างอยู่ — ให้ผู้ดูแลระบบรันคำสั่ง init")]
            orphans = orphan_problems(connection, Base.metadata)
        anchors = audit_anchors.Anchors(audit_anchors.database_key(location.url), None, paper)
        return [_item("การอ้างอิงระหว่างตาราง (ตรวจหาข้อมูลกำพร้า)", orphans), _chain_item(engine, anchors)]
    except DBAPIError as exc:
        raise connection_error(location, exc) from exc
    finally:
        engine.dispose()


def _item(label: str, problems: list[str]) -> CheckItem:
    if not problems:
        return CheckItem(label, True)
    more = f" และอีก {len(problems) - 1} รายการ" if len(problems) > 1 else ""
    return CheckItem(label, False, f"พบปัญหา: {problems[0]}{more}")


def _chain_item(engine: Engine, anchors: audit_anchors.Anchors) -> CheckItem:
    label = "ห่วงโซ่บันทึกการแก้ไข (audit hash chain)"
    try:
        with Session(engine) as session:
            chain = verify_audit_chain(session)
    except Exception as exc:  # a damaged table: report it, the other checks already ran
        return CheckItem(label, False, f"อ่านบันทึกการแก้ไขไม่ได้ ({str(exc).splitlines()[0]})")
    if chain.broken:
        return CheckItem(label, False, chain.broken, tuple(chain.forks))
    # the chain holds together: does it still match what was anchored outside the database?
    findings = audit_anchors.compare(chain.entries, anchors)
    remarks = tuple(chain.forks) + tuple(f.text_th for f in findings if not f.serious)
    serious = [f.text_th for f in findings if f.serious]
    if serious:
        more = f" และอีก {len(serious) - 1} ข้อ" if len(serious) > 1 else ""
        return CheckItem(label, False, serious[0] + more, remarks)
    head = f" — ตรวจสอบ: {chain.count} · {chain.entries[-1][1][:8]}" if chain.entries else ""
    return CheckItem(label, True, f"ตรวจแล้ว {chain.count:,} รายการ ตรงกับจุดยึดภายนอก{head}", remarks)


def verify_audit_chain(session: Session) -> _Chain:
    """Recompute every entry's hash and link, oldest first; stop at the first broken entry.

    An entry whose prev_hash names an older entry than the one just before it is a fork:
    two programs appended at the same moment (possible on PostgreSQL). Reported as a
    warning, since every hash still verifies; a prev_hash naming no entry at all is a break.
    """
    chain = _Chain()
    previous: str | None = None
    seen: set[str] = set()
    query = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)
    for entry in session.scalars(query):
        chain.count += 1
        if entry_hash(entry) != entry.hash:
            chain.broken = f"{_describe(entry)}: เนื้อหาถูกแก้ไขหลังบันทึก (ค่า hash ไม่ตรง)"
            return chain
        if entry.prev_hash != previous:
            if entry.prev_hash is None or entry.prev_hash not in seen:
                chain.broken = f"{_describe(entry)}: ไม่ต่อกับรายการก่อนหน้า (มีรายการถูกลบ แทรก หรือแก้ไข)"
                return chain
            chain.forks.append(f"{_describe(entry)}: บันทึกพร้อมกับอีกรายการหนึ่ง (ห่วงโซ่แยกสาย)")
        seen.add(entry.hash)
        previous = entry.hash
        chain.entries.append((entry.id, entry.hash))
    return chain


def _describe(entry: AuditEntry) -> str:
    at = entry.at.strftime("%Y-%m-%d %H:%M:%S") if isinstance(entry.at, datetime) else "?"
    target = f"{entry.entity} #{entry.entity_id}" if entry.entity_id is not None else entry.entity
    return f"รายการที่ {entry.id} ({at}, {entry.action} {target})"
