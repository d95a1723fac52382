"""The directives page's "นำเข้า…": pick a spreadsheet, see the dry run row by row (new /
updated with the fields / unchanged / refused with why) in the import preview dialog, then
import. Kept apart so the page stays short."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, Preview
from sbpac_desktop.gui.dialogs.import_previews import directive_preview
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.spreadsheets.directive_import import import_directives


def ask_file(page: QWidget) -> Path | None:
    title = QCoreApplication.translate("DirectiveImport", "เลือกไฟล์ข้อสั่งการที่จะนำเข้า")
    path, _selected = QFileDialog.getOpenFileName(
        page, title, "", QCoreApplication.translate("DirectiveImport", "ตารางคำนวณ (*.xlsx *.csv)")
    )
    return Path(path) if path else None


def import_button(page: QWidget, clicked: Callable[[], object]) -> QPushButton:
    button = QPushButton(QCoreApplication.translate("DirectiveImport", "นำเข้า…"), page)
    button.setObjectName("importDirectivesButton")
    button.setToolTip(
        QCoreApplication.translate("DirectiveImport", "นำเข้าหรือปรับปรุงข้อสั่งการจากไฟล์ Excel/CSV (ดูรายงานทีละแถวก่อนบันทึก)")
    )
    button.clicked.connect(clicked)
    return button


def open_import(
    ctx: AppContext, page: QWidget, path: Path | None, imported: Callable[[], object]
) -> ImportPreviewDialog | None:
    """Ask for the file (unless given), then the preview of importing it, already checking it;
    `imported` runs after a real import."""
    path = path or ask_file(page)
    if path is None:
        return None
    db, actor, chosen = ctx.db, ctx.actor, path

    def check() -> Preview:
        return directive_preview(import_directives(db, actor, chosen, dry_run=True))

    def apply() -> Preview:
        return directive_preview(import_directives(db, actor, chosen))

    title = QCoreApplication.translate("DirectiveImport", "นำเข้าข้อสั่งการจากไฟล์ (เลขที่ที่มีอยู่แล้ว = ปรับปรุง)")
    dialog = ImportPreviewDialog(path, check, apply, page, title=title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(lambda _preview: imported())
    dialog.start()
    dialog.open()
    return dialog
