"""`export directives` and `import directives` as a clerk runs them (a real process, real files)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_cli import STORY_DAY, assert_clean_failure, run, run_unprivileged, tmp_path_factory_root

NEW_ROWS = [
    ["", "ให้จัดทำแผนปฏิบัติการปีงบประมาณ พ.ศ. 2564", "ผช.ลธ.(พณ.)", "5/10/2563", "31 ธ.ค. 2563", "", ""],
    ["", "ให้รายงานผลการเบิกจ่าย", "บก.", "6/10/2563", "", "๓๐", "เบิกจ่ายแล้วร้อยละ 28"],
]
HEADER = ["เลขที่", "ข้อสั่งการ", "ผู้รับผิดชอบหลัก", "วันที่สั่งการ", "กำหนดแล้วเสร็จ", "ร้อยละ", "ผลการดำเนินการ"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-sheets") / "demo.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", STORY_DAY).returncode == 0
    return path


def copy_of(demo_db: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(demo_db, tmp_path / "work.db"))


def csv_file(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_export_xlsx_with_filters(demo_db, tmp_path):
    out = tmp_path / "ติดตาม.xlsx"
    export = ["export", "directives", "-o", str(out)]
    result = run("--db", str(demo_db), *export, "--fiscal-year", "2563", "--as-of", "15/02/2563")
    assert result.returncode == 0, result.stderr
    assert "ส่งออกข้อสั่งการ 8 รายการ" in result.stdout and "15 ก.พ. 2563" in result.stdout
    book = openpyxl.load_workbook(out)
    rows = list(book.active.iter_rows(values_only=True))
    assert len(rows) == 9 and rows[1][0] == "ขส. 001/2563"
    assert not [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ติดตาม.xlsx"]


def test_export_csv_by_status_assignee_and_meeting(demo_db, tmp_path):
    out = tmp_path / "late.csv"
    export = ["export", "directives", "-o", str(out)]
    result = run("--db", str(demo_db), *export, "--status", "เกินกำหนด", "--as-of", "๑๕/๐๒/๒๕๖๓")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["ขส. 004/2563", "ขส. 005/2563"]
    args = ["export", "directives", "-o", str(out), "--assignee", "บก.", "--meeting", "10/2562", "--thai-digits"]
    assert run("--db", str(demo_db), *args).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["ขส. ๐๐๒/๒๕๖๓", "ขส. ๐๐๖/๒๕๖๓"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["export", "directives", "-o", "out.pdf"], "ต้องลงท้ายด้วย .xlsx หรือ .csv"),
        (["export", "directives"], "คำสั่งไม่ถูกต้อง"),
        (["export"], "คำสั่งไม่ถูกต้อง"),
        (["export", "directives", "-o", "x.csv", "--as-of", "31/02/2563"], "วันที่ไม่ถูกต้อง"),
        (["import", "directives"], "คำสั่งไม่ถูกต้อง"),
    ],
)
def test_bad_arguments_exit_2(demo_db, tmp_path, args, fragment):
    result = run("--db", str(demo_db), *args)
    assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr


def test_missing_folder_or_unknown_meeting_writes_nothing(demo_db, tmp_path):
    assert_clean_failure(
        run("--db", str(demo_db), "export", "directives", "-o", str(tmp_path / "no" / "x.xlsx")), "ไม่พบโฟลเดอร์"
    )
    result = run("--db", str(demo_db), "export", "directives", "-o", str(tmp_path / "x.xlsx"), "--meeting", "99/2562")
    assert_clean_failure(result, "ไม่พบการประชุม 99/2562")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_read_only_folder(demo_db, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    database = copy_of(demo_db, tmp_path)
    args = ["--db", str(database), "export", "directives", "-o", str(folder / "x.xlsx")]
    if os.geteuid() == 0:  # root ignores permissions: drop to an ordinary account
        for level in (tmp_path, *tmp_path.parents):
            if str(level).startswith(str(tmp_path_factory_root(tmp_path))):
                level.chmod(level.stat().st_mode | 0o005)
        database.chmod(0o666)
        code, stderr = run_unprivileged(args)
    else:
        result = run(*args)
        code, stderr = result.returncode, result.stderr
    assert code == 7 and "ไม่มีสิทธิ์เขียน" in stderr and "Traceback" not in stderr
    assert list(folder.iterdir()) == []


def test_reimporting_the_export_changes_nothing_and_an_edited_row_updates(demo_db, tmp_path):
    database = copy_of(demo_db, tmp_path)
    out = tmp_path / "all.xlsx"
    assert run("--db", str(database), "export", "directives", "-o", str(out)).returncode == 0
    before = run("--db", str(database), "directives", "--json").stdout
    same = run("--db", str(database), "import", "directives", str(out))
    assert same.returncode == 0, same.stdout + same.stderr
    assert same.stdout.count(": ไม่เปลี่ยนแปลง") == 9 and "แถว 2 ขส. 001/2562: ไม่เปลี่ยนแปลง" in same.stdout
    assert "ไม่มีการเปลี่ยนแปลง" in same.stdout
    assert run("--db", str(database), "directives", "--json").stdout == before
    book = openpyxl.load_workbook(out)
    book.active["B2"] = book.active["B2"].value + " (ปรับถ้อยคำ)"
    book.save(out)
    dry = run("--db", str(database), "import", "directives", str(out), "--dry-run")
    assert (
        dry.returncode == 0 and "แถว 2 ขส. 001/2562: ปรับปรุง — ข้อความ" in dry.stdout and "ปรับปรุง 1 รายการ" in dry.stdout
    )
    assert run("--db", str(database), "directives", "--json").stdout == before
    real = run("--db", str(database), "import", "directives", str(out))
    assert real.returncode == 0 and "นำเข้าแล้ว" in real.stdout
    rows = json.loads(run("--db", str(database), "directives", "--json").stdout)
    assert next(r for r in rows if r["number_text"] == "ขส. 001/2562")["text"].endswith("(ปรับถ้อยคำ)")


def test_windows_874_csv_dry_run_then_import(demo_db, tmp_path):
    database = copy_of(demo_db, tmp_path)
    path = csv_file(tmp_path / "สำนักงาน.csv", NEW_ROWS, encoding="cp874")
    dry = run("--db", str(database), "import", "directives", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "Windows-874" in dry.stdout and "ทดลองนำเข้า" in dry.stdout and "ขส. 001/2564 ถึง ขส. 002/2564" in dry.stdout
    assert json.loads(run("--db", str(database), "directives", "--fiscal-year", "2564", "--json").stdout) == []
    real = run("--db", str(database), "import", "directives", str(path))
    assert real.returncode == 0 and "นำเข้าแล้ว ข้อสั่งการ 2 รายการ" in real.stdout and "รายงานผล 1 รายการ" in real.stdout
    rows = json.loads(run("--db", str(database), "directives", "--fiscal-year", "2564", "--json").stdout)
    assert [(r["number_text"], r["lead"], r["latest_percent"]) for r in rows] == [
        ("ขส. 001/2564", "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)", None),
        ("ขส. 002/2564", "กรมบัญชีกลาง", 30),
    ]


def test_per_row_report_in_thai(demo_db, tmp_path):
    rows = [[*NEW_ROWS[0][:3], "31/02/2564", "", "", ""], ["", "ให้ทดสอบ", "ผช.ลธ.(ไม่มี)", "6/10/2563", "", "120", "x"]]
    result = run("--db", str(demo_db), "import", "directives", str(csv_file(tmp_path / "bad.csv", rows)), "--dry-run")
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    assert "[ผิดพลาด] แถว 2 คอลัมน์ D (วันที่สั่งการ): วันที่ไม่ถูกต้อง: 31/02/2564" in result.stdout
    assert "[ผิดพลาด] แถว 3 คอลัมน์ C (ผู้รับผิดชอบหลัก): ไม่พบตำแหน่งหรือหน่วยงาน 'ผช.ลธ.(ไม่มี)'" in result.stdout
    assert "[ผิดพลาด] แถว 3 คอลัมน์ F (ร้อยละ)" in result.stdout
    assert "พบข้อผิดพลาด 3 รายการ ใน 2 แถว" in result.stdout


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("empty.csv", b"", "ไฟล์ว่างเปล่า"),
        ("scan.pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        ("noise.xlsx", os.urandom(4096), "ตารางคำนวณ"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), ".xls"),
    ],
)
def test_files_that_are_not_spreadsheets(demo_db, tmp_path, name, data, fragment):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("--db", str(demo_db), "import", "directives", str(path))
    assert result.returncode == 2 and fragment in result.stdout and "[ผิดพลาด] ทั้งไฟล์" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_input_file(demo_db, tmp_path):
    result = run("--db", str(demo_db), "import", "directives", str(tmp_path / "none.xlsx"), "--dry-run")
    assert result.returncode == 2 and "ไม่พบไฟล์" in result.stdout
