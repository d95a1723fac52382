"""`directive add`: a directive recorded from the command line, with the dialog's rules
(explicit dimension choice, a due date or a reason for none) and clean refusals."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import STORY_DAY, assert_clean_failure, run


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("directive_add") / "d.db"
    assert run("--db", str(path), "init").returncode == 0
    assert run("--db", str(path), "demo", "--as-of", STORY_DAY).returncode == 0
    return path


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM directive").fetchone()[0]


def test_add_with_item_dimension_due_and_assignees(db):
    before = _count(db)
    result = run(
        "--db",
        str(db),
        "directive",
        "add",
        "--meeting",
        "10/2562",
        "--item",
        "๔.๑",
        "--text",
        "ให้สำนักงานพัฒนาสังคมจัดทำแผนงานบูรณาการ",
        "--dimension",
        "3",
        "--due",
        "31/03/2563",
        "--lead-post",
        "3",
        "--support-post",
        "2",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["meeting"] == "10/2562" and row["due_on"] == "2020-03-31"
    assert row["dimension"] == "สังคม" and row["lead"]
    assert _count(db) == before + 1
    with sqlite3.connect(db) as conn:
        item, supports = conn.execute(
            "SELECT d.agenda_item_id, (SELECT count(*) FROM assignment a WHERE a.directive_id = d.id"
            " AND a.role = 'support') FROM directive d WHERE d.id = ?",
            (row["id"],),
        ).fetchone()
    assert item is not None and supports == 1


def test_add_without_due_date_keeps_the_reason(db):
    result = run(
        "--db",
        str(db),
        "directive",
        "add",
        "--meeting",
        "10/2562",
        "--text",
        "ติดตามต่อเนื่องทุกเดือน",
        "--dimension",
        "ไม่ระบุ",
        "--no-due-reason",
        "ภารกิจต่อเนื่อง",
    )
    assert result.returncode == 0, result.stderr
    assert "บันทึกข้อสั่งการแล้ว: ขส." in result.stdout
    with sqlite3.connect(db) as conn:
        reason, due, dim = conn.execute(
            "SELECT no_due_reason, due_on, dimension_id FROM directive ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (reason, due, dim) == ("ภารกิจต่อเนื่อง", None, None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--text", "x", "--due", "01/03/2563"), "--dimension"),  # the dimension is never implied
        (("--text", "x", "--dimension", "2"), "--due"),  # neither a due date nor a reason
        (("--text", "x", "--dimension", "2", "--due", "31/02/2563"), "31/02/2563"),
        (("--text", "x", "--dimension", "abc", "--due", "01/03/2563"), "--dimension"),
        (("--text", "x", "--dimension", "99999999999999999999999", "--due", "01/03/2563"), "--dimension"),
        (("--text", "x", "--dimension", "2", "--due", "01/03/2563"), "--issued-on"),
        (("--meeting", "10/2562", "--item", "9.9", "--text", "x", "--dimension", "2", "--due", "01/03/2563"), "9.9"),
        (("--meeting", "10/2562", "--text", "x", "--dimension", "99", "--due", "01/03/2563"), "มิติการพัฒนา"),
        (("--meeting", "10/2562", "--text", " ", "--dimension", "2", "--due", "01/03/2563"), "ข้อความข้อสั่งการ"),
        (
            ("--meeting", "10/2562", "--text", "x", "--dimension", "2", "--due", "01/03/2563", "--lead-post", "999"),
            "ตำแหน่ง",
        ),
    ],
)
def test_wrong_input_is_refused_in_thai_and_writes_nothing(db, args, message):
    before = _count(db)
    result = run("--db", str(db), "directive", "add", *args)
    assert result.returncode in (2, 3), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert _count(db) == before


def test_a_viewer_is_refused(tmp_path):
    db = tmp_path / "roles.db"
    password = {"SBPAC_NEW_PASSWORD": "viewer-pass-1234"}
    assert run("--db", str(db), "init", "--admin", "somchai", "--name", "สมชาย", env_extra=password).returncode == 0
    admin = {"SBPAC_USER": "somchai", "SBPAC_PASSWORD": "viewer-pass-1234"}
    added = run(
        "--db", str(db), "users", "add", "nida", "--role", "viewer", "--name", "นิดา", env_extra={**admin, **password}
    )
    assert added.returncode == 0, added.stderr
    viewer = {"SBPAC_USER": "nida", "SBPAC_PASSWORD": "viewer-pass-1234"}
    result = run(
        "--db",
        str(db),
        "directive",
        "add",
        "--text",
        "x",
        "--dimension",
        "1",
        "--issued-on",
        "01/03/2563",
        "--due",
        "31/03/2563",
        env_extra=viewer,
    )
    assert_clean_failure(result, "สิทธิ")
    assert _count(db) == 0
