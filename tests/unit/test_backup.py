"""Online backups on real SQLite files: consistent, verified before anything is replaced, rotated."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.admin import maintenance
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.store import backup as backups
from sbpac_desktop.store import migrate
from sbpac_desktop.store.integrity import file_integrity_problems


def demo_database(folder: Path, name: str = "sbpac.db") -> Path:
    path = folder / name
    ctx = open_app(str(path), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    return path


def corrupt_index(path: Path, index: str = "ix_meeting_date") -> None:
    """Overwrite one index page with garbage, as a torn write on a failing disk would."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(os.urandom(page_size))


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_backup_is_a_sound_self_contained_copy(tmp_path):
    db = demo_database(tmp_path)
    target = tmp_path / "copy.db"
    source = sqlite3.connect(db)
    backups.write_verified_copy(source, target)
    source.close()
    assert file_integrity_problems(target) == []
    assert rows(target, "PRAGMA journal_mode") == [("delete",)]  # one file, no -wal/-shm needed
    assert rows(target, "SELECT * FROM directive ORDER BY id") == rows(db, "SELECT * FROM directive ORDER BY id")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "sbpac.db"]  # no temp file left


def test_backup_during_writes_is_consistent(tmp_path):
    """Another connection keeps writing; every backup shows a whole number of transactions."""
    db = tmp_path / "busy.db"
    setup = sqlite3.connect(db, isolation_level=None)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)")
    setup.execute("INSERT INTO ledger (amount) VALUES (1000)")
    setup.close()
    stop = threading.Event()

    def writer() -> None:  # moves money between two rows: the sum is always 1000
        conn = sqlite3.connect(db, isolation_level=None, timeout=10)
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO ledger (amount) VALUES (1)")
            conn.execute("UPDATE ledger SET amount = amount - 1 WHERE id = 1")
            conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for number in range(5):
            source = sqlite3.connect(db, timeout=10)
            target = tmp_path / f"b{number}.db"
            backups.write_verified_copy(source, target)
            source.close()
            assert rows(target, "SELECT SUM(amount) FROM ledger") == [(1000,)]
    finally:
        stop.set()
        thread.join()


def test_a_copy_that_fails_verification_replaces_nothing(tmp_path):
    db = demo_database(tmp_path)
    target = tmp_path / "previous-good.db"
    target.write_bytes(b"the last good copy")
    corrupt_index(db)
    source = sqlite3.connect(db)
    with pytest.raises(DatabaseError, match="integrity_check"):
        backups.write_verified_copy(source, target)
    source.close()
    assert target.read_bytes() == b"the last good copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["previous-good.db", "sbpac.db"]


def test_pre_migration_backup_goes_through_the_backup_module(tmp_path):
    db = demo_database(tmp_path)
    ctx = open_app(str(db))
    try:
        made = migrate.backup_sqlite(ctx.db.engine, ctx.db.location, None)
    finally:
        ctx.close()
    assert made.parent == tmp_path / "backups"
    parsed = backups.parse_backup_name(made, "sbpac")
    assert parsed is not None and parsed.reason == "pre-migration"
    assert file_integrity_problems(made) == []


def test_backup_on_close_for_the_gui(tmp_path):
    db = demo_database(tmp_path)
    ctx = open_app(str(db))
    try:
        first = maintenance.backup_on_close(ctx)
        second = maintenance.backup_on_close(ctx)
    finally:
        ctx.close()
    assert first is not None and second is not None and first != second
    assert [b.path for b in backups.list_backups(db)] == [second, first]
    assert {b.reason for b in backups.list_backups(db)} == {"on-close"}


def _fake(folder: Path, when: datetime, n: int = 1, reason: str = "on-close") -> backups.BackupFile:
    suffix = f"-{n}" if n > 1 else ""
    path = folder / f"sbpac-{when.strftime(backups.STAMP_FORMAT)}{suffix}-{reason}.db"
    return backups.BackupFile(path, when, n, reason)


def test_rotation_policy_last_ten_daily_seven_weekly_eight():
    now = datetime(2025, 3, 31, 18, 0)  # a Monday
    folder = Path("/nowhere")
    made = []
    # A busy day: 12 backups today; then one backup at 09:00 and one at 17:00 on each of 80 earlier days.
    made += [_fake(folder, now - timedelta(minutes=10 * i)) for i in range(12)]
    for day in range(1, 81):
        for hour in (9, 17):
            made.append(_fake(folder, (now - timedelta(days=day)).replace(hour=hour)))
    keep = backups.backups_to_keep(made)
    by_path = {b.path: b for b in made}
    kept = sorted((by_path[p] for p in keep), key=lambda b: b.sort_key, reverse=True)
    newest_ten = sorted(made, key=lambda b: b.sort_key, reverse=True)[:10]
    assert set(newest_ten) <= set(kept)
    days = {b.taken_at.date() for b in kept}
    for day in range(7):  # the newest of each of the 7 most recent days with backups
        date = (now - timedelta(days=day)).date()
        newest_that_day = max((b for b in made if b.taken_at.date() == date), key=lambda b: b.sort_key)
        assert newest_that_day in kept and date in days
    weeks = {b.taken_at.isocalendar()[:2] for b in kept}
    assert len(weeks) == 8
    assert len(kept) <= backups.KEEP_LAST + backups.KEEP_DAILY + backups.KEEP_WEEKLY
    oldest_week = min(weeks)
    assert all(b.taken_at.isocalendar()[:2] >= oldest_week for b in kept)


def test_rotation_counts_days_that_have_backups_not_calendar_days():
    """A laptop left off for months still keeps its old backups (up to the policy's counts)."""
    folder = Path("/nowhere")
    old = [_fake(folder, datetime(2024, 1, 1, 9) + timedelta(days=7 * i)) for i in range(20)]
    keep = backups.backups_to_keep(old)
    assert len(keep) == 10  # 10 newest; the daily and weekly picks fall among them


def test_same_second_backups_get_a_sequence_number(tmp_path):
    now = datetime(2025, 1, 2, 3, 4, 5)
    first = backups.new_backup_path(tmp_path / "x.db", "manual", tmp_path, now)
    first.write_bytes(b"")
    second = backups.new_backup_path(tmp_path / "x.db", "manual", tmp_path, now)
    assert (first.name, second.name) == ("x-20250102-030405-manual.db", "x-20250102-030405-2-manual.db")
    parsed = backups.parse_backup_name(second, "x")
    assert parsed is not None and parsed.sequence == 2


def test_rotate_deletes_only_what_the_policy_drops_and_never_foreign_files(tmp_path):
    db = tmp_path / "sbpac.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2025, 1, 1, 8, 0)
    for i in range(15):  # one backup an hour, all on one day
        backups.new_backup_path(db, "on-close", folder, start + timedelta(hours=i)).write_bytes(b"")
    names = ("notes.txt", "sbpac-20240101-000000-damaged.db", "x-20240101-000000-manual.db")
    others = [folder / name for name in names]
    for other in others:
        other.write_bytes(b"")
    removed = backups.rotate(db)
    assert len(removed) == 5
    remaining = backups.list_backups(db)
    assert len(remaining) == 10 and remaining[0].taken_at == start + timedelta(hours=14)
    assert all(other.exists() for other in others)


def test_restoring_an_old_backup_never_rotates_it_away(tmp_path):
    db = demo_database(tmp_path)
    ctx = open_app(str(db))
    try:
        made = [maintenance.backup_on_close(ctx) for _ in range(backups.KEEP_LAST)]
    finally:
        ctx.close()
    oldest = made[0]
    assert oldest is not None
    result = maintenance.restore_from_file(str(db), str(oldest))
    assert oldest.exists() and result.previous_backup is not None and result.previous_backup.exists()
    assert len(backups.list_backups(db)) == backups.KEEP_LAST + 1  # the policy is applied again next time
    backups.rotate(db)
    assert not oldest.exists()


def test_find_newest_good_backup_skips_damaged_ones(tmp_path):
    db = demo_database(tmp_path)
    ctx = open_app(str(db))
    try:
        good = maintenance.backup_on_close(ctx)
        newer = maintenance.backup_on_close(ctx)
    finally:
        ctx.close()
    assert good is not None and newer is not None
    assert backups.find_newest_good_backup(db) == newer
    corrupt_index(newer)
    assert backups.find_newest_good_backup(db) == good
    assert backups.find_newest_good_backup(tmp_path / "never-backed-up.db") is None


def test_restore_into_the_live_file_keeps_the_lock_files_contract(tmp_path):
    """copy_into_live replaces content in place: same inode, WAL mode again, data of the source."""
    db = demo_database(tmp_path)
    empty = tmp_path / "empty.db"
    open_app(str(empty), create=True).close()
    inode = db.stat().st_ino
    backups.copy_into_live(empty, db)
    assert db.stat().st_ino == inode
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert rows(db, "SELECT COUNT(*) FROM directive") == [(0,)]


def test_sequence_runs_across_reasons_within_one_second(tmp_path):
    from datetime import datetime

    db = tmp_path / "sbpac.db"
    folder = tmp_path / "backups"
    folder.mkdir()
    moment = datetime(2026, 11, 25, 20, 55, 8)
    first = backups.new_backup_path(db, "on-close", folder, moment)
    first.write_bytes(b"")
    second = backups.new_backup_path(db, "on-close", folder, moment)
    second.write_bytes(b"")
    third = backups.new_backup_path(db, "pre-restore", folder, moment)
    assert (first.name, second.name, third.name) == (
        "sbpac-20261125-205508-on-close.db",
        "sbpac-20261125-205508-2-on-close.db",
        "sbpac-20261125-205508-3-pre-restore.db",
    )
