"""Pages that arrive in later issues: a clear note instead of an empty grey area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sbpac_desktop.gui.pages.base import Page, heading_label
from sbpac_desktop.gui.text import wrappable
from sbpac_desktop.services.app import AppContext


class PlaceholderPage(Page):
    def __init__(self, ctx: AppContext, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading = heading_label(title, self)
        self.note = QLabel(wrappable(note), self)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addStretch(1)
