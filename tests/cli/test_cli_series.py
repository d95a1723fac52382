"""`sbpac-desktop series …`: meeting series and filling a meeting's attendance from the command line —
the same services as the window, one Thai line per error, the usual exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from sbpac_desktop.cli.main import main
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.meetings import attendance, meetings, series
from sbpac_desktop.services.people import org

PASSWORD = "ผู้ดูแล-รหัสยาว1"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new database with three posts (ids 1–3): the chair's and a member's are held, the third is vacant."""
    for name in ("SBPAC_USER", "SBPAC_PASSWORD", "SBPAC_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = str(tmp_path / "s.db")
    ctx = open_app(path, create=True)
    try:
        titles = (("เลขาธิการ ศอ.บต.", "ลธ."), ("ผู้อำนวยการกองนโยบาย", "ผอ.กนย."), ("ที่ปรึกษา", "ทป."))
        ids = [org.create_position(ctx.db, ctx.actor, org.PositionInput(t, short_code=c)).id for t, c in titles]
        for first, post_id in (("สมชาย", ids[0]), ("วิไล", ids[1])):
            who = org.create_person(ctx.db, ctx.actor, org.PersonInput(first, "ใจดี", "นาย")).id
            org.assign_incumbency(ctx.db, ctx.actor, org.IncumbencyInput(who, post_id, date(2019, 1, 1)))
    finally:
        ctx.close()
    return path


def run(db: str, *argv: str) -> int:
    """The exit code, whether main returns it or argparse exits with a usage error."""
    try:
        return main(["--db", db, "series", *argv])
    except SystemExit as stop:
        return int(stop.code or 0)


def out_json(capsys: pytest.CaptureFixture[str]):
    return json.loads(capsys.readouterr().out)


def one_thai_error(capsys: pytest.CaptureFixture[str], fragment: str) -> None:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("ข้อผิดพลาด: ") and fragment in lines[0], lines[0]
    assert "Traceback" not in captured.err + captured.out


def test_add_edit_members_deactivate_and_list(db, capsys):
    args = ["add", "การประชุมผู้บริหาร ศอ.บต.", "--short", "ประชุม ศอ.บต.", "--chair-post", "1",
            "--secretary-post", "2", "--venue", "ห้องประชุมเจริญจิตต์", "--template", "6", "--json"]  # fmt: skip
    assert run(db, *args) == 0
    made = out_json(capsys)
    assert (made["id"], made["short_name"], made["agenda_template"]) == (1, "ประชุม ศอ.บต.", "information6")
    assert (made["chair_post"], made["secretary_post"]) == ("เลขาธิการ ศอ.บต.", "ผู้อำนวยการกองนโยบาย")
    assert made["members"] == [] and made["active"] is True
    assert run(db, "member-add", "1", "1", "--role", "ประธาน") == 0
    assert "เพิ่มกรรมการประจำแล้ว" in capsys.readouterr().out
    assert run(db, "member-add", "1", "3") == 0
    capsys.readouterr()
    assert run(db, "member-add", "1", "2", "--role", "เลขานุการ", "--json") == 0
    members = out_json(capsys)["members"]
    assert [(m["position_id"], m["role"], m["holder"]) for m in members] == [
        (1, "ประธาน", "นายสมชาย ใจดี"), (3, "กรรมการ", None), (2, "เลขานุการ", "นายวิไล ใจดี"),
    ]  # fmt: skip
    assert run(db, "member-remove", "1", "3") == 0
    assert "ลบกรรมการประจำแล้ว" in capsys.readouterr().out
    assert run(db, "edit", "1", "--venue", "ห้องประชุมชั้น 2", "--template", "๕", "--chair-post", "-") == 0
    shown = capsys.readouterr().out
    assert "แก้ไขชุดการประชุมแล้ว" in shown and "ห้องประชุมชั้น 2" in shown and "ประธาน: -" in shown
    assert run(db, "show", "1", "--json") == 0
    view = out_json(capsys)
    assert view["agenda_template"] == "standard5" and view["short_name"] == "ประชุม ศอ.บต."  # untouched
    assert [m["position_id"] for m in view["members"]] == [1, 2]
    assert run(db, "deactivate", "1") == 0
    assert "ระงับการใช้งานชุดการประชุม “การประชุมผู้บริหาร ศอ.บต.” แล้ว" in capsys.readouterr().out
    assert run(db, "list", "--json") == 0 and out_json(capsys) == []
    assert run(db, "list", "--all") == 0
    assert "[ระงับการใช้งาน]" in capsys.readouterr().out
    assert run(db, "activate", "1") == 0 and run(db, "list") == 0
    listed = capsys.readouterr().out
    assert "[1] การประชุมผู้บริหาร ศอ.บต. (ประชุม ศอ.บต.)" in listed and "รวม 1 ชุดการประชุม" in listed


def test_posts_lists_the_ids_a_series_names(db, capsys):
    assert run(db, "posts") == 0
    out = capsys.readouterr().out
    assert "[1] ลธ.  เลขาธิการ ศอ.บต. — นายสมชาย ใจดี" in out and "[3] ทป.  ที่ปรึกษา — ว่าง" in out
    assert run(db, "posts", "--json") == 0
    assert [(p["id"], p["short_code"], p["holder"]) for p in out_json(capsys)] == [
        (1, "ลธ.", "นายสมชาย ใจดี"), (2, "ผอ.กนย.", "นายวิไล ใจดี"), (3, "ทป.", None),
    ]  # fmt: skip


def test_fill_attendance_from_members_then_from_the_last_meeting(db, capsys):
    assert run(db, "add", "ชุด ก", "--chair-post", "1", "--secretary-post", "2") == 0
    assert run(db, "member-add", "1", "3") == 0
    ctx = open_app(db)
    try:
        first, second = (
            meetings.create_meeting(ctx.db, ctx.actor, meetings.MeetingInput(1, "ประชุม", on, "ห้อง", time(9, 30))).id
            for on in (date(2020, 1, 14), date(2020, 2, 18))
        )
    finally:
        ctx.close()
    capsys.readouterr()
    assert run(db, "fill-attendance", str(first)) == 0
    out = capsys.readouterr().out
    assert "เพิ่มผู้เข้าประชุม 2 คน จากกรรมการประจำของชุดการประชุม" in out
    assert "นายสมชาย ใจดี — เลขาธิการ ศอ.บต. — ประธาน" in out
    assert "ตำแหน่งว่าง (ไม่มีผู้ดำรงตำแหน่งในวันประชุม): ที่ปรึกษา" in out
    assert run(db, "fill-attendance", "2/2563", "--from", "last-meeting", "--json") == 0
    copied = out_json(capsys)
    assert copied["from_meeting"] == "1/2563" and [a["role"] for a in copied["added"]] == ["ประธาน", "เลขานุการ"]
    ctx = open_app(db)
    try:
        assert len(attendance.list_attendance(ctx.db, ctx.actor, second)) == 2
    finally:
        ctx.close()
    assert run(db, "fill-attendance", str(first), "--from", "last_meeting") == 3
    one_thai_error(capsys, "ยังไม่มีการประชุมครั้งก่อน")


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["show", "abc"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["show", "0"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["show", "-3"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["show", "99999999999999999999"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["show", "424242"], 3, "ไม่พบชุดการประชุม (รหัส 424242)"),
        (["add", ""], 2, "กรุณากรอกชื่อชุดการประชุม"),
        (["add", "ชุด ข", "--template", "7"], 2, "รูปแบบระเบียบวาระต้องเป็น 5 หรือ 6"),
        (["add", "ชุด ข", "--chair-post", "abc"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["add", "ชุด ข", "--chair-post", "999"], 2, "ไม่พบตำแหน่งที่เลือก (รหัส 999)"),
        (["add", "ชุด ก"], 2, "มีชุดการประชุมชื่อ “ชุด ก” อยู่แล้ว"),
        (["add", "ชุด ข", "--short", "ก."], 2, "ชื่อย่อ “ก.” ซ้ำ"),
        (["edit", "1", "--name", " "], 2, "กรุณากรอกชื่อชุดการประชุม"),
        (["edit", "77", "--venue", "ห้อง"], 3, "ไม่พบชุดการประชุม"),
        (["member-add", "1", "abc"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["member-add", "1", "999"], 2, "ไม่พบตำแหน่งที่เลือก"),
        (["member-add", "999", "1"], 3, "ไม่พบชุดการประชุม"),
        (["member-add", "1", "1", "--role", "ร" * 61], 2, "บทบาทในที่ประชุมยาวเกิน 60"),
        (["member-remove", "1", "2"], 3, "ไม่ได้เป็นกรรมการประจำ"),
        (["deactivate", "x1"], 2, "รหัสต้องเป็นจำนวนเต็มบวก"),
        (["fill-attendance", "1", "--from", "everyone"], 2, "แหล่งรายชื่อต้องเป็น members หรือ last-meeting"),
        (["fill-attendance", "99/2563"], 3, "ไม่พบการประชุม 99/2563"),
    ],
)
def test_bad_arguments_get_one_thai_line_and_the_usual_exit_code(db, capsys, argv, code, fragment):
    assert run(db, "add", "ชุด ก", "--short", "ก.") == 0
    capsys.readouterr()
    assert run(db, *argv) == code
    captured = capsys.readouterr()
    assert fragment in captured.err and "Traceback" not in captured.err + captured.out
    if code != 2 or fragment.startswith(("กรุณา", "ไม่พบตำแหน่ง", "มีชุด", "ชื่อย่อ", "บทบาท")):
        assert len(captured.err.strip().splitlines()) == 1  # service refusals: one line; usage errors add the usage
    assert run(db, "list", "--json") == 0
    assert [(s["name"], s["members"]) for s in out_json(capsys)] == [("ชุด ก", [])]  # nothing written


def test_viewer_reads_but_may_not_change(db, capsys, monkeypatch):
    ctx = open_app(db)
    try:
        admin = auth.create_first_admin(ctx.db, "somchai", "สมชาย", PASSWORD)
        users.create_user(ctx.db, admin, users.UserInput("malee", "มาลี", users.parse_role("viewer"), PASSWORD))
        series.create_series(ctx.db, admin, series.SeriesInput("ชุด ก"))
    finally:
        ctx.close()
    monkeypatch.setenv("SBPAC_USER", "malee")
    monkeypatch.setenv("SBPAC_PASSWORD", PASSWORD)
    assert run(db, "list") == 0 and "ชุด ก" in capsys.readouterr().out
    for argv in (["add", "ชุด ข"], ["edit", "1", "--venue", "ห้อง"], ["deactivate", "1"], ["member-add", "1", "1"]):
        assert run(db, *argv) == 5
        one_thai_error(capsys, "ไม่มีสิทธิ์")


def test_a_real_process_lists_json(db):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SBPAC_")}
    base = [sys.executable, "-m", "sbpac_desktop", "--db", db, "series"]
    options = {"capture_output": True, "text": True, "env": env, "timeout": 120}
    made = subprocess.run([*base, "add", "ชุด ก", "--venue", "ห้อง 1"], **options)
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([*base, "list", "--json"], **options)
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["default_venue"] == "ห้อง 1"
    bad = subprocess.run([*base, "show", "1e9"], **options)
    assert bad.returncode == 2 and "รหัสต้องเป็นจำนวนเต็มบวก" in bad.stderr and "Traceback" not in bad.stderr
