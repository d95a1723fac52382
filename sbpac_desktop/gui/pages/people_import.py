"""The people & units page's file actions: "ดาวน์โหลดแบบฟอร์ม" saves the organisation template
(services/people/org_template.py), "นำเข้าจากไฟล์…" opens the preview of `org_import` (dry run, row by
row) and imports when the clerk presses "นำเข้า". Kept apart so the page stays short."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, Preview
from sbpac_desktop.gui.dialogs.import_previews import org_preview
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people.org_import import import_org
from sbpac_desktop.services.people.org_template import write_org_template


def download_template(page: QWidget, notice: QLabel | None, path: Path | None = None) -> Operation[Any] | None:
    """Ask where (unless `path` is given), then write the template off the GUI thread."""
    texts = (
        QCoreApplication.translate("PeopleImport", "บันทึกแบบฟอร์มนำเข้า"),
        QCoreApplication.translate("PeopleImport", "แบบฟอร์มนำเข้าหน่วยงานและบุคคล.xlsx"),
        QCoreApplication.translate("PeopleImport", "บันทึกแบบฟอร์มไว้ที่ {path} แล้ว"),
        QCoreApplication.translate("PeopleImport", "กำลังบันทึกแบบฟอร์ม…"),
    )
    return file_export.save_template(page, notice, path, texts, write_org_template)


def ask_import_file(page: QWidget) -> Path | None:
    title = QCoreApplication.translate("PeopleImport", "เลือกไฟล์หน่วยงานและบุคคล")
    path, _selected = QFileDialog.getOpenFileName(
        page, title, "", QCoreApplication.translate("PeopleImport", "ตารางคำนวณ (*.xlsx *.csv)")
    )
    return Path(path) if path else None


def import_dialog(ctx: AppContext, page: QWidget, path: Path) -> ImportPreviewDialog:
    """The preview dialog for `path`, already checking the file (dry run)."""
    db, actor = ctx.db, ctx.actor

    def check() -> Preview:
        return org_preview(import_org(db, actor, path, dry_run=True))

    def apply() -> Preview:
        return org_preview(import_org(db, actor, path))

    dialog = ImportPreviewDialog(
        path,
        check,
        apply,
        page,
        title=QCoreApplication.translate("PeopleImport", "นำเข้าหน่วยงาน ตำแหน่ง บุคคล และวาระจากไฟล์"),
    )
    dialog.start()
    return dialog
