"""The network page's file actions: "ดาวน์โหลดแบบฟอร์ม…" saves the xlsx form members fill in offline
(services/network_import.write_template, with the area's tambons), "นำเข้าจากไฟล์…" opens the
preview of the import (dry run, row by row) and imports when the clerk presses "นำเข้า" — all or
nothing, as the service writes it. Kept apart so the page stays short."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, Preview
from sbpac_desktop.gui.dialogs.import_previews import network_preview
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field.network_import import import_network_reports, write_template


def download_template(
    ctx: AppContext, page: QWidget, notice: QLabel | None, path: Path | None = None
) -> Operation[Any] | None:
    """Ask where (unless `path` is given), then read the tambons and write the form off the GUI thread."""
    db, actor = ctx.db, ctx.actor

    def write(target: Path) -> Path:
        tambons = [p.label for p in places.all_places(db, actor) if p.level == "subdistrict"]
        return write_template(target, tambons)

    texts = (
        QCoreApplication.translate("NetworkImport", "บันทึกแบบรายงานสำหรับเครือข่าย"),
        QCoreApplication.translate("NetworkImport", "แบบรายงานเครือข่ายภาคประชาชน.xlsx"),
        QCoreApplication.translate("NetworkImport", "บันทึกแบบรายงานไว้ที่ {path} แล้ว"),
        QCoreApplication.translate("NetworkImport", "กำลังบันทึกแบบฟอร์ม…"),
    )
    return file_export.save_template(page, notice, path, texts, write)


def ask_import_file(page: QWidget) -> Path | None:
    title = QCoreApplication.translate("NetworkImport", "เลือกไฟล์รายงานจากเครือข่ายภาคประชาชน")
    path, _selected = QFileDialog.getOpenFileName(
        page, title, "", QCoreApplication.translate("NetworkImport", "ตารางคำนวณ (*.xlsx *.csv)")
    )
    return Path(path) if path else None


def import_dialog(ctx: AppContext, page: QWidget, path: Path, today: date | None = None) -> ImportPreviewDialog:
    """The preview dialog for `path`, already checking the file (dry run)."""
    db, actor = ctx.db, ctx.actor

    def check() -> Preview:
        return network_preview(import_network_reports(db, actor, path, dry_run=True, today=today))

    def apply() -> Preview:
        return network_preview(import_network_reports(db, actor, path, today=today))

    title = QCoreApplication.translate("NetworkImport", "นำเข้ารายงานจากเครือข่ายภาคประชาชนและบัณฑิตอาสา")
    dialog = ImportPreviewDialog(path, check, apply, page, title=title)
    dialog.start()
    return dialog
