"""The directives page's นำเข้า…: an exported tracker edited like in Excel shows, row by row,
updated (with the fields) / unchanged / refused, and นำเข้า writes it (real demo database)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.reporting.spreadsheets import write_table
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.spreadsheets.export import tracker_table
from sbpac_desktop.thai import to_arabic_digits


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext) -> DirectivesPage:
    widget = DirectivesPage(work_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    widget.ensure_loaded()
    qtbot.waitUntil(lambda: operations.is_idle() and not widget.model.loading, timeout=10_000)
    return widget


def exported(ctx: AppContext, path: Path, edit=None) -> Path:  # type: ignore[no-untyped-def]
    table = tracker_table(ctx.db, ctx.actor, None, REFERENCE_DATE)
    write_table(path, table.headers, table.rows, info=table.info)
    if edit:
        book = openpyxl.load_workbook(path)
        edit(book.active)
        book.save(path)
    return path


def preview(qtbot: QtBot, page: DirectivesPage, path: Path) -> ImportPreviewDialog:
    dialog = page.import_from_file(path)
    assert isinstance(dialog, ImportPreviewDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15_000)
    return dialog


def cells(dialog: ImportPreviewDialog, row: int) -> list[str]:
    return [to_arabic_digits(dialog.table.item(row, c).text().replace("\u200b", "")) for c in range(5)]


def test_an_edited_row_is_shown_as_updated_and_imported(qtbot, page, work_ctx, tmp_path):
    def edit(sheet):  # type: ignore[no-untyped-def]
        sheet["B2"] = sheet["B2"].value + " (ปรับถ้อยคำ)"

    dialog = preview(qtbot, page, exported(work_ctx, tmp_path / "t.xlsx", edit))
    first = cells(dialog, 0)
    assert first[0] == "2" and first[2] == "ปรับปรุง" and first[3] == "ขส. 001/2562" and first[4] == "ข้อความ"
    assert {cells(dialog, r)[2] for r in range(1, dialog.table.rowCount())} == {"ไม่เปลี่ยนแปลง"}
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=15_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    rows = directives.list_directives(work_ctx.db, work_ctx.actor)
    assert next(r for r in rows if r.number_text(False) == "ขส. 001/2562").text.endswith("(ปรับถ้อยคำ)")
    assert "นำเข้าแล้ว" in to_arabic_digits(dialog.summary.text())


def test_a_refused_row_blocks_the_import(qtbot, page, work_ctx, tmp_path):
    def edit(sheet):  # type: ignore[no-untyped-def]
        sheet["F3"] = "ผช.ลธ.(ไม่มี)"

    dialog = preview(qtbot, page, exported(work_ctx, tmp_path / "bad.xlsx", edit))
    refused = next(cells(dialog, r) for r in range(dialog.table.rowCount()) if cells(dialog, r)[0] == "3")
    assert refused[3].startswith("ขส. 00")  # the number as typed, so the clerk finds the row
    assert refused[2] == "ไม่รับ" and "ไม่พบตำแหน่งหรือหน่วยงาน 'ผช.ลธ.(ไม่มี)'" in refused[4]
    assert not dialog.import_button.isEnabled() and "ไม่ได้บันทึกข้อมูลใด ๆ" in dialog.summary.text()
    dialog.resize(1120, 620)
    assert dialog.height() <= 720
    dialog.grab().save(str(tmp_path.parent / "directive_import_preview.png"))


def test_the_button_asks_for_a_file_and_cancel_opens_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert not page.findChildren(ImportPreviewDialog)
