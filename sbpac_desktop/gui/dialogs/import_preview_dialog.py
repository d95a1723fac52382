"""The preview of a spreadsheet import: the dry run's report row by row (what would be created,
updated, left as is, or why a row is refused), then "นำเข้า" to write it for real.

Both the organisation import and the directive import show it; each gives two callables
(check = dry run, apply = real import) that run off the GUI thread and return a `Preview`
(see import_previews.py for the adapters from the services' reports). "นำเข้า" is offered
only when every row is valid and something would change: the services write all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import breakable, digits

ROW_COLOURS = {"refused": "#fde7e9", "error": "#fde7e9", "warning": "#fff4ce", "create": "#e8f5e9", "update": "#e3f2fd"}


@dataclass(frozen=True)
class PreviewLine:
    row: int | None  # as Excel shows it; None: the whole file
    kind: str  # หน่วยงาน / ตำแหน่ง / ข้อสั่งการ ...
    action: str  # create | update | unchanged | refused | warning | error | progress
    label: str  # what the row names
    detail: str  # the changed fields, or the reason a row is refused


@dataclass(frozen=True)
class Preview:
    summary: str
    lines: tuple[PreviewLine, ...]
    ok: bool  # no row refused
    changes: bool  # a real import would write something
    committed: bool = False


class ImportPreviewDialog(QDialog):
    imported = Signal(object)  # the Preview of the real import, after it committed

    def __init__(
        self, path: Path, check: Callable[[], Preview], apply: Callable[[], Preview], parent: QWidget | None = None,
        *, title: str = "",
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.path, self._check, self._apply = path, check, apply
        self.preview: Preview | None = None
        self.operation: Operation[Preview] | None = None
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(title or self.tr("นำเข้าจากไฟล์"))
        self._build()
        self.resize(1120, 620)

    def _build(self) -> None:
        self.file_label = QLabel(self.tr("ไฟล์: {name}").format(name=self.path.name), self)
        self.file_label.setToolTip(str(self.path))
        self.summary = QLabel(self.tr("กำลังตรวจสอบไฟล์…"), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("importRows")
        self.table.setHorizontalHeaderLabels(
            [self.tr("แถว"), self.tr("ประเภท"), self.tr("ผล"), self.tr("รายการ"), self.tr("รายละเอียด")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in ((0, 60), (1, 90), (2, 110), (3, 330)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        self.import_button = QPushButton(self.tr("นำเข้า"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.run_import)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    # --- running ----------------------------------------------------------------------
    def start(self) -> None:
        """The dry run, off the GUI thread; the table fills when it answers."""
        message = self.tr("กำลังตรวจสอบไฟล์…")
        self.operation = Operation(self, self._check, message=message, busy=[self.import_button])
        self.operation.success(self.show_preview).failure(self._failed).run()

    def run_import(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        message = self.tr("กำลังนำเข้า…")
        self.operation = Operation(self, self._apply, message=message, busy=[self.import_button])
        self.operation.success(self._imported).failure(self._failed).run()

    def _imported(self, preview: Preview) -> None:
        self.show_preview(preview)
        self.import_button.setEnabled(False)
        if preview.committed:
            self.imported.emit(preview)

    def _failed(self, error: BaseException) -> None:
        """A refusal of the whole action (permission, database): said in the dialog, no import offered."""
        text = error_text(error) if isinstance(error, AppError) else self.tr("เกิดข้อผิดพลาดที่ไม่คาดคิด")
        self.summary.setText(text)
        self.summary.setStyleSheet("font-weight: bold; color: #b3261e;")
        self.import_button.setEnabled(False)
        if not isinstance(error, AppError):
            present_error(self, error)

    # --- showing ----------------------------------------------------------------------
    def action_text(self, action: str) -> str:
        texts = {
            "create": self.tr("เพิ่มใหม่"),
            "update": self.tr("ปรับปรุง"),
            "unchanged": self.tr("ไม่เปลี่ยนแปลง"),
            "refused": self.tr("ไม่รับ"),
            "error": self.tr("ข้อผิดพลาด"),
            "warning": self.tr("คำเตือน"),
            "progress": self.tr("เพิ่มรายงานผล"),
        }
        return texts.get(action, action)

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.summary.setText(digits(preview.summary))
        self.summary.setStyleSheet("font-weight: bold;" + ("" if preview.ok else " color: #b3261e;"))
        self.table.setRowCount(len(preview.lines))
        for index, line in enumerate(preview.lines):
            row = self.tr("ทั้งไฟล์") if line.row is None else digits(str(line.row))
            cells = (
                row,
                line.kind,
                self.action_text(line.action),
                breakable(digits(line.label)),
                breakable(digits(line.detail)),
            )
            colour = ROW_COLOURS.get(line.action)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column >= 3 else "")
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        self.import_button.setEnabled(preview.ok and preview.changes and not preview.committed)
        if self.import_button.isEnabled():
            self.import_button.setDefault(True)
