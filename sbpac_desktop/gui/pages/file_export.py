"""Asking where to save a file, and telling the user it was saved (directive tracker and
dashboard exports, follow-up report). Kept apart so the pages stay short."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.operations import Operation

STATUS_MESSAGE_MS = 20_000
SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def spreadsheet_filters() -> list[tuple[str, str]]:
    """(dialog filter, suffix) in the order offered; the first is the default."""
    excel = QCoreApplication.translate("FileExport", "Excel (*.xlsx)")
    return [(excel, ".xlsx"), (QCoreApplication.translate("FileExport", "CSV (*.csv)"), ".csv")]


def choose_path(path: str, selected_filter: str, offered: list[tuple[str, str]]) -> Path:
    """The file the user meant: the filter's extension added when none was typed; an
    extension we cannot write is refused (AppError, shown by the caller) before any write."""
    target = Path(path)
    suffixes = [suffix for _label, suffix in offered]
    if not target.suffix:
        chosen = next((suffix for label, suffix in offered if label == selected_filter), suffixes[0])
        return target.with_name(target.name + chosen)
    if target.suffix.lower() not in suffixes:
        text = QCoreApplication.translate("FileExport", "บันทึกเป็นไฟล์ '{name}' ไม่ได้ — นามสกุลไฟล์ต้องเป็น {suffixes}")
        text = text.format(name=target.name, suffixes=", ".join(suffixes))
        raise AppError(text, text)  # already in the interface's language
    return target


def ask_save_path(parent: QWidget, title: str, default_name: str, offered: list[tuple[str, str]]) -> Path | None:
    """None when the user cancels; raises AppError for an extension we cannot write."""
    path, selected = QFileDialog.getSaveFileName(parent, title, default_name, ";;".join(lbl for lbl, _s in offered))
    if not path:
        return None
    return choose_path(path, selected, offered)


def announce(widget: QWidget, notice: QLabel | None, text: str) -> None:
    """Show a finished export in the page (if it has a notice line) and the window's status bar."""
    if notice is not None:
        notice.setText(text)
        notice.show()
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MESSAGE_MS)


def notice_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("exportNotice")
    label.setWordWrap(True)
    label.setStyleSheet("color: #1b5e20;")
    label.hide()
    return label


def save_template(
    page: QWidget,
    notice: QLabel | None,
    path: Path | None,
    texts: tuple[str, str, str],
    write: Callable[[Path], Path],
) -> Operation[Any] | None:
    """Ask where an xlsx form goes (unless `path` is given), then `write` it off the GUI thread.
    `texts`: the dialog title, the default file name and "saved to {path}", already translated
    by the caller (so lupdate sees them where they belong)."""
    title, default_name, saved_text = texts
    if path is None:
        offered = [(QCoreApplication.translate("FileExport", "Excel (*.xlsx)"), ".xlsx")]
        try:
            path = ask_save_path(page, title, default_name, offered)
        except AppError as error:
            present_error(page, error)
            return None
        if path is None:
            return None
    target = path

    def saved(written: Path) -> None:
        announce(page, notice, saved_text.format(path=written))

    busy = QCoreApplication.translate("FileExport", "กำลังบันทึกแบบฟอร์ม…")
    return Operation(page, lambda: write(target), message=busy).success(saved).run()
