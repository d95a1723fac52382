"""SQLite backups: online (backup API, never a file copy), verified, rotated.

Every backup is written to a hidden temporary file in the target folder with the
SQLite online backup API (a consistent snapshot even while the app writes, WAL
included), switched to a self-contained rollback-journal file, checked with
`PRAGMA integrity_check`, flushed to disk, and only then renamed into place. Nothing
is replaced or rotated away before the new copy has passed that check.

Automatic backups go to `backups/` beside the database, named
`<stem>-YYYYMMDD-HHMMSS[-n]-<reason>.db` (reason: pre-migration, pre-import, pre-restore,
on-close, manual). Rotation (`backups_to_keep`) keeps, among those files only:
  * the 10 newest;
  * the newest of each of the 7 most recent days that have a backup;
  * the newest of each of the 8 most recent ISO weeks that have a backup;
and deletes the rest: at most 25 files. Days and weeks "that have a backup" (not
calendar days) so that a laptop left off for a month still keeps a month-old
backup. Files of any other name in the folder (e.g. `-damaged.db`, kept when a
broken database was moved aside) are never deleted automatically.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store.integrity import connect_unshared, file_integrity_problems, integrity_problems

BACKUP_DIR_NAME = "backups"
KEEP_LAST = 10
KEEP_DAILY = 7
KEEP_WEEKLY = 8
STAMP_FORMAT = "%Y%m%d-%H%M%S"
REASONS = ("pre-migration", "pre-import", "pre-restore", "on-close", "manual")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    sequence: int  # several backups within one second: 1, 2, 3...
    reason: str

    @property
    def sort_key(self) -> tuple[datetime, int]:
        return (self.taken_at, self.sequence)


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def backup_error(target: Path, detail: str) -> DatabaseError:
    return DatabaseError(
        f"สำรองฐานข้อมูลไปที่ {target} ไม่สำเร็จ ({detail}) — ไม่ได้เปลี่ยนแปลงข้อมูลใด ๆ",
        f"Backup to {target} failed ({detail}); nothing was changed",
    )


# SQLite's companions of the temporary copy: the backup API copies the live file's WAL mode, so a
# process killed before the copy switches to journal_mode=DELETE leaves -wal and -shm behind.
_SIDECARS = ("-journal", "-wal", "-shm")


def write_verified_copy(source: sqlite3.Connection, target: Path) -> None:
    """Online backup of `source` into `target`: temp file, integrity_check, fsync, rename."""
    temp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        _copy_to_new_file(source, temp)
        problems = file_integrity_problems(temp)
        if problems:
            raise backup_error(target, f"สำเนาไม่ผ่านการตรวจ integrity_check: {problems[0]}")
        _fsync_file(temp)
        os.replace(temp, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise backup_error(target, str(exc)) from exc
    except OSError as exc:
        raise backup_error(target, exc.strerror or str(exc)) from exc
    finally:
        for leftover in (temp, *(temp.with_name(temp.name + suffix) for suffix in _SIDECARS)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _copy_to_new_file(source: sqlite3.Connection, temp: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    destination = sqlite3.connect(temp, isolation_level=None)
    try:
        source.backup(destination)  # all pages in one step: one consistent read snapshot
        # A backup must be one self-contained file, readable without -wal/-shm companions.
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; its rename is already durable once it returns
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


# --- automatic backups beside the database -----------------------------------------------


def new_backup_path(db_path: Path, reason: str, folder: Path | None = None, now: datetime | None = None) -> Path:
    folder = folder or backup_folder(db_path)
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    # The sequence runs across every reason within one second: a pre-restore copy taken in the
    # same second as an on-close copy must still sort as the newest, or rotation deletes it first.
    same_second = [b.sequence for b in list_backups(db_path, folder) if b.taken_at.strftime(STAMP_FORMAT) == stamp]
    if not same_second:
        return folder / f"{db_path.stem}-{stamp}-{reason}.db"
    sequence = max(same_second) + 1
    target = folder / f"{db_path.stem}-{stamp}-{sequence}-{reason}.db"
    while target.exists():
        sequence += 1
        target = folder / f"{db_path.stem}-{stamp}-{sequence}-{reason}.db"
    return target


def make_backup(
    source: sqlite3.Connection,
    db_path: Path,
    reason: str,
    folder: Path | None = None,
    protect: Iterable[Path] = (),
) -> Path:
    """Verified backup of the live database into backups/, then rotation (never of `protect`)."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    folder = folder or backup_folder(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise backup_error(folder, exc.strerror or str(exc)) from exc
    target = new_backup_path(db_path, reason, folder)
    remove_stale_partials(folder)
    write_verified_copy(source, target)
    rotate(db_path, folder, protect)
    return target


STALE_PARTIAL_SECONDS = 24 * 3600
_PARTIAL = re.compile(r"^\..+\.db\.partial-(?P<pid>\d+)(?:-journal|-wal|-shm)?$")


def remove_stale_partials(folder: Path, now: float | None = None) -> list[Path]:
    """Temporary files a killed backup left behind (the process ended before the rename, e.g.
    the computer was switched off during the backup on close). Only those of a process that no
    longer runs (POSIX) or older than a day: another instance may be writing one right now."""
    removed = []
    for path in folder.glob(".*.partial-*"):
        match = _PARTIAL.match(path.name)
        if match is None:
            continue
        with contextlib.suppress(OSError):
            old = (now or time.time()) - path.stat().st_mtime > STALE_PARTIAL_SECONDS
            if old or not _process_running(int(match["pid"])):
                path.unlink()
                removed.append(path)
    return removed


def _process_running(pid: int) -> bool:
    if os.name != "posix":
        return True  # no safe probe here (os.kill would signal it): age alone decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def backup_engine(engine: Engine, db_path: Path, reason: str, folder: Path | None = None) -> Path:
    """make_backup through a pooled connection of the app's own engine."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        return make_backup(driver, db_path, reason, folder)
    finally:
        raw.close()


def parse_backup_name(path: Path, stem: str) -> BackupFile | None:
    match = _NAME.match(path.name)
    if not match or match["stem"] != stem or match["reason"] not in REASONS:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return BackupFile(path, taken, int(match["n"] or 1), match["reason"])


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """This database's automatic backups, newest first."""
    folder = folder or backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = [b for p in folder.glob(f"{db_path.stem}-*.db") if (b := parse_backup_name(p, db_path.stem))]
    return sorted(found, key=lambda b: b.sort_key, reverse=True)


def backups_to_keep(backups: Iterable[BackupFile]) -> set[Path]:
    """The rotation policy (see the module docstring); pure, so it is tested with made-up dates."""
    ordered = sorted(backups, key=lambda b: b.sort_key, reverse=True)
    keep = {b.path for b in ordered[:KEEP_LAST]}
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for backup in ordered:  # newest first, so the first one seen in a bucket is its newest
        days.setdefault(backup.taken_at.date(), backup.path)
        weeks.setdefault(backup.taken_at.isocalendar()[:2], backup.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    return keep


def rotate(db_path: Path, folder: Path | None = None, protect: Iterable[Path] = ()) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps; return what was deleted.

    `protect`: files never deleted here (the backup a restore is reading from).
    """
    backups = list_backups(db_path, folder)
    keep = {p.absolute() for p in backups_to_keep(backups)} | {Path(p).absolute() for p in protect}
    removed = []
    for backup in backups:
        if backup.path.absolute() not in keep:
            try:
                backup.path.unlink()
            except FileNotFoundError:
                pass
            except OSError:  # e.g. open in another program on Windows: try again next time
                continue
            removed.append(backup.path)
    return removed


def find_newest_good_backup(db_path: Path) -> Path | None:
    """The newest automatic backup of db_path that passes integrity_check and is an app database."""
    for backup in list_backups(db_path):
        if not file_integrity_problems(backup.path) and _has_schema_version(backup.path):
            return backup.path
    return None


def _has_schema_version(path: Path) -> bool:
    try:
        conn = connect_unshared(path)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None


# --- restore --------------------------------------------------------------------------------


def copy_into_live(source_path: Path, live_path: Path) -> None:
    """Replace the content of the live file through the backup API, in one transaction.

    The caller holds the instance lock, so no other connection is open. A crash halfway
    leaves the old content (SQLite's rollback journal), never a mix.
    """
    source = connect_unshared(source_path)
    try:
        destination = sqlite3.connect(live_path, isolation_level=None)
        try:
            # WAL cannot change page size during a backup; the journal is only needed for the copy.
            destination.execute("PRAGMA journal_mode=DELETE")
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=WAL")
            problems = integrity_problems(destination)
        finally:
            destination.close()
    finally:
        source.close()
    if problems:
        raise DatabaseError(
            f"กู้คืนแล้วแต่ไฟล์ {live_path} ไม่ผ่านการตรวจ integrity_check ({problems[0]})",
            f"Restored, but {live_path} fails integrity_check ({problems[0]})",
        )


def move_aside_damaged(db_path: Path) -> Path:
    """Move a database that cannot even be backed up (with its -wal/-journal) into backups/.

    Moving, not copying: the damaged bytes are kept exactly, and no stale -wal stays
    behind to be replayed onto the restored file. Only with the instance lock held.
    """
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime(STAMP_FORMAT)
    target = folder / f"{db_path.stem}-{stamp}-damaged.db"
    sequence = 1
    while target.exists():
        sequence += 1
        target = folder / f"{db_path.stem}-{stamp}-{sequence}-damaged.db"
    os.replace(db_path, target)
    for suffix in ("-wal", "-journal"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    with contextlib.suppress(FileNotFoundError):
        db_path.with_name(db_path.name + "-shm").unlink()
    return target
