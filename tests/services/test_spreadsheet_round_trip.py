"""Export the tracker, edit it as a clerk would in Excel, import it back: existing directives
(by number) are updated — text, due date as an approved extension, assignees, new progress —
with a per-row report, on SQLite and PostgreSQL; refused edits write nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.reporting.spreadsheets import write_table
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo.demo import load_demo
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.spreadsheets.directive_import import import_directives
from sbpac_desktop.services.spreadsheets.export import tracker_table
from sbpac_desktop.store.models import AuditEntry, Directive, ExtensionRequest, ProgressReport
from sbpac_desktop.thai import fiscal_year

TODAY = REFERENCE_DATE


def counts(ctx) -> tuple[int, ...]:
    with ctx.db.unit_of_work() as session:
        models = (Directive, ProgressReport, ExtensionRequest, AuditEntry)
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in models)


def be(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


@pytest.fixture
def demo(ctx):
    load_demo(ctx.db, ctx.actor)
    return ctx


def export(ctx, path: Path) -> Path:
    table = tracker_table(ctx.db, ctx.actor, None, TODAY)
    write_table(path, table.headers, table.rows, info=table.info)
    return path


class Sheet:
    """The exported workbook, edited cell by cell by header name."""

    def __init__(self, path: Path) -> None:
        self.path, self.book = path, openpyxl.load_workbook(path)
        self.sheet = self.book.active
        self.columns = {c.value: c.column for c in self.sheet[1] if c.value}

    def row_of(self, number: str) -> int:
        return next(r for r in range(2, self.sheet.max_row + 1) if self.get(r, "เลขที่") == number)

    def get(self, row: int, header: str) -> object:
        return self.sheet.cell(row, self.columns[header]).value

    def set(self, row: int, header: str, value: object) -> None:
        self.sheet.cell(row, self.columns[header]).value = value

    def set_date(self, row: int, header: str, day: date) -> None:
        self.set(row, header, be(day))
        self.set(row, f"{header} (ISO)", day.isoformat())

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path


def open_with_due(ctx) -> directives.DirectiveRow:
    rows = directives.list_directives(ctx.db, ctx.actor, today=TODAY)
    return next(r for r in rows if r.state.value == "open" and r.due_on and r.supporting == () and r.latest_percent)


def outcome(report, row: int):
    return next(o for o in report.outcomes if o.row == row)


def test_an_edited_export_updates_text_due_date_assignees_and_adds_progress(demo, tmp_path):
    target = open_with_due(demo)
    number = target.number_text(False)
    sheet = Sheet(export(demo, tmp_path / "tracker.xlsx"))
    row = sheet.row_of(number)
    current_due = target.extended_due_on or target.due_on
    new_due = current_due + timedelta(days=45)
    sheet.set(row, "ข้อสั่งการ", f"{target.text} (ปรับถ้อยคำ)")
    sheet.set_date(row, "ขยายเวลาถึง", new_due)
    sheet.set(row, "หน่วยงานสนับสนุน", "บก.")
    sheet.set(row, "ร้อยละ", 95)
    sheet.set(row, "ผลการดำเนินการล่าสุด", "ดำเนินการเกือบแล้วเสร็จ")
    sheet.set_date(row, "วันที่รายงานล่าสุด", TODAY)
    path = sheet.save()
    before = counts(demo)

    dry = import_directives(demo.db, demo.actor, path, dry_run=True, today=TODAY)
    assert dry.ok and not dry.committed and counts(demo) == before, dry.errors
    changed = outcome(dry, row)
    assert (changed.action, changed.number, changed.progress_added) == ("updated", number, True)
    assert changed.changes[0] == "ข้อความ" and changed.changes[1].startswith("กำหนดแล้วเสร็จ (")
    assert changed.changes[2] == "ผู้รับผิดชอบ"
    assert {o.action for o in dry.outcomes if o.row != row} == {"unchanged"}
    assert (dry.directives, dry.updated, dry.progress_reports) == (0, 1, 1)

    done = import_directives(demo.db, demo.actor, path, today=TODAY)
    assert done.ok and done.committed
    after = counts(demo)
    assert after[:3] == (before[0], before[1] + 1, before[2] + 1)
    assert after[3] == before[3] + 3  # the directive's update, the extension, the report
    detail = directives.get_directive(demo.db, demo.actor, target.id, today=TODAY).row
    assert detail.text.endswith("(ปรับถ้อยคำ)") and detail.extended_due_on == new_due
    assert detail.due_on == target.due_on  # the original due date stays, as with an approved extension
    with demo.db.unit_of_work() as session:
        extension = session.scalars(select(ExtensionRequest).order_by(ExtensionRequest.id.desc())).first()
        assert (extension.status, extension.original_due_on, extension.requested_due_on) == (
            "approved",
            current_due,
            new_due,
        )
        assert extension.reason == f"ขยายเวลาตามไฟล์นำเข้า tracker.xlsx แถว {row}"
    rows = {r.id: r for r in directives.list_directives(demo.db, demo.actor, today=TODAY)}
    assert rows[target.id].latest_percent == 95 and len(rows[target.id].supporting) == 1

    again = import_directives(demo.db, demo.actor, path, today=TODAY)  # the same file: nothing doubles
    assert again.ok and not again.committed and counts(demo) == after
    assert {o.action for o in again.outcomes} == {"unchanged"}


def test_formula_text_in_a_csv_is_stored_as_text_and_exported_neutralised(demo, tmp_path):
    target = open_with_due(demo)
    path = export(demo, tmp_path / "a.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(target.number_text(False) + ","))
    lines[row] = lines[row].replace(target.text, '"=HYPERLINK(""http://evil.example"",""คลิก"")"', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert import_directives(demo.db, demo.actor, path, today=TODAY).committed
    stored = directives.get_directive(demo.db, demo.actor, target.id, today=TODAY).row
    assert stored.text == '=HYPERLINK("http://evil.example","คลิก")'  # text, never evaluated
    csv_path = export(demo, tmp_path / "b.csv")
    xlsx = openpyxl.load_workbook(export(demo, tmp_path / "b.xlsx"))
    assert not [c for line in xlsx.active.iter_rows() for c in line if c.data_type == "f"]
    assert "'=HYPERLINK" in csv_path.read_text(encoding="utf-8-sig")  # neutralised in the export
    back = import_directives(demo.db, demo.actor, csv_path, today=TODAY)
    assert back.ok and {o.action for o in back.outcomes} == {"unchanged"}


def edited(demo, tmp_path, edit) -> tuple[Path, int]:
    target = open_with_due(demo)
    sheet = Sheet(export(demo, tmp_path / "e.xlsx"))
    row = sheet.row_of(target.number_text(False))
    edit(sheet, row, target)
    return sheet.save(), row


REFUSED = {
    "earlier due date": (
        lambda s, r, t: s.set_date(r, "กำหนดแล้วเสร็จ", t.due_on - timedelta(days=3)),
        "J (กำหนดแล้วเสร็จ)",
        "วันที่ขอขยายเวลาต้องหลังกำหนดแล้วเสร็จปัจจุบัน",
    ),
    "extension before the original due date": (
        lambda s, r, t: s.set_date(r, "ขยายเวลาถึง", t.due_on - timedelta(days=3)),
        "K (ขยายเวลาถึง)",
        "วันที่ขยายเวลาต้องไม่ก่อนกำหนดเดิม",
    ),
    "due date removed": (
        lambda s, r, t: [
            s.set(r, h, None) for h in ("กำหนดแล้วเสร็จ", "ขยายเวลาถึง", "กำหนดแล้วเสร็จ (ISO)", "ขยายเวลาถึง (ISO)")
        ],
        "J (กำหนดแล้วเสร็จ)",
        "ด้วยการนำเข้าไม่ได้",
    ),
    "lead with reports dropped": (
        lambda s, r, t: s.set(r, "ผู้รับผิดชอบหลัก", "บก."),
        "F (ผู้รับผิดชอบหลัก)",
        "มีรายงานผลแล้ว",
    ),
    "BE date edited, ISO twin not": (
        lambda s, r, t: s.set(r, "กำหนดแล้วเสร็จ", be(t.due_on + timedelta(days=9))),
        "J (กำหนดแล้วเสร็จ)",
        "ไม่ตรงกับคอลัมน์ ISO",
    ),
    "31 February": (lambda s, r, t: s.set(r, "ขยายเวลาถึง", "31/02/2563"), "K (ขยายเวลาถึง)", "วันที่ไม่ถูกต้อง"),
    "unknown post": (lambda s, r, t: s.set(r, "หน่วยงานสนับสนุน", "ผช.ลธ.(ไม่มี)"), "H (หน่วยงานสนับสนุน)", "ไม่พบ"),
    "huge percent": (lambda s, r, t: s.set(r, "ร้อยละ", 10**20), "M (ร้อยละ)", "ร้อยละ"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_edits_say_why_on_their_row_and_write_nothing(demo, tmp_path, case):
    edit, column, message = REFUSED[case]
    path, row = edited(demo, tmp_path, edit)
    before = counts(demo)
    report = import_directives(demo.db, demo.actor, path, today=TODAY)
    assert not report.ok and not report.committed and counts(demo) == before
    problems = [p for p in report.errors if p.row == row]
    assert problems and problems[0].column == column and message in problems[0].message_th, problems
    assert outcome(report, row).action == "refused" and message in outcome(report, row).reason


def test_only_the_issuer_side_may_move_a_due_date(demo, tmp_path):
    officer = Actor(demo.actor.user_id, "officer", UserRole.OFFICER, "เจ้าหน้าที่")
    path, row = edited(
        demo, tmp_path, lambda s, r, t: s.set_date(r, "ขยายเวลาถึง", (t.extended_due_on or t.due_on) + timedelta(days=9))
    )
    report = import_directives(demo.db, officer, path, dry_run=True, today=TODAY)
    assert not report.ok
    assert "ทำได้เฉพาะฝ่ายเลขานุการหรือผู้ดูแลระบบ" in outcome(report, row).reason


def test_a_number_twice_in_the_file_is_refused(demo, tmp_path):
    sheet = Sheet(export(demo, tmp_path / "d.xlsx"))
    first = sheet.get(2, "เลขที่")
    sheet.set(3, "เลขที่", first)
    sheet.set(3, "วันที่สั่งการ", sheet.get(2, "วันที่สั่งการ"))
    sheet.set(3, "วันที่สั่งการ (ISO)", sheet.get(2, "วันที่สั่งการ (ISO)"))
    before = counts(demo)
    report = import_directives(demo.db, demo.actor, sheet.save(), today=TODAY)
    assert not report.ok and counts(demo) == before
    assert "ซ้ำกับแถว 2" in outcome(report, 3).reason


def test_new_rows_and_updates_in_one_file(demo, tmp_path):
    sheet = Sheet(export(demo, tmp_path / "n.xlsx"))
    last = sheet.sheet.max_row + 1
    sheet.set(last, "ข้อสั่งการ", "ให้จัดทำแผนใหม่")
    sheet.set(last, "ผู้รับผิดชอบหลัก", "ผช.ลธ.(พณ.)")
    sheet.set(last, "วันที่สั่งการ", be(TODAY))
    report = import_directives(demo.db, demo.actor, sheet.save(), today=TODAY)
    assert report.ok and report.committed and (report.directives, report.updated) == (1, 0)
    new = outcome(report, last)
    assert new.action == "new" and new.number.endswith(f"/{fiscal_year(TODAY)}")
    assert any("ไม่ได้ระบุเหตุผลที่ไม่กำหนด" in p.message_th and not p.is_error for p in report.problems)


def test_a_real_formula_cell_without_a_saved_value_is_refused(demo, tmp_path):
    sheet = Sheet(export(demo, tmp_path / "f.xlsx"))
    sheet.set(2, "ข้อสั่งการ", "=1+1")  # openpyxl writes a formula with no cached value, like a script would
    before = counts(demo)
    report = import_directives(demo.db, demo.actor, sheet.save(), today=TODAY)
    assert not report.ok and counts(demo) == before
    assert "เซลล์นี้เป็นสูตรที่ไม่มีค่าที่คำนวณไว้" in outcome(report, 2).reason


HOSTILE_FILES = {
    "missing headers": ("เรื่อง,วันที่\nทดสอบ,1/10/2562\n".encode(), "t.csv", None, "ไม่พบแถวหัวตาราง"),
    "empty": (b"", "e.csv", None, "ไฟล์ว่างเปล่า"),
    "text named .xlsx": ("ข้อความธรรมดา ไม่ใช่ตาราง\n".encode(), "x.xlsx", None, "ไม่พบแถวหัวตาราง"),
    "31 February": ("ข้อสั่งการ,วันที่สั่งการ\nทดสอบ,31/02/2563\n".encode(), "d.csv", 2, "วันที่ไม่ถูกต้อง: 31/02/2563"),
    "huge number": (f"เลขที่,ข้อสั่งการ,วันที่สั่งการ\n{10**30},ทดสอบ,1/10/2562\n".encode(), "n.csv", 2, "อ่านเลขที่ไม่ได้"),
    "formula as assignee": (
        "ข้อสั่งการ,วันที่สั่งการ,ผู้รับผิดชอบหลัก\nทดสอบ,1/10/2562,=cmd|' /C calc'!A0\n".encode(),
        "f.csv",
        2,
        "ไม่พบตำแหน่งหรือหน่วยงาน",
    ),
    "windows-874 with an unknown post": (
        "ข้อสั่งการ,วันที่สั่งการ,ผู้รับผิดชอบหลัก\nทดสอบ,1/10/2562,ผช.ลธ.(ไม่มี)\n".encode("cp874"),
        "w.csv",
        2,
        "ไม่พบตำแหน่งหรือหน่วยงาน 'ผช.ลธ.(ไม่มี)'",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_FILES))
def test_hostile_directive_files_write_nothing(demo, tmp_path, case):
    data, name, row, message = HOSTILE_FILES[case]
    path = tmp_path / name
    path.write_bytes(data)
    before = counts(demo)
    report = import_directives(demo.db, demo.actor, path, today=TODAY)
    assert not report.ok and not report.committed and counts(demo) == before
    if row is None:
        assert any(message in p.message_th for p in report.problems), report.problems
    else:
        assert message in outcome(report, row).reason, report.outcomes


def test_the_original_due_date_of_an_extended_directive_is_kept_with_a_warning(demo, tmp_path):
    target = open_with_due(demo)
    extended = target.due_on + timedelta(days=60)
    path, row = edited(demo, tmp_path, lambda s, r, t: s.set_date(r, "ขยายเวลาถึง", extended))
    assert import_directives(demo.db, demo.actor, path, today=TODAY).committed
    sheet = Sheet(export(demo, tmp_path / "again.xlsx"))
    sheet.set_date(row, "กำหนดแล้วเสร็จ", target.due_on + timedelta(days=5))
    report = import_directives(demo.db, demo.actor, sheet.save(), today=TODAY)
    assert report.ok and outcome(report, row).action == "unchanged"
    assert any(p.row == row and not p.is_error and "ก่อนขยายเวลา" in p.message_th for p in report.problems)
    assert directives.get_directive(demo.db, demo.actor, target.id, today=TODAY).row.due_on == target.due_on


def test_a_status_typed_over_an_open_directive_is_not_imported_but_said(demo, tmp_path):
    path, row = edited(demo, tmp_path, lambda s, r, t: s.set(r, "สถานะ", "ยกเลิก"))
    report = import_directives(demo.db, demo.actor, path, today=TODAY)
    assert report.ok and outcome(report, row).action == "unchanged"
    warned = [p for p in report.problems if p.row == row and not p.is_error]
    assert warned and warned[0].column == "L (สถานะ)" and "สถานะ 'ยกเลิก' ไม่ถูกนำเข้า" in warned[0].message_th
