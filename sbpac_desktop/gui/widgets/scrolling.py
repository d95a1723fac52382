"""A column that scrolls down when the window is too short for it (the least size, 960x560),
instead of Qt squeezing its parts over each other, and fills the height when there is room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from sbpac_desktop.gui.widgets.flush import flush


class ScrollBody(QWidget):
    """The scrolled widget. QScrollArea makes a widget whose layout has height-for-width (wrapped
    labels) as tall as its layout's preferred height, so a page scrolled even with room to spare:
    this one asks only for the least height its parts need at that width."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)


def scrolling(parent: QWidget, body: QWidget, name: str) -> QScrollArea:
    """A frameless scroll area named `name` filling `parent` (its layout) and showing `body` at its
    width; it scrolls only down."""
    # as wide as the area shows, never wider (a wider column was cut at the right): the page folds
    # its rows to fit instead (pages/top_row.py)
    body.setSizePolicy(QSizePolicy.Policy.Ignored, body.sizePolicy().verticalPolicy())
    area = QScrollArea(parent)
    area.setObjectName(name)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(body)
    outer = flush(QVBoxLayout(parent))
    outer.addWidget(area)
    return area
