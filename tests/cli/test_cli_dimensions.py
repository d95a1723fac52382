"""`sbpac-desktop dimensions …` and the six dimensions `init` gives a new database: the same
services as the window, one Thai line per error, the usual exit codes, nothing written on a refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sbpac_desktop.cli.main import main
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.people import org

PASSWORD = "ผู้ดูแล-รหัสยาว1"
SIX = ["ความมั่นคง", "เศรษฐกิจ", "สังคม", "การบริหารจัดการภาครัฐ", "การพัฒนาทรัพยากรมนุษย์", "การเสริมสร้างความเข้าใจ"]


@pytest.fixture(autouse=True)
def _no_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SBPAC_USER", "SBPAC_PASSWORD", "SBPAC_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "d.db")
    assert main(["--db", path, "init"]) == 0
    return path


def run(db: str, *argv: str) -> int:
    try:
        return main(["--db", db, "dimensions", *argv])
    except SystemExit as stop:
        return int(stop.code or 0)


def listed(db: str, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    capsys.readouterr()
    assert run(db, "list", "--json", *extra) == 0
    return json.loads(capsys.readouterr().out)


def one_thai_error(capsys: pytest.CaptureFixture[str], fragment: str) -> None:
    captured = capsys.readouterr()
    lines = [line for line in captured.err.strip().splitlines() if not line.startswith("usage:")]
    assert len(lines) == 1, captured.err
    assert fragment in lines[0], lines[0]
    assert "Traceback" not in captured.err + captured.out


def test_init_of_a_new_database_gives_the_six_once_and_demo_reuses_them(tmp_path, capsys):
    path = str(tmp_path / "new.db")
    assert main(["--db", path, "init"]) == 0
    assert "เพิ่มมิติการพัฒนาตั้งต้น 6 มิติแล้ว" in capsys.readouterr().out
    assert main(["--db", path, "init"]) == 0
    assert "มิติการพัฒนา" not in capsys.readouterr().out
    rows = listed(path, capsys)
    assert [r["name"] for r in rows] == SIX and [r["order"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[3]["short_name"] == "บริหารภาครัฐ"
    assert main(["--db", path, "demo", "--as-of", "15/02/2563"]) == 0
    rows = listed(path, capsys, "--all")
    assert [r["name"] for r in rows] == SIX and sum(r["directive_count"] for r in rows) > 0


def test_init_leaves_a_database_that_was_used_before_as_it_is(tmp_path, capsys):
    path = str(tmp_path / "old.db")
    ctx = open_app(path, create=True)
    try:  # an office that worked without dimensions (an older version)
        org.create_org_unit(ctx.db, ctx.actor, org.OrgUnitInput("กระทรวงพาณิชย์"))
    finally:
        ctx.close()
    assert main(["--db", path, "init"]) == 0
    assert "มิติการพัฒนา" not in capsys.readouterr().out
    assert listed(path, capsys, "--all") == []
    assert run(path, "list") == 0 and "ยังไม่มีมิติการพัฒนา" in capsys.readouterr().out


def test_add_edit_move_deactivate_activate(db, capsys):
    assert run(db, "add", "การพัฒนาเศรษฐกิจฐานราก", "--short", "ฐานราก") == 0
    assert "เพิ่มมิติการพัฒนาแล้ว: [  7]  7. การพัฒนาเศรษฐกิจฐานราก (ฐานราก)" in capsys.readouterr().out
    assert run(db, "edit", "7", "--name", "เศรษฐกิจฐานราก") == 0
    assert run(db, "edit", "7", "--short", "") == 0  # "" removes the short name
    assert run(db, "move", "7", "--to", "2") == 0
    assert run(db, "deactivate", "7") == 0
    assert "ระงับการใช้มิติการพัฒนาแล้ว" in capsys.readouterr().out
    assert "เศรษฐกิจฐานราก" not in [r["name"] for r in listed(db, capsys)]
    everything = listed(db, capsys, "--all")
    moved = everything[1]
    assert (moved["name"], moved["short_name"], moved["active"], moved["order"]) == ("เศรษฐกิจฐานราก", None, False, 2)
    assert run(db, "activate", "7") == 0
    capsys.readouterr()
    assert run(db, "list", "--thai-digits") == 0
    out = capsys.readouterr().out
    assert "[  ๗]  ๒. เศรษฐกิจฐานราก" in out and "รวม ๗ มิติ" in out


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["add", ""], 2, "กรุณากรอกชื่อมิติการพัฒนา"),
        (["add", "สังคม"], 2, "มีมิติการพัฒนาชื่อ “สังคม” อยู่แล้ว"),
        (["add", "ด้านใหม่", "--short", "บริหารภาครัฐ"], 2, "ชื่อย่อ “บริหารภาครัฐ” ซ้ำกับมิติ “การบริหารจัดการภาครัฐ”"),
        (["add", "ก" * 201], 2, "ยาวเกิน 200 ตัวอักษร"),
        (["edit", "3"], 2, "กรุณาระบุ --name หรือ --short"),
        (["edit", "3", "--name", "  "], 2, "กรุณากรอกชื่อมิติการพัฒนา"),
        (["edit", "99", "--name", "x"], 3, "ไม่พบมิติการพัฒนา (รหัส 99)"),
        (["deactivate", "99"], 3, "ไม่พบมิติการพัฒนา (รหัส 99)"),
        (["move", "3", "--to", "7"], 2, "ลำดับต้องอยู่ระหว่าง 1 ถึง 6 (ได้รับ 7)"),
        (["move", "3", "--to", "0"], 2, "ลำดับต้องเป็นเลขจำนวนเต็ม"),
        (["move", "3", "--to", "สอง"], 2, "ลำดับต้องเป็นเลขจำนวนเต็ม"),
        (["move", "3"], 2, "--to"),
        (["move", "abc", "--to", "1"], 2, "รหัส"),
        (["edit", "99999999999999", "--name", "x"], 2, "รหัส"),
        (["rename", "3"], 2, "invalid choice"),
    ],
)
def test_bad_arguments_are_one_thai_line_and_nothing_changes(db, capsys, argv, code, message):
    before = listed(db, capsys, "--all")
    assert run(db, *argv) == code
    one_thai_error(capsys, message)
    assert listed(db, capsys, "--all") == before


@pytest.mark.parametrize("role", ["officer", "viewer"])
def test_officer_and_viewer_read_but_may_not_change(db, capsys, monkeypatch, role):
    ctx = open_app(db)
    try:
        admin = auth.create_first_admin(ctx.db, "somchai", "สมชาย", PASSWORD)
        users.create_user(ctx.db, admin, users.UserInput("malee", "มาลี", users.parse_role(role), PASSWORD))
    finally:
        ctx.close()
    monkeypatch.setenv("SBPAC_USER", "malee")
    monkeypatch.setenv("SBPAC_PASSWORD", PASSWORD)
    assert [r["name"] for r in listed(db, capsys)] == SIX
    for argv in (["add", "ด้านใหม่"], ["edit", "1", "--name", "x"], ["deactivate", "1"], ["move", "1", "--to", "2"]):
        assert run(db, *argv) == 5
        one_thai_error(capsys, "ไม่มีสิทธิ์")
    assert [r["name"] for r in listed(db, capsys, "--all")] == SIX
