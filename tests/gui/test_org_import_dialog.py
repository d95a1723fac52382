"""The people & units page's template button and the import preview dialog (dry run row by row,
then นำเข้า), against a real demo database and real files."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, Preview
from sbpac_desktop.gui.dialogs.import_previews import org_preview
from sbpac_desktop.gui.pages.people import PeoplePage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org_import import import_org
from sbpac_desktop.thai import to_arabic_digits

TODAY = date(2020, 6, 1)
HEAD = ["ประเภท", "ชื่อหน่วยงาน", "ชื่อย่อหน่วยงาน", "สังกัด", "ชื่อตำแหน่ง", "ชื่อย่อตำแหน่ง", "คำนำหน้า/ยศ", "ชื่อ", "นามสกุล"]
NEW_UNIT = ["หน่วยงาน", "สำนักงานคณะกรรมการส่งเสริมการลงทุน", "สกท.", "", "", "", "", "", ""]
NEW_POST = ["ตำแหน่ง", "", "", "สกท.", "ผู้ช่วยเลขาธิการ ศอ.บต.", "ผช.ลธ.(สกท.)", "", "", ""]
UPDATED_PERSON = ["บุคคล", "", "", "", "", "", "ดร.", "กิตติ", "พาณิชย์ดี"]  # in the demo as นาย
BAD_TERM = ["วาระ", "", "", "", "", "ผช.ลธ.(ไม่มี)", "", "กิตติ", "พาณิชย์ดี"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows([HEAD, *rows])
    return path


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext) -> PeoplePage:
    widget = PeoplePage(work_ctx, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.reload()
    return widget


def checked(qtbot: QtBot, page: PeoplePage, path: Path, wait_ops: Callable[[], None]) -> ImportPreviewDialog:
    dialog = page.import_from_file(path)
    assert dialog is not None
    wait_ops()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    return dialog


def table_rows(dialog: ImportPreviewDialog) -> list[list[str]]:
    table = dialog.table
    text = lambda r, c: to_arabic_digits(table.item(r, c).text().replace("\u200b", ""))  # noqa: E731
    return [[text(r, c) for c in range(5)] for r in range(table.rowCount())]


def test_template_button_saves_the_template(qtbot, page, tmp_path, monkeypatch, wait_ops):
    target = tmp_path / "แบบฟอร์ม"  # no suffix typed: the filter's .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    qtbot.mouseClick(page.template_button, Qt.MouseButton.LeftButton)
    wait_ops()
    saved = target.with_suffix(".xlsx")
    assert openpyxl.load_workbook(saved).sheetnames == ["หน่วยงานและบุคคล", "คำอธิบาย"]
    assert page.notice.isVisible() and str(saved) in page.notice.text()


def test_import_button_asks_for_a_file_and_cancel_does_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.import_dialog is None


def test_a_refused_row_is_shown_and_import_is_not_offered(qtbot, page, tmp_path, wait_ops):
    path = write_csv(tmp_path / "bad.csv", [NEW_UNIT, UPDATED_PERSON, BAD_TERM])
    dialog = checked(qtbot, page, path, wait_ops)
    rows = table_rows(dialog)
    assert [r[:3] for r in rows] == [
        ["2", "หน่วยงาน", "เพิ่มใหม่"],
        ["3", "บุคคล", "ปรับปรุง"],
        ["4", "วาระ", "ไม่รับ"],
    ]
    assert rows[1][4] == "แก้ไข คำนำหน้า"
    assert "ไม่พบตำแหน่งชื่อย่อ “ผช.ลธ.(ไม่มี)”" in rows[2][4]
    assert not dialog.import_button.isEnabled()
    assert "ไม่ได้บันทึกข้อมูลใด ๆ" in dialog.summary.text()
    assert "สกท." not in [u.short_name for u in org.list_org_units(page.ctx.db, page.ctx.actor)]


def test_preview_then_import_updates_the_page(qtbot, page, tmp_path, wait_ops):
    path = write_csv(tmp_path / "good.csv", [NEW_UNIT, NEW_POST, UPDATED_PERSON])
    dialog = checked(qtbot, page, path, wait_ops)
    assert dialog.import_button.isEnabled() and "ทดลองนำเข้า" in dialog.summary.text()
    posts_before = page.model.rowCount()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "นำเข้าแล้ว" in dialog.summary.text() and not dialog.import_button.isEnabled()
    assert page.model.rowCount() == posts_before + 1
    assert "สกท." in [u.short_name for u in page.data.units]


def test_preview_dialog_fits_a_small_screen(qtbot, page, tmp_path, wait_ops):
    rows = [NEW_UNIT, NEW_POST, UPDATED_PERSON, BAD_TERM] + [
        ["บุคคล", "", "", "", "", "", "นาย", f"ทดสอบ{i}", "นามสกุลยาวมากสำหรับการทดสอบการตัดบรรทัด"] for i in range(20)
    ]
    dialog = checked(qtbot, page, write_csv(tmp_path / "many.csv", rows), wait_ops)
    dialog.show()
    assert dialog.height() <= 720 and dialog.width() <= 1366
    dialog.grab().save(str(tmp_path.parent / "import_preview.png"))


def test_a_refused_check_is_said_in_the_dialog_and_offers_no_import(qtbot, work_ctx, tmp_path, wait_ops):
    viewer = Actor(work_ctx.actor.user_id, "viewer", UserRole.VIEWER, "ผู้อ่าน")
    path = write_csv(tmp_path / "v.csv", [NEW_UNIT])

    def check() -> Preview:
        return org_preview(import_org(work_ctx.db, viewer, path, dry_run=True))

    dialog = ImportPreviewDialog(path, check, check)
    qtbot.addWidget(dialog)
    dialog.start()
    wait_ops()
    assert "ไม่มีสิทธิ์นำเข้าข้อมูลหน่วยงานและบุคคล" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.table.rowCount() == 0
