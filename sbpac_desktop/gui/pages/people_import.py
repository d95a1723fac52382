"""The people & units page's "ดาวน์โหลดแบบฟอร์ม": saves the organisation template
(services/people/org_template.py); its "นำเข้าจากไฟล์…" opens the preview of `org_import` through
spreadsheet_import.py. Kept apart so the page stays short."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.services.people.org_template import write_org_template


def download_template(page: QWidget, notice: QLabel | None, path: Path | None = None) -> Operation[Any] | None:
    """Ask where (unless `path` is given), then write the template off the GUI thread."""
    texts = (
        QCoreApplication.translate("PeopleImport", "บันทึกแบบฟอร์มนำเข้า"),
        QCoreApplication.translate("PeopleImport", "แบบฟอร์มนำเข้าหน่วยงานและบุคคล.xlsx"),
        QCoreApplication.translate("PeopleImport", "บันทึกแบบฟอร์มไว้ที่ {path} แล้ว"),
    )
    return file_export.save_template(page, notice, path, texts, write_org_template)
