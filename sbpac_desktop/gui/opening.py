"""The main window while its database opens (issue #16): the frame shows first, before the
database layer is even imported, and says what is happening; navigation, toolbar, menus,
shortcuts and the search box are held until `MainWindow.attach` gives it an open database.
Light on purpose: only Qt, so the frame costs what a bare window costs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from shiboken6 import Shiboken

if TYPE_CHECKING:
    from sbpac_desktop.gui.main_window import MainWindow

HEADING_SCALE = 1.45  # as a page's heading (gui/pages/base.py), without importing the pages
DEFAULT_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(960, 560)  # leaves room for a taskbar on a 1366×768 laptop screen
DECORATION = QSize(32, 64)  # the window system's title bar and borders, around the window's own size


def first_size(available: QSize) -> QSize:
    """The frame's size on a first start (no saved geometry): the default, but never taller or
    wider than the screen's free area with the title bar counted. 720 px plus a title bar ran
    past the bottom of a 1366×768 screen and hid the status bar (seen on a real X server)."""
    return DEFAULT_SIZE.boundedTo(available - DECORATION).expandedTo(MINIMUM_SIZE)


def opening_text() -> str:
    return QCoreApplication.translate("MainWindow", "กำลังเปิดฐานข้อมูล…")


class OpeningState:
    """Built by the window; `hold` once its actions exist, `finish` when the database is open."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.key = "meetings"  # the page to open on, read from the settings by the window
        self.held: list[QWidget | QAction] = []
        self.page: QWidget | None = QWidget(window.stack)
        self.page.setObjectName("openingPage")
        self.label = QLabel(self.page)
        self.label.setObjectName("openingLabel")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.label.font())
        font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        self.label.setFont(font)
        layout = QVBoxLayout(self.page)
        layout.addWidget(self.label, 1)
        window.stack.addWidget(self.page)
        window.stack.setCurrentWidget(self.page)

    def is_open(self) -> bool:
        """True until `finish`: the window is still waiting for its database."""
        return self.page is not None

    def hold(self) -> None:
        """Disable what needs a database: every enabled action of the window (menus and their
        shortcuts included) but those that need none (quit and help: Ctrl+Q did nothing while the
        database opened), the navigation and the search box."""
        window = self.window
        free = set(window.menus.free_actions())
        held: list[QWidget | QAction] = [a for a in window.findChildren(QAction) if a not in free]
        self.hold_more([*held, window.nav, window.search])
        self.retranslate()

    def hold_more(self, items: Sequence[QWidget | QAction]) -> None:
        """Hold `items` too until `finish` (the page actions made again by a language change
        while the database still opens: new, they were enabled, Ctrl+1… live on the frame)."""
        for item in items:
            if item.isEnabled():
                item.setEnabled(False)
                self.held.append(item)

    def finish(self) -> None:
        for item in self.held:
            if Shiboken.isValid(item):  # a page's menu action is replaced when the pages are rebuilt
                item.setEnabled(True)
        self.held = []
        if self.page is not None:
            self.window.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None

    def retranslate(self) -> None:
        if self.page is None:
            return
        self.label.setText(opening_text())
        self.window.database_label.setText(opening_text())
        self.window.user_label.clear()
