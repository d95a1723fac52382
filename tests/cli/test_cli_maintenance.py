"""backup / restore / check end to end: real processes, real files, a real second instance."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.cli.test_cli import STORY_DAY, assert_clean_failure, digest, run
from tests.unit.test_backup import corrupt_index, rows
from tests.unit.test_integrity_lock import Holder


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("maint") / "template.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", STORY_DAY).returncode == 0
    return path


@pytest.fixture
def db(tmp_path, demo_template) -> Path:
    """A private copy of the demo database (safe to copy: nobody has the template open)."""
    path = tmp_path / "sbpac.db"
    shutil.copy(demo_template, path)
    return path


def sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


# --- backup ---------------------------------------------------------------------------------


def test_backup_to_a_file(db, tmp_path):
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()
    result = run("--db", str(db), "backup", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert f"สำรองฐานข้อมูลแล้ว: {target}" in result.stdout and "integrity_check" in result.stdout
    assert rows(target, "PRAGMA integrity_check") == [("ok",)]
    assert run("--db", str(target), "meetings", "--json").stdout == run("--db", str(db), "meetings", "--json").stdout
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_backup_never_overwrites_without_force(db, tmp_path):
    target = tmp_path / "keep.db"
    target.write_bytes(b"someone's file")
    assert_clean_failure(run("--db", str(db), "backup", "-o", str(target)), "--force")
    assert target.read_bytes() == b"someone's file"
    assert run("--db", str(db), "backup", "-o", str(target), "--force").returncode == 0
    assert rows(target, "SELECT COUNT(*) FROM directive") == [(9,)]


def test_backup_without_target_goes_to_the_backups_folder(db):
    result = run("--db", str(db), "backup")
    assert result.returncode == 0, result.stderr
    made = list((db.parent / "backups").glob("sbpac-*-manual.db"))
    assert len(made) == 1 and str(made[0]) in result.stdout


def test_backup_of_a_missing_database(tmp_path):
    assert_clean_failure(run("--db", str(tmp_path / "none.db"), "backup", "-o", str(tmp_path / "x.db")), "ไม่พบไฟล์")
    assert list(tmp_path.iterdir()) == []


# --- restore --------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_and_keeps_the_replaced_data(db, tmp_path):
    snapshot = tmp_path / "snapshot.db"
    assert run("--db", str(db), "backup", "-o", str(snapshot)).returncode == 0
    sql(db, "DELETE FROM progress_report")
    result = run("--db", str(db), "restore", str(snapshot))
    assert result.returncode == 0, result.stderr
    assert "สำรองข้อมูลเดิมไว้ก่อนแล้ว:" in result.stdout and f"จากไฟล์ {snapshot}" in result.stdout
    assert rows(db, "SELECT COUNT(*) FROM progress_report") == rows(snapshot, "SELECT COUNT(*) FROM progress_report")
    assert rows(db, "SELECT COUNT(*) FROM progress_report") != [(0,)]
    (previous,) = (db.parent / "backups").glob("sbpac-*-pre-restore.db")
    assert rows(previous, "SELECT COUNT(*) FROM progress_report") == [(0,)]
    assert run("--db", str(db), "check").returncode == 0
    assert sorted(p.name for p in db.parent.iterdir()) == ["backups", "sbpac.db", "snapshot.db"]


def _newer(path: Path) -> None:
    sql(path, "UPDATE alembic_version SET version_num = '9999_from_the_future'")


def _foreign(path: Path) -> None:
    path.unlink()
    sql(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY)")


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 a spreadsheet" * 100)


def _empty(path: Path) -> None:
    path.unlink()
    sqlite3.connect(path).close()


@pytest.mark.parametrize(
    ("spoil", "fragment"),
    [
        (_newer, "โปรแกรมรุ่นใหม่กว่า"),
        (_foreign, "เป็นของโปรแกรมอื่น"),
        (_not_sqlite, "ไม่ใช่ฐานข้อมูลที่ใช้ได้"),
        (_empty, "ไม่มีข้อมูลของโปรแกรม"),
        (corrupt_index, "เสียหาย"),
    ],
)
def test_restore_refuses_a_file_it_must_not_use_and_changes_nothing(db, tmp_path, spoil, fragment):
    candidate = tmp_path / "candidate.db"
    shutil.copy(db, candidate)
    spoil(candidate)
    before = digest(db)
    assert_clean_failure(run("--db", str(db), "restore", str(candidate)), fragment)
    assert digest(db) == before
    assert not (db.parent / "backups").exists()


def test_restore_of_the_database_onto_itself(db):
    assert_clean_failure(run("--db", str(db), "restore", str(db)), "ฐานข้อมูลที่ใช้อยู่")


# --- check ----------------------------------------------------------------------------------


def test_check_on_a_sound_database(db):
    result = run("--db", str(db), "check")
    assert result.returncode == 0, result.stderr
    assert "[ผ่าน] ความสมบูรณ์ของไฟล์ (integrity_check)" in result.stdout
    assert "[ผ่าน] การอ้างอิงระหว่างตาราง (foreign_key_check)" in result.stdout
    assert "[ผ่าน] ห่วงโซ่บันทึกการแก้ไข (audit hash chain): ตรวจแล้ว" in result.stdout
    assert "ผลการตรวจ: ปกติทุกรายการ" in result.stdout and result.stderr == ""


def test_check_finds_an_edited_audit_entry(db):
    sql(db, "UPDATE audit_entry SET after_json = replace(after_json, '\"version\": 1', '\"version\": 2') WHERE id = 5")
    assert rows(db, "SELECT after_json LIKE '%\"version\": 2%' FROM audit_entry WHERE id = 5") == [(1,)]
    result = run("--db", str(db), "check")
    assert_clean_failure(result, "ตรวจพบปัญหา 1 หัวข้อ")
    assert "[ไม่ผ่าน] ห่วงโซ่บันทึกการแก้ไข" in result.stdout and "รายการที่ 5 " in result.stdout
    assert "ค่า hash ไม่ตรง" in result.stdout


def test_check_finds_a_deleted_audit_entry(db):
    sql(db, "DELETE FROM audit_entry WHERE id = 7")
    result = run("--db", str(db), "check")
    assert result.returncode == 1 and "รายการที่ 8 " in result.stdout and "ไม่ต่อกับรายการก่อนหน้า" in result.stdout


def test_check_compares_the_chain_with_heads_printed_on_paper(db):
    result = run("--db", str(db), "check")
    printed = re.search(r"ตรวจสอบ: \d+ · [0-9a-f]{8}", result.stdout).group(0)
    assert run("--db", str(db), "check", "--paper", printed).returncode == 0
    thai = printed.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert run("--db", str(db), "check", "--paper", thai).returncode == 0
    longer = run("--db", str(db), "check", "--paper", "ตรวจสอบ: 99999 · deadbeef")
    assert longer.returncode == 1 and "เอกสารพิมพ์ระบุ 99999 รายการ" in longer.stdout
    garbled = run("--db", str(db), "check", "--paper", "ไม่ใช่จุดยึด")
    assert garbled.returncode == 1 and "อ่านจุดยึดจากเอกสาร" in garbled.stdout


def test_check_finds_dangling_references(db):
    sql(db, "PRAGMA foreign_keys=OFF", "UPDATE assignment SET directive_id = 99999 WHERE id = 1")
    result = run("--db", str(db), "check")
    assert result.returncode == 1
    assert "[ไม่ผ่าน] การอ้างอิงระหว่างตาราง (foreign_key_check): พบปัญหา: assignment" in result.stdout


def test_check_on_a_damaged_file_names_the_newest_good_backup(db):
    assert run("--db", str(db), "backup").returncode == 0
    (good,) = (db.parent / "backups").glob("*.db")
    corrupt_index(db)
    result = run("--db", str(db), "check")
    assert_clean_failure(result, f"สำเนาสำรองล่าสุดที่ใช้ได้: {good}")
    assert "[ไม่ผ่าน] ความสมบูรณ์ของไฟล์ (integrity_check)" in result.stdout


# --- a second instance ------------------------------------------------------------------------


def test_a_running_program_blocks_writers_and_listings_but_not_backup_or_check(db, tmp_path):
    holder = Holder(db)  # stands in for the GUI: open_app, held until told to close
    try:
        started = time.monotonic()
        demo = run("--db", str(db), "demo")
        assert time.monotonic() - started >= 2.5  # it waited for the lock before refusing
        assert_clean_failure(demo, "กำลังถูกใช้งานโดยโปรแกรมอีกตัวหนึ่ง")
        assert f"pid {holder.process.pid}" in demo.stderr
        assert_clean_failure(run("--db", str(db), "meetings"), "กำลังถูกใช้งาน")
        assert_clean_failure(run("--db", str(db), "restore", str(tmp_path / "x.db")), "ไม่พบไฟล์")
        assert run("--db", str(db), "check").returncode == 0
        assert run("--db", str(db), "backup", "-o", str(tmp_path / "live.db")).returncode == 0
        assert_clean_failure(run("--db", str(db), "restore", str(tmp_path / "live.db")), "กำลังถูกใช้งาน")
    finally:
        assert holder.send("close") == 0
    assert run("--db", str(db), "demo").returncode == 0


def test_a_second_instance_after_a_crash_starts(db):
    holder = Holder(db)
    holder.process.kill()
    holder.process.wait(timeout=30)
    result = run("--db", str(db), "meetings")
    assert result.returncode == 0, result.stderr


# --- PostgreSQL -------------------------------------------------------------------------------

UNREACHABLE = "postgresql+psycopg://clerk:secret@127.0.0.1:9/sbpac"


@pytest.mark.parametrize("args", [["backup", "-o", "x.db"], ["restore", "x.db"]])
def test_server_backups_are_the_administrators_job(args, tmp_path):
    result = run("--db", UNREACHABLE, *args)
    assert_clean_failure(result, "pg_dump")
    assert "secret" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def _pg(url: str, *statements: str) -> None:
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


@pytest.mark.pg
def test_check_on_postgresql(pg_url):
    assert run("--db", pg_url, "demo").returncode == 0
    result = run("--db", pg_url, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[ผ่าน] การอ้างอิงระหว่างตาราง (ตรวจหาข้อมูลกำพร้า)" in result.stdout
    assert "integrity_check" not in result.stdout
    _pg(
        pg_url,
        "SET session_replication_role = replica",  # a superuser tampering: the audit guard trigger is skipped
        "UPDATE audit_entry SET before_json = '{}' WHERE id = (SELECT MIN(id) + 2 FROM audit_entry)",
    )
    _pg(
        pg_url,
        "SET session_replication_role = replica",  # lets a row in without its parent, as a careless import would
        "UPDATE assignment SET directive_id = 99999 WHERE id = (SELECT MIN(id) FROM assignment)",
    )
    result = run("--db", pg_url, "check")
    assert result.returncode == 1
    assert "[ไม่ผ่าน] ห่วงโซ่บันทึกการแก้ไข" in result.stdout
    assert "assignment.directive_id -> directive: 1" in result.stdout


def test_restore_source_must_exist(db, tmp_path):
    assert_clean_failure(run("--db", str(db), "restore", str(tmp_path / "nothing.db")), "ไม่พบไฟล์")


def test_maintenance_commands_in_help():
    helped = subprocess.run(
        [sys.executable, "-m", "sbpac_desktop", "--help"], capture_output=True, text=True, timeout=60
    ).stdout
    assert all(name in helped for name in ("backup", "restore", "check"))
