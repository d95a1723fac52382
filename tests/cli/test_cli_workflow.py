"""`sbpac-desktop directive …`: block, extension, closure from the command line, Thai errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sbpac_desktop.cli.main import main
from sbpac_desktop.domain.enums import DirectiveState
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.workflow import find_directive, get_workflow


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "w.db")
    ctx = open_app(path, create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    return path


def directive(db: str, number: str):
    ctx = open_app(db)
    try:
        directive_id = find_directive(ctx.db, ctx.actor, number)
        return directives.get_directive(ctx.db, ctx.actor, directive_id), get_workflow(ctx.db, ctx.actor, directive_id)
    finally:
        ctx.close()


def test_block_extend_approve_and_close(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "directive", "block", "004/2563", "--reason", "รองบประมาณ", "--as-of", "15/01/2563"]) == 0
    assert "แจ้งติดขัดแล้ว: ขส. 004/2563" in capsys.readouterr().out
    args = ["--db", db, "directive", "extend", "ขส. ๐๐๔/๒๕๖๓", "--to", "31/03/2563", "--reason", "รอผลการจัดซื้อ"]
    assert main([*args, "--as-of", "15/01/2563"]) == 0
    assert main(["--db", db, "directive", "approve-extension", "004/2563", "--as-of", "15/01/2563"]) == 0
    out = capsys.readouterr().out
    assert "สถานะ: ติดขัด: รองบประมาณ (เหลือ 76 วัน)" in out
    detail, workflow = directive(db, "004/2563")
    assert str(detail.row.extended_due_on) == "2020-03-31" and workflow.extensions[0].original_due_on is not None
    assert main(["--db", db, "directive", "close", "003/2563", "--meeting", "10/2562", "--note", "ที่ประชุมรับทราบ"]) == 0
    detail, workflow = directive(db, "003/2563")
    assert detail.row.state is DirectiveState.CLOSED and workflow.closures[-1].meeting_id == detail.meeting_id


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["block", "004/2563", "--reason", " "], 2, "กรุณากรอกเหตุที่ติดขัด"),
        (
            ["extend", "004/2563", "--to", "15/12/2562", "--reason", "x", "--as-of", "01/12/2562"],
            2,
            "ต้องหลังกำหนดแล้วเสร็จปัจจุบัน",
        ),
        (["extend", "004/2563", "--to", "15/01/2563", "--reason", "x", "--as-of", "20/01/2563"], 2, "ผ่านมาแล้ว"),
        (["extend", "004/2563", "--to", "31/03/2563", "--reason", "x"], 2, "(31 มี.ค. 2563) ผ่านมาแล้ว"),
        (["close", "999/2563"], 3, "ไม่พบข้อสั่งการ 999/2563"),
        (["close", "003/2563", "--meeting", "99/2599"], 3, "ไม่พบการประชุม 99/2599"),
        (["reject-extension", "004/2563", "--note", "x"], 4, "ไม่มีคำขอขยายเวลาที่รอพิจารณา"),
    ],
)
def test_bad_input_is_a_thai_message_and_nothing_changes(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = directive(db, "004/2563")
    assert main(["--db", db, "directive", *args]) == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert directive(db, "004/2563") == before


def test_impossible_date_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--db", db, "directive", "extend", "004/2563", "--to", "31/02/2563", "--reason", "x"])
    assert raised.value.code == 2
    assert "คำสั่งไม่ถูกต้อง" in capsys.readouterr().err
