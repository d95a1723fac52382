"""Help → แป้นพิมพ์ลัด: every keyboard shortcut of the main window, read from its actions (menus,
toolbar, pages), so the list cannot drift from what the keys do; then the keys of the editing
dialogs and the meeting window, which live in those windows."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(key as the platform writes it, what it does) for each action of `window` with a shortcut."""
    found: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            name = re.sub("&(.)", r"\1", action.text()).rstrip("…").strip() or action.toolTip()  # && is a real &
            if name and not key.isEmpty():
                found[(key.toString(QKeySequence.SequenceFormat.NativeText), name)] = None
    return sorted(found, key=lambda pair: (len(pair[0]), pair[0]))


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("แป้นพิมพ์ลัด"))
        rows = [*window_shortcuts(window), *self.other_windows()]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("แป้น"), self.tr("ทำอะไร")])
        for row, (key, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("แป้นพิมพ์ลัดของหน้าต่างหลัก และของหน้าต่างแก้ไขข้อมูลและหน้าต่างการประชุม"), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 600)

    def other_windows(self) -> list[tuple[str, str]]:
        """Keys that belong to other windows or to one page (shortcuts, not actions of the window)."""
        native = QKeySequence.SequenceFormat.NativeText
        keys = [
            (QKeySequence("Ctrl+E"), self.tr("ส่งออกข้อสั่งการ (หน้าข้อสั่งการ)")),
            (QKeySequence(QKeySequence.StandardKey.Save), self.tr("บันทึก (หน้าต่างแก้ไขข้อมูล)")),
            (QKeySequence(QKeySequence.StandardKey.Print), self.tr("พิมพ์รายงานการประชุม (หน้าต่างการประชุม)")),
            (QKeySequence(QKeySequence.StandardKey.Close), self.tr("ปิดหน้าต่างการประชุม")),
            (QKeySequence("Alt+Up"), self.tr("เลื่อนเรื่องขึ้น (ระเบียบวาระ)")),
            (QKeySequence("Alt+Down"), self.tr("เลื่อนเรื่องลง (ระเบียบวาระ)")),
            (QKeySequence(Qt.Key.Key_Escape), self.tr("ปิดหน้าต่างโดยไม่บันทึก")),
        ]
        return [(key.toString(native), what) for key, what in keys]
