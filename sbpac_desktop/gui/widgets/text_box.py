"""The multi-line text field of the forms (progress, workflow and agenda item): Tab moves to the
next field instead of typing a tab, the placeholder says what to write, and a minimum height
keeps a few lines visible."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class CompactTextBox(QPlainTextEdit):
    """Asks for its minimum height, not Qt's ~190 px: four text boxes asking for that made the
    progress dialog 813 px tall, past a 768 px screen. Extra height the dialog has is still shared out."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.minimumHeight())


def text_box(parent: QWidget, name: str, placeholder: str, height: int, *, compact: bool = False) -> QPlainTextEdit:
    box = CompactTextBox(parent) if compact else QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box
