"""One program per database file, with real locks held by real second processes, and the
full integrity check after a crash (a damaged file is refused, naming the newest good backup)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.admin import maintenance
from sbpac_desktop.services.app import open_app
from sbpac_desktop.store import instance_lock
from sbpac_desktop.store.integrity import DamagedDatabase
from tests.unit.test_backup import corrupt_index, demo_database, rows

HOLDER = """
import os, sys
from sbpac_desktop.services.app import open_app
ctx = open_app(sys.argv[1])
print("ready", flush=True)
if sys.stdin.readline().strip() == "crash":
    os._exit(9)
ctx.close()
print("closed", flush=True)
"""

PROBE = """
import sys
from pathlib import Path
from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.store import instance_lock
try:
    instance_lock.acquire(Path(sys.argv[1]), wait_seconds=0).release()
except DatabaseError as error:
    print(error.message_th)
    sys.exit(1)
"""


class Holder:
    """Another process with the database open, as a running GUI has it."""

    def __init__(self, db: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "ready"

    def send(self, line: str) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.process.wait(timeout=30)


def other_process_can_lock(db: Path) -> bool:
    return subprocess.run([sys.executable, "-c", PROBE, str(db)], capture_output=True, timeout=60).returncode == 0


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def test_a_second_process_is_refused_with_the_holders_pid(db):
    holder = Holder(db)
    try:
        with pytest.raises(DatabaseError) as caught:
            instance_lock.acquire(db, wait_seconds=0)
        assert "กำลังถูกใช้งานโดยโปรแกรมอีกตัวหนึ่ง" in caught.value.message_th
        assert f"pid {holder.process.pid}" in caught.value.message_th
        assert "in use" in caught.value.message_en
    finally:
        assert holder.send("close") == 0
    assert not instance_lock.lock_path_for(db).exists()  # a clean close leaves nothing behind
    lock = instance_lock.acquire(db, wait_seconds=0)
    assert lock.unclean_shutdown is False
    lock.release()


def test_open_waits_briefly_for_a_short_command_to_finish(db):
    holder = Holder(db)
    threading.Timer(0.7, holder.send, args=("close",)).start()
    started = time.monotonic()
    lock = instance_lock.acquire(db, wait_seconds=10)
    assert 0.5 < time.monotonic() - started < 10
    lock.release()


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_a_crashed_holder_does_not_block_and_triggers_a_full_check(db, how):
    holder = Holder(db)
    if how == "kill":
        holder.process.kill()
        holder.process.wait(timeout=30)
    else:
        assert holder.send("crash") == 9
    assert instance_lock.lock_path_for(db).read_text()  # the stale marker is still there
    ctx = open_app(str(db))
    assert ctx.db.checked_after_unclean_shutdown is True
    assert not other_process_can_lock(db)
    ctx.close()
    assert not instance_lock.lock_path_for(db).exists()
    ctx = open_app(str(db))
    assert ctx.db.checked_after_unclean_shutdown is False
    ctx.close()


def test_the_same_process_may_open_twice_other_processes_still_may_not(db):
    first = open_app(str(db))
    second = open_app(str(db))
    first.close()
    assert not other_process_can_lock(db)
    second.close()
    assert other_process_can_lock(db)


def test_damage_found_after_a_crash_is_refused_naming_the_newest_good_backup(db):
    good = maintenance.backup_to_file(str(db), None).path
    holder = Holder(db)
    holder.send("crash")
    corrupt_index(db)
    for _attempt in range(2):  # refused again next time: the mark stays until the file is fixed
        with pytest.raises(DamagedDatabase) as caught:
            open_app(str(db))
        assert caught.value.newest_backup == good
        assert "เสียหาย" in caught.value.message_th and str(good) in caught.value.message_th
        assert "restore" in caught.value.message_th
    assert other_process_can_lock(db)  # refused, but the lock itself was given back

    result = maintenance.restore_from_file(str(db), str(good))
    assert result.damaged_copy is not None and result.damaged_copy.exists()
    assert result.previous_backup is None
    ctx = open_app(str(db))
    assert ctx.db.checked_after_unclean_shutdown is False
    ctx.close()
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT COUNT(*) FROM directive") == [(9,)]


def test_restore_is_refused_while_another_process_has_the_file(db, tmp_path):
    copy = maintenance.backup_to_file(str(db), str(tmp_path / "copy.db")).path
    holder = Holder(db)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseError, match="กำลังถูกใช้งาน"):
            maintenance.restore_from_file(str(db), str(copy))
        assert time.monotonic() - started >= instance_lock.LOCK_WAIT_SECONDS - 0.2
        # reading commands run alongside: an online backup and a check
        assert maintenance.check_database(str(db)).ok
        assert maintenance.backup_to_file(str(db), str(tmp_path / "while-open.db")).size_bytes > 0
    finally:
        holder.send("close")


def test_threads_of_one_process_share_the_lock(db):
    locks: list[instance_lock.InstanceLock] = []

    def take() -> None:
        locks.append(instance_lock.acquire(db, wait_seconds=0))

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(locks) == 8 and not other_process_can_lock(db)
    for lock in locks:
        lock.release()
    assert other_process_can_lock(db) and not instance_lock.lock_path_for(db).exists()
