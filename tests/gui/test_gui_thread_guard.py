"""The guard that keeps database work off the GUI thread catches what it must and nothing else."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.gui.pages.people import PeoplePage
from sbpac_desktop.services import meetings
from sbpac_desktop.services.app import AppContext
from tests.gui.gui_thread_guard import GuiThreadGuard
from tests.gui.helpers import settle


def test_a_page_reading_on_the_gui_thread_is_caught(qtbot: QtBot, ctx: AppContext) -> None:
    page = PeoplePage(ctx)
    qtbot.addWidget(page)
    guard = GuiThreadGuard()
    guard.install()
    try:
        page.reload()  # still reads on the GUI thread: listed, so it does not fail other tests
    finally:
        guard.remove()
    assert "pages/people.py reload" in guard.sites
    assert guard.new_sites() == []


def test_reads_behind_an_operation_and_fixture_setup_are_not_violations(qtbot: QtBot, ctx: AppContext) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    guard = GuiThreadGuard()
    guard.install()
    try:
        meetings.list_meetings(ctx.db, ctx.actor)  # a test setting data up: no window code on the stack
        page.reload()
        settle(qtbot)
    finally:
        guard.remove()
    assert page.model.rowCount() == 2
    assert guard.sites == set()
