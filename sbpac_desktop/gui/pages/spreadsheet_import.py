"""Importing a spreadsheet from a page (directives, people and units, the civil-society network):
ask for the file unless one is given, then the preview dialog, already checking it (a dry run,
row by row); "นำเข้า" writes it for real (all or nothing, as the services do) and `imported`
runs after. One path for the three pages, so they ask and open the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog, Preview
from sbpac_desktop.services.app import AppContext

ReportT = TypeVar("ReportT")


def ask_spreadsheet(page: QWidget, title: str) -> Path | None:
    """The .xlsx or .csv file the user picks; None when the dialog is cancelled."""
    filters = QCoreApplication.translate("SpreadsheetImport", "ตารางคำนวณ (*.xlsx *.csv)")
    path, _selected = QFileDialog.getOpenFileName(page, title, "", filters)
    return Path(path) if path else None


def open_preview(
    ctx: AppContext,
    page: QWidget,
    path: Path | None,
    titles: tuple[str, str],
    service: Callable[..., ReportT],
    preview: Callable[[ReportT], Preview],
    imported: Callable[[], object],
) -> ImportPreviewDialog | None:
    """`titles`: the file dialog's and the preview's. `service(db, actor, path, dry_run=…)` is
    the import; `preview` turns its report into the dialog's rows. None when no file is chosen."""
    path = path or ask_spreadsheet(page, titles[0])
    if path is None:
        return None
    db, actor, chosen = ctx.db, ctx.actor, path

    def check() -> Preview:
        return preview(service(db, actor, chosen, dry_run=True))

    def apply() -> Preview:
        return preview(service(db, actor, chosen, dry_run=False))

    dialog = ImportPreviewDialog(chosen, check, apply, page, title=titles[1])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(lambda _preview: imported())
    dialog.start()
    dialog.open()
    return dialog
