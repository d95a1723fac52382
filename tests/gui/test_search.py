"""The toolbar search: Enter opens the results, the match is highlighted, a double-click opens the record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.gui.search.results import SearchResultsDialog, snippet_html
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services.app import AppContext
from tests.gui.helpers import settle, type_text


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def search_for(qtbot: QtBot, window: MainWindow, text: str) -> SearchResultsDialog:
    assert window.search.isEnabled()
    window.search.setFocus()
    type_text(qtbot, window.search, text)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    dialog = window.findChild(SearchResultsDialog, "searchResults")
    assert dialog is not None and dialog.isVisible()
    settle(qtbot)  # the search runs off the GUI thread
    return dialog


def row_of(dialog: SearchResultsDialog, kind: str) -> int:
    return next(row for row in range(dialog.tree.topLevelItemCount()) if dialog.hit_at(row).kind == kind)


def test_enter_in_the_toolbar_lists_ranked_hits(qtbot: QtBot, window: MainWindow) -> None:
    dialog = search_for(qtbot, window, "ศอ.บต.")
    assert dialog.tree.topLevelItemCount() == len(dialog.hits) > 0
    assert "พบ" in dialog.summary.text() and "ศอ.บต." in dialog.summary.text()
    first = dialog.tree.topLevelItem(0)
    assert "«ศอ.บต.»" in first.text(3)
    ranks = [hit.rank for hit in dialog.hits]
    assert ranks == sorted(ranks, reverse=True)


def test_no_hits_says_so_and_a_second_search_reuses_the_window(qtbot: QtBot, window: MainWindow) -> None:
    dialog = search_for(qtbot, window, "ศอ.บต.")
    window.search.clear()
    again = search_for(qtbot, window, 'zzz"*OR')
    assert again is dialog
    assert dialog.tree.topLevelItemCount() == 0 and "ไม่พบ" in dialog.summary.text()


def test_double_click_on_an_agenda_hit_opens_the_meeting(qtbot: QtBot, window: MainWindow) -> None:
    dialog = search_for(qtbot, window, "ประชุม")
    row = row_of(dialog, "agenda_item")
    hit = dialog.hit_at(row)
    dialog.open_row(row)
    settle(qtbot)  # the meeting is read off the GUI thread before its window opens
    meeting_window = window.page("meetings").windows[hit.meeting_id]  # type: ignore[attr-defined]
    assert isinstance(meeting_window, MeetingWindow) and meeting_window.isVisible()
    meeting_window.close()


def test_a_directive_hit_selects_the_directive_even_behind_a_filter(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("directives")
    assert isinstance(page, DirectivesPage)
    window.show_page("directives")
    page.text_filter.setText("ไม่มีข้อสั่งการนี้แน่นอน")
    page.reload()
    dialog = search_for(qtbot, window, "เลขาธิการ")
    row = row_of(dialog, "directive")
    dialog.open_row(row)
    assert window.current_key() == "directives"
    qtbot.waitUntil(lambda: operations.is_idle() and not page.model.loading, timeout=10_000)
    selected = page.selected_row()
    assert selected is not None and selected.id == dialog.hit_at(row).directive_id


def test_snippet_html_escapes_and_highlights() -> None:
    html = snippet_html("<b> «ศอ.บต.» & ")
    assert "&lt;b&gt;" in html and "&amp;" in html
    assert ">ศอ.บต.</span>" in html and "«" not in html


def test_a_common_letter_says_more_matches_were_left_out(qtbot: QtBot, window: MainWindow) -> None:
    """The demo is small: a limit of 3 stands for the 50 of a full database."""
    dialog = search_for(qtbot, window, "ศอ.บต.")
    assert not dialog.more and "ยังมีอีก" not in dialog.summary.text() and "พบ" in dialog.summary.text()
    dialog.limit = 3
    window.search.clear()
    search_for(qtbot, window, "ก")
    assert len(dialog.hits) == dialog.tree.topLevelItemCount() == 3 and dialog.more
    assert "ยังมีอีก" in dialog.summary.text() and digits("3") + " รายการที่ตรงที่สุด" in dialog.summary.text()
    dialog.resize(1000, 480)
    dialog.grab().save("/tmp/perf_search_more.png")
