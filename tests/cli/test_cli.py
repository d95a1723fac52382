"""The command line end to end, as a clerk or a script runs it (a real process, real files)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop import __version__

STORY_DAY = "15/02/2563"  # `demo --as-of` the story's own day: the dates of docs/CONVENTIONS.md §7 (FY2563)


def run(*args: str, env_extra: dict[str, str] | None = None, user: str | None = None):
    env = {**os.environ, **(env_extra or {})}
    command = [sys.executable, "-m", "sbpac_desktop", *args]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_clean_failure(result, fragment: str) -> None:
    assert result.returncode != 0
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "x.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", STORY_DAY).returncode == 0
    return path


def test_init_demo_meetings_prints_the_seed_meeting(demo_db):
    result = run("--db", str(demo_db), "meetings")
    assert result.returncode == 0, result.stderr
    assert "ครั้งที่ 10/2562" in result.stdout
    assert "เมื่อวันอังคารที่ 22 ตุลาคม 2562" in result.stdout
    assert "ห้องประชุมเจริญจิตต์ ณ สงขลา" in result.stdout
    thai = run("--db", str(demo_db), "meetings", "--thai-digits")
    assert "ครั้งที่ ๑๐/๒๕๖๒" in thai.stdout and "๒๒ ตุลาคม ๒๕๖๒" in thai.stdout


def test_demo_twice_adds_nothing(demo_db):
    before = run("--db", str(demo_db), "directives", "--json").stdout
    result = run("--db", str(demo_db), "demo")
    assert result.returncode == 0 and "มีข้อมูลตัวอย่างอยู่แล้ว" in result.stdout
    assert run("--db", str(demo_db), "directives", "--json").stdout == before


def test_directives_with_derived_statuses(demo_db):
    result = run("--db", str(demo_db), "directives", "--fiscal-year", "2563", "--as-of", "15/02/2563", "--json")
    rows = json.loads(result.stdout)
    assert [r["number_text"] for r in rows][:2] == ["ขส. 001/2563", "ขส. 002/2563"]
    assert {r["status"] for r in rows} == {"done", "in_progress", "overdue", "not_started"}
    assert next(r for r in rows if r["seq"] == 4)["status_th"] == "เกินกำหนด (ล่าช้า 46 วัน)"
    text = run("--db", str(demo_db), "directives", "--status", "เกินกำหนด", "--as-of", "๑๕/๐๒/๒๕๖๓")
    assert text.stdout.count("[เกินกำหนด") == 2 and "รวม 2 ข้อสั่งการ" in text.stdout


def test_directives_by_assignee_and_meeting(demo_db):
    rows = json.loads(run("--db", str(demo_db), "directives", "--assignee", "บก.", "--json").stdout)
    assert {r["seq"] for r in rows} == {2, 6}
    rows = json.loads(run("--db", str(demo_db), "directives", "--meeting", "9/2562", "--json").stdout)
    assert [r["number_text"] for r in rows] == ["ขส. 001/2562"]


def test_version_and_help():
    assert run("--version").stdout.strip() == f"sbpac-desktop {__version__}"
    helped = run("--help")
    assert helped.returncode == 0 and "directives" in helped.stdout


def test_environment_variable_selects_the_database(demo_db):
    result = run("meetings", "--json", env_extra={"SBPAC_DB": str(demo_db)})
    assert len(json.loads(result.stdout)) == 2


def test_missing_directory_creates_nothing(tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "x.db"
    assert_clean_failure(run("--db", str(target), "init"), "ไม่พบโฟลเดอร์")
    assert not (tmp_path / "no").exists()


def test_missing_file_for_a_listing_creates_nothing(tmp_path):
    assert_clean_failure(run("--db", str(tmp_path / "x.db"), "meetings"), "ใช้คำสั่ง init")
    assert list(tmp_path.iterdir()) == []


def test_not_a_database_is_left_untouched(tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 this is a word document" * 50)
    before = digest(path)
    for command in ("init", "meetings", "demo"):
        assert_clean_failure(run("--db", str(path), command), "ไม่ใช่ฐานข้อมูล")
    assert digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx"]


def test_foreign_sqlite_database_is_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    before = digest(path)
    assert_clean_failure(run("--db", str(path), "init"), "ฐานข้อมูลนี้เป็นของโปรแกรมอื่น")
    assert digest(path) == before


def test_database_from_a_newer_app_is_refused_untouched(tmp_path, demo_db):
    path = tmp_path / "newer.db"
    shutil.copy(demo_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = digest(path)
    for command in ("init", "meetings"):
        assert_clean_failure(run("--db", str(path), command), "โปรแกรมรุ่นใหม่กว่า")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.db"]


def run_unprivileged(args: list[str]) -> tuple[int, str]:
    """Run the CLI in a forked child that dropped root, so file permissions really apply.

    (A new interpreter cannot start as `nobody` here: the venv's Python lives under /root.)
    """
    from sbpac_desktop.cli import main

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 99
        try:
            os.close(read_end)
            sys.stderr = os.fdopen(write_end, "w", encoding="utf-8")
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            code = main(args)
            sys.stderr.flush()
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as stream:
        stderr = stream.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), stderr


def tmp_path_factory_root(tmp_path: Path) -> Path:
    """The 'pytest-of-<user>' folder above a test's tmp_path."""
    return next(p for p in tmp_path.parents if p.name.startswith("pytest-of-"))


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_read_only_directory(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    args = ["--db", str(folder / "x.db"), "init"]
    if os.geteuid() == 0:  # root ignores permissions: drop to an ordinary account
        for level in (tmp_path, *tmp_path.parents):  # pytest's temp dirs are private to root
            if str(level).startswith(str(tmp_path_factory_root(tmp_path))):
                level.chmod(level.stat().st_mode | 0o005)
        code, stderr = run_unprivileged(args)
    else:
        result = run(*args)
        code, stderr = result.returncode, result.stderr
    assert code != 0 and "ไม่มีสิทธิ์เขียน" in stderr and "Traceback" not in stderr
    assert list(folder.iterdir()) == []


def test_unreachable_postgres_server(tmp_path):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("--db", f"postgresql+psycopg://clerk:secret@127.0.0.1:{port}/sbpac", "meetings")
    assert_clean_failure(result, "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล")
    assert "secret" not in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["directives", "--fiscal-year", "2020"], "ปีงบประมาณต้องเป็นปี พ.ศ."),
        (["directives", "--as-of", "31/02/2563"], "วันที่ไม่ถูกต้อง"),
        (["directives", "--status", "finished"], "ไม่รู้จักสถานะ"),
        (["meetings", "--bogus"], "คำสั่งไม่ถูกต้อง"),
        (["explode"], "คำสั่งไม่ถูกต้อง"),
    ],
)
def test_bad_arguments_get_a_thai_message_and_exit_2(tmp_path, args, fragment):
    result = run("--db", str(tmp_path / "x.db"), *args)
    assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_meeting_reference(demo_db):
    assert_clean_failure(run("--db", str(demo_db), "directives", "--meeting", "99/2562"), "ไม่พบการประชุม 99/2562")
