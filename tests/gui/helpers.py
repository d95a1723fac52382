"""Test helpers: typing Thai the way a keyboard does (QTest.keyClicks only knows ASCII keys), and
waiting for a window to settle."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from sbpac_desktop.gui.main_window import MainWindow
    from sbpac_desktop.services.app import AppContext


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key presses for every character: ASCII through QTest, others as text-bearing key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def settle(qtbot: QtBot) -> None:
    """Let the window start what it defers (zero-delay timers) and wait for every background read
    to be shown: pages load their rows off the GUI thread."""
    from sbpac_desktop.gui import operations

    qtbot.wait(10)
    qtbot.waitUntil(operations.is_idle, timeout=10_000)


def lists_filled(qtbot: QtBot, dialog: QWidget) -> None:
    """Wait until a dialog's pick lists, read off the GUI thread (FormDialog.read_choices), filled it."""
    qtbot.waitUntil(lambda: not getattr(dialog, "choices_pending", False), timeout=10_000)
    settle(qtbot)


def shown_window(qtbot: QtBot, ctx: AppContext, settings: QSettings, size: tuple[int, int] = (1366, 768)) -> MainWindow:
    """The main window at `size`, shown, its first page's lists read."""
    from sbpac_desktop.gui.main_window import MainWindow

    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    return window


@contextmanager
def root_logging_kept() -> Iterator[None]:
    """run_gui adds a log file handler: take it away again afterwards, and put the level back."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _area(widget: QWidget, page: QWidget) -> QRect:
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


def cut_or_covered(page: QWidget) -> list[str]:
    """Every visible label at least as tall as its text needs (and as wide, if it does not wrap),
    overlapping no other visible label and no widget beside it in the same parent."""
    problems = []
    labels = [label for label in page.findChildren(QLabel) if label.isVisibleTo(page) and label.text()]
    for label in labels:
        need = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        if label.height() < need:
            problems.append(f"{label.text()[:40]!r}: {label.height()} px of {need}")
        if not label.wordWrap() and label.width() < label.sizeHint().width():  # one line, cut at the right
            problems.append(f"{label.text()[:40]!r}: {label.width()} px wide of {label.sizeHint().width()}")
        for other in page.findChildren(QWidget):
            near = isinstance(other, QLabel) or other.parentWidget() is label.parentWidget()
            if (other is label or not near or not other.isVisibleTo(page)
                    or other.isAncestorOf(label) or label.isAncestorOf(other)):  # fmt: skip
                continue
            if _area(label, page).intersects(_area(other, page)):
                problems.append(f"{label.text()[:40]!r} covered by {type(other).__name__} {other.objectName()}")
    return problems


def visible_main_windows() -> list[MainWindow]:
    """The main windows on screen (the frame while it opens, or the window)."""
    from sbpac_desktop.gui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]

