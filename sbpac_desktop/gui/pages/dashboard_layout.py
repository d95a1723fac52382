"""The dashboard's parts under their titles (its top row folds with `pages/top_row.py`)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def titled(parent: QWidget, title: str, widget: QWidget) -> QWidget:
    """`widget` under its bold title."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 4, 0, 0)
    column.setSpacing(2)
    label = QLabel(title, box)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    column.addWidget(label)
    column.addWidget(widget, 1)
    return box
