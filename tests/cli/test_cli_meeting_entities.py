"""Meetings, agenda items, minutes text, attendance and progress reports from the command line:
the same services as the window, one Thai line per error, the usual exit codes, --json lists."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sbpac_desktop.cli.main import main
from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.meetings import agenda, meetings, series
from sbpac_desktop.services.people import org

HUGE = "99999999999999999999999"
TITLE = "การประชุมผู้บริหาร ศอ.บต. ประจำปีงบประมาณ พ.ศ. 2563"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new database: series 1 (venue ห้องประชุมเจริญจิตต์), people 1 and 2, post 1 held by person 1."""
    for name in ("SBPAC_USER", "SBPAC_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = str(tmp_path / "m.db")
    ctx = open_app(path, create=True)
    try:
        post = org.create_position(ctx.db, ctx.actor, org.PositionInput("ผู้อำนวยการกองนโยบาย", short_code="ผอ.กนย."))
        for first in ("สมชาย", "วิไล"):
            who = org.create_person(ctx.db, ctx.actor, org.PersonInput(first, "ใจดี", "นาย")).id
            if first == "สมชาย":
                org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, post.id, date(2019, 1, 1)))
        series.create_series(
            ctx.db, ctx.actor, series.SeriesInput("การประชุมผู้บริหาร ศอ.บต.", default_venue="ห้องประชุมเจริญจิตต์")
        )
    finally:
        ctx.close()
    return path


def run(db: str, *argv: str) -> int:
    try:
        return main(["--db", db, *argv])
    except SystemExit as stop:
        return int(stop.code or 0)


def out_json(capsys):
    return json.loads(capsys.readouterr().out)


def one_error(capsys, fragment: str) -> str:
    captured = capsys.readouterr()
    lines = [line for line in captured.err.strip().splitlines() if not line.startswith(("usage:", " "))]
    assert len(lines) == 1, captured.err
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in captured.err + captured.out
    return lines[0]


def _meeting(db: str, capsys) -> dict:
    assert run(db, "meetings", "create", "--series", "1", "--date", "15/09/2563", "--title", TITLE,
               "--start", "09.30", "--json") == 0  # fmt: skip
    return out_json(capsys)


def test_create_edit_list_and_copy_a_meeting(db, capsys):
    made = _meeting(db, capsys)
    assert (made["number_text"], made["fiscal_year"], made["venue"]) == ("1/2563", 2563, "ห้องประชุมเจริญจิตต์")
    assert run(db, "meetings", "edit", "1/2563", "--venue", "ห้อง ๒", "--chair", "1", "--end", "12.00", "--json") == 0
    edited = out_json(capsys)
    assert (edited["venue"], edited["chair_person_id"], edited["end_time"], edited["title"]) == (
        "ห้อง ๒",
        1,
        "12:00",
        TITLE,
    )
    assert run(db, "agenda-item", "add", "1", "--section", "4", "--title", "แผนงาน", "--minutes", "45") == 0
    assert run(db, "minutes-text", "1", "--resolution", "ที่ประชุมเห็นชอบ") == 0
    capsys.readouterr()
    assert run(db, "meetings", "copy", "1", "--date", "2020-10-05", "--json") == 0
    copy = out_json(capsys)
    assert copy["title"] == "การประชุมผู้บริหาร ศอ.บต. ประจำปีงบประมาณ พ.ศ. 2564"
    assert (copy["number_text"], copy["fiscal_year"], copy["items_copied"]) == ("2/2563", 2564, 1)
    assert copy["previous_meeting_id"] == 1 and copy["chair_person_id"] == 1
    assert run(db, "agenda-item", "list", str(copy["id"]), "--json") == 0
    [item] = out_json(capsys)
    assert (item["title"], item["planned_minutes"], item["planned_start"], item["resolution"]) == (
        "แผนงาน",
        45,
        "09:30",
        None,
    )
    assert run(db, "meetings", "carry-over", str(copy["id"])) == 0
    assert "เพิ่มเรื่องจากการประชุมครั้งก่อน 1 เรื่อง" in capsys.readouterr().out
    assert run(db, "meetings", "copy", "1", "--date", "๑๒/๐๑/๒๕๖๔", "--title", "ประชุมพิเศษ") == 0
    assert "ประชุมพิเศษ ครั้งที่ 1/2564" in capsys.readouterr().out  # numbering restarts in January
    assert run(db, "meetings", "--fiscal-year", "2564", "--json") == 0
    assert [m["title"] for m in out_json(capsys)] == ["ประชุมพิเศษ", copy["title"]]
    assert run(db, "meetings", "list", "--series", "1", "--json") == 0 and len(out_json(capsys)) == 3
    assert run(db, "meetings") == 0 and "รวม 3 การประชุม" in capsys.readouterr().out


def test_meeting_commands_refuse_bad_input(db, capsys):
    _meeting(db, capsys)
    cases = [
        (("meetings", "copy", "1"), 2, "--date"),
        (("meetings", "copy", "1", "--date", "31/02/2563"), 2, "วันที่ไม่ถูกต้อง"),
        (("meetings", "copy", HUGE, "--date", "2020-10-05"), 2, "การประชุมต้องเป็นรหัส"),
        (("meetings", "copy", "999", "--date", "2020-10-05"), 3, "ไม่พบการประชุม"),
        (("meetings", "copy", "1", "--date", "2020-10-05", "--title", " "), 2, "กรุณากรอกชื่อการประชุม"),
        (("meetings", "create", "--series", "9", "--date", "2020-10-05"), 3, "ไม่พบชุดการประชุม"),
        (("meetings", "create", "--series", "-1", "--date", "2020-10-05"), 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (("meetings", "edit", "1", "--start", "25.00"), 2, "เวลา"),
        (("meetings", "edit", "1", "--start", "12.00", "--end", "11.00"), 2, "เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"),
        (("meetings", "edit", "1", "--number", "0"), 2, "ครั้งที่ต้องเป็นเลขจำนวนเต็ม"),
        (("meetings", "edit", "1", "--style", "long"), 2, "รูปแบบการจดรายงาน"),
    ]
    for argv, code, fragment in cases:
        assert run(db, *argv) == code, argv
        one_error(capsys, fragment)
    assert run(db, "meetings", "--json") == 0 and len(out_json(capsys)) == 1  # nothing written


def test_agenda_items_with_planned_minutes(db, capsys):
    _meeting(db, capsys)
    for argv in (
        ("--section", "1", "--title", "ประธานแจ้ง", "--minutes", "15"),
        ("--section", "4", "--title", "แผนงาน", "--minutes", "60", "--presenter", "กองแผน"),
        ("--section", "4", "--title", "ตัวชี้วัด", "--parent", "2", "--minutes", "๒๐"),
        ("--section", "4", "--title", "งบประมาณ"),
    ):
        assert run(db, "agenda-item", "add", "1/2563", *argv) == 0
    capsys.readouterr()
    assert run(db, "agenda-item", "list", "1/2563") == 0
    text = capsys.readouterr().out
    assert "[3]     4.1.1 ตัวชี้วัด  [10.45 น. · 20 นาที]" in text
    assert "รวม 4 เรื่อง · เวลาที่วางแผน 1 ชั่วโมง 35 นาที · เลิกประมาณ 11.05 น." in text
    assert run(db, "agenda-item", "edit", "4", "--minutes", "30", "--title", "การเบิกจ่ายงบประมาณ") == 0
    assert run(db, "agenda-item", "edit", "1", "--minutes", "-") == 0  # not planned any more
    assert run(db, "agenda-item", "move", "4", "--position", "1") == 0
    capsys.readouterr()
    assert run(db, "agenda-item", "list", "1", "--json") == 0
    rows = out_json(capsys)
    assert [(r["number"], r["title"], r["planned_minutes"], r["planned_start"]) for r in rows] == [
        ("1.1", "ประธานแจ้ง", None, "09:30"),
        ("4.1", "การเบิกจ่ายงบประมาณ", 30, "09:30"),
        ("4.2", "แผนงาน", 60, "10:00"),
        ("4.2.1", "ตัวชี้วัด", 20, "11:00"),
    ]
    assert run(db, "agenda-item", "remove", "2") == 0  # with its sub-item
    capsys.readouterr()
    assert run(db, "agenda-item", "list", "1", "--json") == 0 and len(out_json(capsys)) == 2


def test_agenda_item_commands_refuse_bad_input(db, capsys):
    _meeting(db, capsys)
    assert run(db, "agenda-item", "add", "1", "--section", "4", "--title", "แผนงาน") == 0
    capsys.readouterr()
    cases = [
        (("agenda-item", "add", "1", "--section", "4", "--title", "x", "--minutes", "1441"), 2, "0–1,440"),
        (("agenda-item", "add", "1", "--section", "4", "--title", "x", "--minutes", "-5"), 2, "0–1,440"),
        (("agenda-item", "add", "1", "--section", "4", "--title", "x", "--minutes", HUGE), 2, "0–1,440"),
        (("agenda-item", "add", "1", "--section", "6", "--title", "x"), 2, "ไม่มีระเบียบวาระที่ 6"),
        (("agenda-item", "add", "1", "--section", "9", "--title", "x"), 2, "ระเบียบวาระที่ต้องเป็นเลขจำนวนเต็ม 1–6"),
        (("agenda-item", "add", "1", "--section", "4", "--title", " "), 2, "กรุณากรอกชื่อเรื่อง"),
        (("agenda-item", "add", "1", "--section", "4", "--title", "x", "--parent", "99"), 3, "ไม่พบเรื่องหลัก"),
        (("agenda-item", "edit", HUGE, "--title", "x"), 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (("agenda-item", "edit", "abc", "--title", "x"), 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (("agenda-item", "edit", "99", "--title", "x"), 3, "ไม่พบเรื่องในระเบียบวาระ"),
        (("agenda-item", "move", "1", "--position", "0"), 2, "ลำดับต้องเป็นเลขจำนวนเต็ม"),
        (("agenda-item", "remove", "-1"), 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (("agenda-item", "list", HUGE), 2, "การประชุมต้องเป็นรหัส"),
    ]
    for argv, code, fragment in cases:
        assert run(db, *argv) == code, argv
        one_error(capsys, fragment)
    assert run(db, "agenda-item", "list", "1", "--json") == 0 and len(out_json(capsys)) == 1


def test_minutes_text_from_arguments_and_utf8_files_only(db, capsys, tmp_path):
    _meeting(db, capsys)
    assert run(db, "agenda-item", "add", "1", "--section", "4", "--title", "แผนงาน") == 0
    capsys.readouterr()
    utf8 = tmp_path / "discussion.txt"
    utf8.write_bytes("\ufeffที่ประชุมอภิปรายกว้างขวาง\r\nบรรทัดที่สอง".encode())
    assert run(db, "minutes-text", "1", "--discussion-file", str(utf8), "--resolution", "ที่ประชุมเห็นชอบ", "--json") == 0
    saved = out_json(capsys)
    assert saved["discussion"] == "ที่ประชุมอภิปรายกว้างขวาง\nบรรทัดที่สอง" and saved["resolution"] == "ที่ประชุมเห็นชอบ"
    windows = tmp_path / "ansi.txt"
    windows.write_bytes("ที่ประชุมรับทราบ".encode("cp874"))
    word = tmp_path / "minutes.docx"
    word.write_bytes(b"PK\x03\x04\x00\x00binary")
    cases = [
        (("minutes-text", "1", "--resolution-file", str(windows)), "ไม่ได้เข้ารหัสแบบ UTF-8"),
        (("minutes-text", "1", "--resolution-file", str(word)), "ไม่ใช่ไฟล์ข้อความ"),
        (("minutes-text", "1", "--resolution-file", str(tmp_path / "none.txt")), "ไม่พบไฟล์ข้อความ"),
        (("minutes-text", "1", "--resolution", "x", "--resolution-file", str(utf8)), "อย่างใดอย่างหนึ่ง"),
        (("minutes-text", "1"), "ระบุ --discussion"),
    ]
    for argv, fragment in cases:
        assert run(db, *argv) == 2, argv
        one_error(capsys, fragment)
    view = _item(db, 1)
    assert (view.discussion, view.resolution) == ("ที่ประชุมอภิปรายกว้างขวาง\nบรรทัดที่สอง", "ที่ประชุมเห็นชอบ")
    assert run(db, "minutes-text", "1", "--discussion", "") == 0  # an empty text clears it
    assert _item(db, 1).discussion is None and _item(db, 1).resolution == "ที่ประชุมเห็นชอบ"


def _item(db: str, item_id: int):
    ctx = open_app(db)
    try:
        return agenda.get_item(ctx.db, ctx.actor, item_id)
    finally:
        ctx.close()


def test_attendance_add_mark_list_remove(db, capsys):
    _meeting(db, capsys)
    assert run(db, "attendance", "add", "1", "1", "--role", "ประธาน", "--printed-post", "ผู้อำนวยการกองนโยบาย") == 0
    assert run(db, "attendance", "add", "1", "2") == 0
    assert run(db, "attendance", "mark", "1", "2", "absent", "--reason", "ติดราชการ") == 0
    assert run(db, "attendance", "mark", "1", "1", "ไม่มา") == 0
    assert run(db, "attendance", "mark", "1", "1", "มา") == 0
    capsys.readouterr()
    assert run(db, "attendance", "list", "1", "--json") == 0
    lines = out_json(capsys)
    assert [(r["person_id"], r["kind"], r["role"], r["position_text"], r["absence_reason"]) for r in lines] == [
        (1, "present", "ประธาน", "ผู้อำนวยการกองนโยบาย", None),  # mark keeps the post and role
        (2, "absent", None, None, "ติดราชการ"),
    ]
    assert run(db, "attendance", "list", "1") == 0 and "รวม 2 คน มาประชุม 1 คน" in capsys.readouterr().out
    cases = [
        (("attendance", "mark", "1", "1", "maybe"), 2, "สถานะการเข้าประชุมต้องเป็น"),
        (("attendance", "add", "1", "99"), 3, "ไม่พบบุคคล"),
        (("attendance", "add", "1", HUGE), 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (("attendance", "add", "1", "2", "--kind", "substitute"), 2, "ต้องระบุว่ามาแทนผู้ใด"),
        (("attendance", "remove", "1", "77"), 3, "ไม่อยู่ในรายชื่อผู้เข้าประชุม"),
    ]
    for argv, code, fragment in cases:
        assert run(db, *argv) == code, argv
        one_error(capsys, fragment)
    assert run(db, "attendance", "remove", "1", "2") == 0
    capsys.readouterr()
    assert run(db, "attendance", "list", "1", "--json") == 0 and len(out_json(capsys)) == 1
    ctx = open_app(db)
    try:
        meetings.set_status(ctx.db, ctx.actor, 1, MeetingStatus.MINUTES_CERTIFIED)
    finally:
        ctx.close()
    assert run(db, "attendance", "mark", "1", "1", "absent") == 4
    one_error(capsys, "ได้รับการรับรองแล้ว")
    assert run(db, "agenda-item", "add", "1", "--section", "4", "--title", "x") == 4
    one_error(capsys, "ได้รับการรับรองแล้ว")


def test_progress_add_and_list(db, capsys, tmp_path):
    _meeting(db, capsys)
    ctx = open_app(db)
    try:
        data = directives.DirectiveInput(
            "ให้จัดทำแผนปฏิบัติการ", date(2020, 9, 15), (directives.AssignmentInput(position_id=1),),
            meeting_id=1, due_on=date(2020, 12, 31),
        )  # fmt: skip
        number = directives.create_directive(ctx.db, ctx.actor, data).row.number_text(False)
    finally:
        ctx.close()
    result = tmp_path / "result.txt"
    result.write_text("จัดทำร่างแผนแล้ว\nเสนอผู้บริหาร", encoding="utf-8")
    assert run(db, "progress", "add", number, "--percent", "40", "--result-file", str(result),
               "--date", "01/10/2563", "--as-of", "01/10/2563", "--json") == 0  # fmt: skip
    report = out_json(capsys)
    assert (report["percent"], report["result"], report["report_date"]) == (
        40,
        "จัดทำร่างแผนแล้ว\nเสนอผู้บริหาร",
        "2020-10-01",
    )
    assert run(db, "progress", "add", "1", "--percent", "๖๐", "--result", "ประชุมหน่วยงาน", "--post", "1") == 0
    capsys.readouterr()
    assert run(db, "progress", "list", number, "--json") == 0
    listed = out_json(capsys)
    assert [r["percent"] for r in listed["reports"]] == [60, 40] and listed["assignments"][0]["role"] == "lead"
    cases = [
        (("progress", "add", number, "--percent", "101", "--result", "x"), 2, "0–100"),
        (("progress", "add", number, "--percent", "-1", "--result", "x"), 2, "0–100"),
        (("progress", "add", number, "--percent", "50"), 2, "--result"),
        (("progress", "add", number, "--percent", "50", "--result", "x", "--post", "7"), 2, "ไม่มีผู้รับผิดชอบที่ระบุ"),
        (("progress", "add", number, "--percent", "50", "--result", "x", "--date", "01/01/2563"), 2, "ไม่ก่อนวันที่สั่งการ"),
        (("progress", "add", HUGE, "--percent", "50", "--result", "x"), 2, "เลขที่ข้อสั่งการ"),
        (("progress", "list", "999/2563"), 3, "ไม่พบ"),
    ]
    for argv, code, fragment in cases:
        assert run(db, *argv) == code, argv
        one_error(capsys, fragment)


def test_a_real_process_gives_one_thai_line_for_a_huge_id(db):
    result = subprocess.run(
        [sys.executable, "-m", "sbpac_desktop", "--db", db, "meetings", "copy", HUGE, "--date", "2020-10-05"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "การประชุมต้องเป็นรหัส" in result.stderr and "Traceback" not in result.stderr + result.stdout
