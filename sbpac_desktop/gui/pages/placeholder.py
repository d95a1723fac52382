"""Pages that arrive in later issues: a clear note instead of an empty grey area."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from sbpac_desktop.gui.pages.base import Page, heading_label
from sbpac_desktop.gui.text import wrappable
from sbpac_desktop.services.app import AppContext


def _selectable(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PlaceholderPage(Page):
    """A heading, one note and optional label/value facts (one line each, never stacked)."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        note: str,
        facts: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.heading = heading_label(title, self)
        self._note_text = note
        self.note = _selectable(note, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        if facts:
            layout.addLayout(self._facts(facts))
        layout.addStretch(1)

    def reload(self) -> None:
        super().reload()
        self.note.setText(wrappable(self._note_text))  # break points for systems without libthai

    def _facts(self, facts: Sequence[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for label, value in facts:
            form.addRow(QLabel(label, self), _selectable(value, self))
        return form
