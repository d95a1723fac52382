"""A tool button that opens its menu on a click (เอกสาร ▾, หนังสือ ▾)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QToolButton, QWidget


class MenuToolButton(QToolButton):
    """Wide enough for its text and the menu arrow: Qt's size hint of an InstantPopup button
    leaves no room for the arrow, which covered the text's last letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _arrow(self) -> int:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        return self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, self)

    def sizeHint(self) -> QSize:  # noqa: N802
        size = super().sizeHint()
        return QSize(size.width() + self._arrow(), size.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        size = super().minimumSizeHint()
        return QSize(size.width() + self._arrow(), size.height())
