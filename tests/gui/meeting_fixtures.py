"""Opening a meeting window the way a clerk does: double-click its row on the meetings page."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from tests.gui.helpers import settle


def open_meeting_window(qtbot: QtBot, ctx: AppContext, number_text: str) -> MeetingWindow:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    settle(qtbot)  # the lists load off the GUI thread
    proxy = page.table.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(ITEM_ROLE).number_text(False) == number_text:
            page.table.doubleClicked.emit(index)
            break
    settle(qtbot)  # the meeting is read off the GUI thread before its window opens
    window = next(iter(page.windows.values()))
    window.test_page = page  # type: ignore[attr-defined]  # qtbot holds widgets weakly; the page owns the window
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    settle(qtbot)  # the lists load off the GUI thread
    QApplication.processEvents()
    return window
