"""kill -9 during the backup on close (issue #16: the window goes at once and the backup runs on
in the process). The child backs the database up again and again the way the GUI does on close;
it is killed while a backup is being written. After every kill the live database passes
integrity_check, every file named as a backup is a complete, verified copy, and the next backup
clears the temporary file the killed one left behind."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from sbpac_desktop.services.admin.maintenance import backup_on_close
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo import generate
from sbpac_desktop.store import backup
from sbpac_desktop.store.integrity import file_integrity_problems

RUNS = 4
MAX_RUNS = 20
ROOT = Path(__file__).resolve().parents[2]
CHILD = textwrap.dedent(
    """
    import sys
    from sbpac_desktop.services.app import open_app
    from sbpac_desktop.services.admin.maintenance import backup_on_close

    ctx = open_app(sys.argv[1])
    print("ready", flush=True)
    while True:
        print("saved", backup_on_close(ctx), flush=True)
    """
)


def _partials(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.partial-*")) if folder.exists() else []


def _kill_during_a_backup(database: Path, folder: Path, rng: random.Random) -> bool:
    """Start the child, kill it while a backup is being written; True if the kill left the
    child's own temporary file behind (looked at after it died: exact, whatever the load)."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(database)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while not _partials(folder) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.3))  # somewhere in the copy, the check or the fsync
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    return any(path.name.endswith(f"-{child.pid}") for path in _partials(folder))


def test_a_kill_during_the_backup_on_close_damages_nothing(tmp_path: Path) -> None:
    database = tmp_path / "live.db"
    ctx = open_app(str(database), create=True)
    try:
        generate.generate(ctx.db, ctx.actor, 3000, seed=3, as_of=date(2026, 11, 25))
    finally:
        ctx.close()
    folder = backup.backup_folder(database)
    rng = random.Random(16)
    # At least RUNS kills, the last one inside a backup: the next child's backup clears a dead
    # process's temporary file, so only the last kill's can still be there to look at. Under a
    # loaded machine a kill may land between two backups; that one just does not count.
    caught_writing: list[bool] = []
    while len(caught_writing) < MAX_RUNS and not (len(caught_writing) >= RUNS and caught_writing[-1]):
        caught_writing.append(_kill_during_a_backup(database, folder, rng))
    assert caught_writing[-1], f"no kill landed while a backup was being written: {caught_writing}"
    for complete in backup.list_backups(database):
        assert file_integrity_problems(complete.path) == [], complete.path
    with sqlite3.connect(database) as live:
        assert live.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _partials(folder), "the killed backups left no temporary file: the test saw nothing"
    ctx = open_app(str(database))
    try:
        saved = backup_on_close(ctx)
    finally:
        ctx.close()
    assert saved is not None and file_integrity_problems(saved) == []
    assert _partials(folder) == []  # the dead processes' temporary files are gone


def test_a_partial_of_a_running_process_is_kept(tmp_path: Path) -> None:
    import os

    mine = tmp_path / f".live-20261205-120000-on-close.db.partial-{os.getpid()}"
    dead = tmp_path / ".live-20261205-120000-on-close.db.partial-999999999"
    other = tmp_path / ".notes.partial-1"
    for path in (mine, dead, other):
        path.write_bytes(b"x")
    assert backup.remove_stale_partials(tmp_path) == [dead]
    assert mine.exists() and other.exists()
    assert backup.remove_stale_partials(tmp_path, now=time.time() + 2 * 24 * 3600) == [mine]


def test_a_dead_backups_wal_and_shm_are_cleared_too(tmp_path: Path) -> None:
    """The copy starts in the live file's WAL mode: a kill before it switches to DELETE leaves
    -wal and -shm beside the partial (seen in the kill test above); they go with it."""
    dead = tmp_path / ".live-20261205-120000-on-close.db.partial-999999999"
    companions = [dead.with_name(dead.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
    for path in (dead, *companions):
        path.write_bytes(b"x")
    assert sorted(backup.remove_stale_partials(tmp_path)) == sorted([dead, *companions])
    assert list(tmp_path.iterdir()) == []
