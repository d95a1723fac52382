"""The directives page's "นำเข้า…": pick a spreadsheet, see the dry run row by row (new /
updated with the fields / unchanged / refused with why) in the import preview dialog, then
import. Kept apart so the page stays short."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog
from sbpac_desktop.gui.dialogs.import_previews import directive_preview
from sbpac_desktop.gui.pages.spreadsheet_import import open_preview
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.spreadsheets.directive_import import import_directives


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
    titles = (
        QCoreApplication.translate("DirectiveImport", "เลือกไฟล์ข้อสั่งการที่จะนำเข้า"),
        QCoreApplication.translate("DirectiveImport", "นำเข้าข้อสั่งการจากไฟล์ (เลขที่ที่มีอยู่แล้ว = ปรับปรุง)"),
    )
    return open_preview(ctx, page, path, titles, import_directives, directive_preview, imported)
