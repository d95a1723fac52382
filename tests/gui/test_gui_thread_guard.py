"""The guard that keeps database work off the GUI thread catches what it must and nothing else."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from tests.gui.gui_thread_guard import GuiThreadGuard
from tests.gui.helpers import settle


def test_a_read_at_a_listed_site_is_recorded_but_not_new(qtbot: QtBot, ctx: AppContext) -> None:
    """Window reads outside MUST_BLOCK all run off the GUI thread now, so a listed site is stood in
    for: code compiled as if it were app.py's _who_acts (start-up, MUST_BLOCK) reads through a service."""
    from tests.gui.gui_thread_guard import GUI_DIR, MUST_BLOCK

    assert "app.py _who_acts" in MUST_BLOCK
    source = "def _who_acts(ctx):\n    return org.list_people(ctx.db, ctx.actor)\n"
    namespace: dict[str, object] = {"org": org}
    exec(compile(source, GUI_DIR + "app.py", "exec"), namespace)
    guard = GuiThreadGuard()
    guard.install()
    try:
        namespace["_who_acts"](ctx)  # type: ignore[operator]
    finally:
        guard.remove()
    assert "app.py _who_acts" in guard.sites
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


def test_a_new_read_on_the_gui_thread_fails(qtbot: QtBot, ctx: AppContext, request: pytest.FixtureRequest) -> None:
    """A read from window code not in KNOWN_SITES is reported as new (the autouse fixture fails on it).
    The window code is compiled as if it lived in gui/, so no real module has to misbehave."""
    from tests.gui.gui_thread_guard import GUI_DIR

    source = "def read_people(ctx):\n    return org.list_people(ctx.db, ctx.actor)\n"
    namespace: dict[str, object] = {"org": org}
    exec(compile(source, GUI_DIR + "dialogs/a_new_dialog.py", "exec"), namespace)
    request.node.expected_gui_reads = {"dialogs/a_new_dialog.py read_people"}  # the autouse guard lets this one by
    guard = GuiThreadGuard()
    guard.install()
    try:
        namespace["read_people"](ctx)  # type: ignore[operator]
    finally:
        guard.remove()
    assert guard.new_sites() == ["dialogs/a_new_dialog.py read_people"]
    assert guard.violations and guard.violations[0].startswith("dialogs/a_new_dialog.py:2 read_people")
