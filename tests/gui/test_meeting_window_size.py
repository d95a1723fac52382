"""The meeting window (agenda tab with the item editor and its attachments) fits a 1366x768 screen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sbpac_desktop.services.app import AppContext
from tests.gui.meeting_fixtures import open_meeting_window


def test_meeting_window_fits_a_1366x768_screen(qtbot: QtBot, work_ctx: AppContext) -> None:
    window = open_meeting_window(qtbot, work_ctx, "10/2562")
    try:
        editor = window.findChild(object, "itemScroll")
        assert editor is not None  # the editor's long parts scroll
        hint = window.minimumSizeHint()
        assert hint.height() <= 740, hint
        assert hint.width() <= 1366, hint
        window.resize(1366, 740)
        qtbot.waitUntil(lambda: window.height() <= 740)
    finally:
        window.close()
