"""Integrated plan importer (issue #15) on SQLite and PostgreSQL: projects, indicators and actuals
from an xlsx, all or nothing; a dry run writes nothing; hostile files (no header, bad numbers, a
formula, unknown dimension or post, a quarter not begun, garbage bytes) refused in Thai per row."""

from __future__ import annotations

import openpyxl
import pytest

from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.services.field import plan_views
from sbpac_desktop.services.field.plan_import import COLUMNS, import_plan
from tests.services.plan_helpers import IN_Q2, world

KEYS = ("year", "dimension", "project", "owner", "budget_q1", "budget_q2", "budget_q3", "budget_q4", "indicator",
        "unit", "baseline", "target", "direction", "actual_q1")  # fmt: skip
HEAD = [COLUMNS[k][0] for k in KEYS]
GOOD = [
    [2563, "ด้านสังคม", "ศูนย์เด็กเล็กคุณภาพ", "ผช.(พณ.)", "100,000", 200000, 0, 0, "ศูนย์ที่ผ่านเกณฑ์", "แห่ง", None, 40,
     "ยิ่งมากยิ่งดี", 12],
    [2563, "สังคม", "ศูนย์เด็กเล็กคุณภาพ", "ผช.(พณ.)", None, None, None, None, "เด็กที่ได้รับการคัดกรอง", "คน", None,
     "๕๐๐", "", None],
]  # fmt: skip


def _xlsx(tmp_path, rows, name="plan.xlsx"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEAD)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def _projects(ctx, w):
    return plan_views.plan_tree(ctx.db, w.viewer, 2563).projects


def test_import_dry_run_then_for_real(ctx, tmp_path):
    w = world(ctx)
    path = _xlsx(tmp_path, GOOD)
    dry = import_plan(ctx.db, w.secretary, path, dry_run=True, today=IN_Q2)
    assert dry.ok and not dry.committed and len(_projects(ctx, w)) == 2
    done = import_plan(ctx.db, w.secretary, path, today=IN_Q2)
    assert done.ok and done.committed, done
    project = next(p for p in _projects(ctx, w) if p.name == "ศูนย์เด็กเล็กคุณภาพ")
    assert project.allocated == (10_000_000, 20_000_000, 0, 0) and project.agency_name == "กระทรวงพาณิชย์"
    assert [(i.name, i.target, i.actuals) for i in project.indicators] == [
        ("ศูนย์ที่ผ่านเกณฑ์", 40.0, {1: 12.0}),
        ("เด็กที่ได้รับการคัดกรอง", 500.0, {}),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({1: "ด้านอวกาศ"}, "ไม่พบมิติการพัฒนา 'ด้านอวกาศ'"),
        ({3: "ผช.(xx)"}, "ไม่พบตำแหน่งชื่อย่อ 'ผช.(xx)'"),
        ({4: "หนึ่งแสน"}, "ต้องเป็นตัวเลข"),
        ({4: -5}, "งบประมาณที่ได้รับจัดสรรต้องไม่ติดลบ"),
        ({4: "1.005"}, "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"),
        ({9: ""}, "กรุณากรอกหน่วยนับ"),
        ({12: "ขึ้น"}, "ทิศทางต้องเป็น"),
        ({13: -3}, "ต้องไม่ติดลบ"),
        ({11: "=1/0"}, "สูตร"),
    ],
)
def test_hostile_rows_refuse_the_whole_file(ctx, tmp_path, change, message):
    w = world(ctx)
    bad = list(GOOD[0])
    for index, value in change.items():
        bad[index] = value
    report = import_plan(ctx.db, w.secretary, _xlsx(tmp_path, [bad, GOOD[1]]), today=IN_Q2)
    assert not report.ok and not report.committed
    text = " ".join(p.message_th for r in report.rows for p in r.problems)
    assert message in text, text
    assert len(_projects(ctx, w)) == 2  # not even the good row


def test_hostile_files(ctx, tmp_path):
    w = world(ctx)
    garbage = tmp_path / "plan.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a workbook" * 10)
    assert not import_plan(ctx.db, w.secretary, garbage).ok
    book = openpyxl.Workbook()
    book.active.append(["ชื่อ", "อื่น ๆ"])
    book.active.append(["ก", "ข"])
    book.save(tmp_path / "nohead.xlsx")
    report = import_plan(ctx.db, w.secretary, tmp_path / "nohead.xlsx")
    assert "ไม่พบแถวหัวตาราง" in report.problems[0].message_th
    future = list(GOOD[0])
    report = import_plan(ctx.db, w.secretary, _xlsx(tmp_path, [future], "q.xlsx"), today=IN_Q2.replace(year=2019))
    assert "ยังไม่เริ่ม" in report.rows[0].problems[0].message_th
    with pytest.raises(PermissionDenied):
        import_plan(ctx.db, w.officer, _xlsx(tmp_path, GOOD, "o.xlsx"))
    assert len(_projects(ctx, w)) == 2
