"""The network page's "ดาวน์โหลดแบบฟอร์ม…": saves the xlsx form members fill in offline
(services/network_import.write_template, with the area's tambons); its "นำเข้าจากไฟล์…" opens the
preview of the import through spreadsheet_import.py. Kept apart so the page stays short."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field.network_import import write_template


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
    )
    return file_export.save_template(page, notice, path, texts, write)
