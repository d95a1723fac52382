"""A save the disk refuses: full (RLIMIT_FSIZE in a child process, so nothing else on the
machine fills up) or a database file that became read-only. The clerk reads a Thai
sentence that says the previous data is intact — and it is."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveInput
from sbpac_desktop.store.engine import write_error
from sbpac_desktop.store.location import resolve_location

ROOT = Path(__file__).resolve().parents[2]
ISSUED = "2019-10-22"
ISSUED_ON, DUE_ON = date(2019, 10, 22), date(2019, 12, 31)

PRELUDE = """
import json, os, resource, signal, sys
from datetime import date
from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.directives.directives import DirectiveInput

def attempt(ctx, text):
    try:
        data = DirectiveInput(text, date(2019, 10, 22), due_on=date(2019, 12, 31))
        directives.create_directive(ctx.db, ctx.actor, data)
    except DatabaseError as error:
        return {"type": "DatabaseError", "message": error.message_th}
    except Exception as error:  # anything else is a bug the test must show
        return {"type": type(error).__name__, "message": str(error)}
    return {"type": "saved"}
"""

DISK_FULL = PRELUDE + textwrap.dedent(
    """
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing us
    db = sys.argv[1]
    ctx = open_app(db)
    largest = max(os.path.getsize(db + suffix) for suffix in ("", "-wal") if os.path.exists(db + suffix))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 4096, hard))
    failed = attempt(ctx, "ข้อสั่งการที่ดิสก์เต็ม " + "ข" * 400_000)
    resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))  # space freed: the next save works
    after = attempt(ctx, "ข้อสั่งการหลังมีพื้นที่")
    ctx.close()
    print(json.dumps({"failed": failed, "after": after}))
    """
)

READ_ONLY = PRELUDE + textwrap.dedent(
    """
    db = sys.argv[1]
    # Modules imported on first use (pythainlp, stdlib readers) are loaded now: on this test machine
    # the interpreter lives under /root, which the ordinary user below cannot read.
    from sbpac_desktop.thai.normalize import normalize_text
    normalize_text("ข้อสั่งการ")
    if os.getuid() == 0:  # root writes anyway: act as an ordinary user, like a clerk's account
        os.setgid(int(sys.argv[3]))
        os.setuid(int(sys.argv[2]))
    ctx = open_app(db)
    os.chmod(db, 0o444)  # the file turns read-only while the program is open
    ctx.db.engine.dispose()  # the next save opens a fresh connection, as after a pool timeout
    failed = attempt(ctx, "ข้อสั่งการบนไฟล์อ่านอย่างเดียว")
    os.chmod(db, 0o644)  # the administrator gives write permission back …
    ctx.close()
    print(json.dumps({"failed": failed}))
    """
)


def _seed(db: Path) -> list[tuple[int, str]]:
    ctx = open_app(str(db), create=True)
    try:
        for n in range(5):
            data = DirectiveInput(f"ข้อสั่งการเดิม {n}", ISSUED_ON, due_on=DUE_ON)
            directives.create_directive(ctx.db, ctx.actor, data)
    finally:
        ctx.close()
    return _rows(db)


def _rows(db: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return conn.execute("SELECT id, text FROM directive ORDER BY id").fetchall()
    finally:
        conn.close()


def _child(script: str, *args: str) -> dict[str, dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_disk_full_during_a_save(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    before = _seed(db)
    result = _child(DISK_FULL, str(db))
    failed = result["failed"]
    assert failed["type"] == "DatabaseError", failed
    assert "บันทึกไม่สำเร็จ" in failed["message"] and "ข้อมูลเดิมยังอยู่ครบ" in failed["message"]
    assert "ดิสก์" in failed["message"]
    print(f"\ndisk full during a save: {failed['message']}")
    assert result["after"] == {"type": "saved"}
    rows = _rows(db)
    assert rows[: len(before)] == before  # every earlier row, unchanged
    assert [text for _, text in rows[len(before) :]] == ["ข้อสั่งการหลังมีพื้นที่"]  # nothing of the failed one


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder an ordinary account can reach (pytest's own tmp is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="sbpac-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_read_only_file_during_a_save(open_folder: Path) -> None:
    db = open_folder / "ro.db"
    before = _seed(db)
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no 'nobody' account to act as an ordinary user")
    if os.getuid() == 0:
        for path in (open_folder, *open_folder.iterdir()):
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
    result = _child(READ_ONLY, str(db), str(nobody.pw_uid), str(nobody.pw_gid))
    failed = result["failed"]
    assert failed["type"] == "DatabaseError", failed
    assert "อ่านได้อย่างเดียว" in failed["message"] and "ข้อมูลเดิมยังอยู่ครบ" in failed["message"]
    ctx = open_app(str(db))  # … and the program is opened again, as the message says
    try:
        data = DirectiveInput("ข้อสั่งการหลังเปิดสิทธิ์", ISSUED_ON, due_on=DUE_ON)
        directives.create_directive(ctx.db, ctx.actor, data)
    finally:
        ctx.close()
    rows = _rows(db)
    assert rows[: len(before)] == before
    assert [text for _, text in rows[len(before) :]] == ["ข้อสั่งการหลังเปิดสิทธิ์"]


@pytest.mark.parametrize(
    ("sqlite_message", "expected"),
    [
        ("database or disk is full", "พื้นที่ดิสก์เต็ม"),
        ("attempt to write a readonly database", "อ่านได้อย่างเดียว"),
        ("disk I/O error", "เขียนข้อมูลลงดิสก์ไม่ได้"),
        ("database is locked", "ลองบันทึกอีกครั้ง"),
    ],
)
def test_sqlite_write_errors_map_to_thai(tmp_path: Path, sqlite_message: str, expected: str) -> None:
    location = resolve_location(str(tmp_path / "x.db"))
    error = write_error(location, OperationalError("INSERT …", {}, sqlite3.OperationalError(sqlite_message)))
    assert isinstance(error, DatabaseError) and expected in error.message_th
