"""`org template` and `org import` as a clerk runs them (a real process, real files)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from tests.cli.test_cli import assert_clean_failure, run


def new_db(tmp_path: Path) -> Path:
    path = tmp_path / "org.db"
    assert run("--db", str(path), "init").returncode == 0
    return path


def test_template_then_dry_run_then_import_then_nothing_to_do(tmp_path):
    db = new_db(tmp_path)
    template = tmp_path / "แบบฟอร์ม.xlsx"
    made = run("--db", str(db), "org", "template", str(template))
    assert made.returncode == 0, made.stderr
    assert openpyxl.load_workbook(template).sheetnames == ["หน่วยงานและบุคคล", "คำอธิบาย"]
    dry = run("--db", str(db), "org", "import", str(template), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "แถว 5 [ตำแหน่ง] เพิ่มใหม่: ผู้ช่วยเลขาธิการ ศอ.บต. (ผช.ลธ.(พณ.))" in dry.stdout
    assert "ทดลองนำเข้า ยังไม่ได้บันทึก" in dry.stdout
    done = run("--db", str(db), "org", "import", str(template), "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 0 and report["committed"] and [r["action"] for r in report["rows"]] == ["create"] * 6
    again = json.loads(run("--db", str(db), "org", "import", str(template), "--json").stdout)
    assert not again["committed"] and {r["action"] for r in again["rows"]} == {"unchanged"}


def test_a_refused_row_exits_2_with_the_reason_and_writes_nothing(tmp_path):
    db = new_db(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("ประเภท,ชื่อหน่วยงาน,ชื่อย่อหน่วยงาน\nหน่วยงาน,กระทรวงหนึ่ง,ก.\nแผนก,ฝ่ายสอง,ข.\n", encoding="cp874")
    result = run("--db", str(db), "org", "import", str(bad))
    assert result.returncode == 2
    assert "แถว 2 [หน่วยงาน] เพิ่มใหม่: กระทรวงหนึ่ง" in result.stdout
    assert "แถว 3 [?] ไม่รับ — A (ประเภท): ไม่รู้จักประเภท 'แผนก'" in result.stdout
    assert_clean_failure(result, "ไม่ได้บันทึกข้อมูลใด ๆ")
    listed = run("--db", str(db), "org", "import", str(bad), "--dry-run", "--json")
    assert json.loads(listed.stdout)["rows"][1]["problems"][0]["column"] == "A (ประเภท)"


def test_wrong_arguments_and_files(tmp_path):
    db = new_db(tmp_path)
    wrong_suffix = run("--db", str(db), "org", "template", str(tmp_path / "x.csv"))
    assert wrong_suffix.returncode == 2 and "แบบฟอร์มต้องเป็นไฟล์ .xlsx" in wrong_suffix.stderr
    missing_folder = run("--db", str(db), "org", "template", str(tmp_path / "ไม่มี" / "x.xlsx"))
    assert_clean_failure(missing_folder, "ไม่พบโฟลเดอร์")
    gone = run("--db", str(db), "org", "import", str(tmp_path / "ไม่มีไฟล์.xlsx"))
    assert gone.returncode == 2 and "ไม่พบไฟล์" in gone.stdout and "Traceback" not in gone.stderr
    no_file = run("--db", str(db), "org", "import")
    assert no_file.returncode == 2 and "คำสั่งไม่ถูกต้อง" in no_file.stderr and "Traceback" not in no_file.stderr
