"""ประวัติการแก้ไข from the directive detail pane and from the meeting window."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.dialogs.directive_dialog import directive_input
from sbpac_desktop.gui.text import datetime_text as gui_datetime_text
from sbpac_desktop.gui.widgets.directive_detail import DirectiveDetailPane
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from tests.gui.meeting_fixtures import open_meeting_window

SHOTS = Path(os.environ.get("SBPAC_SHOTS", "/tmp/sbpac-shots"))


def test_directive_history_from_the_detail_pane(qtbot: QtBot, work_ctx: AppContext, wait_ops):
    row = directives.list_directives(work_ctx.db, work_ctx.actor)[0]
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    directives.update_directive(
        work_ctx.db, work_ctx.actor, row.id, detail.row.version, replace(directive_input(detail), text="ข้อความใหม่")
    )
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    pane = DirectiveDetailPane(ctx=work_ctx)
    qtbot.addWidget(pane)
    pane.show_detail(detail)
    assert pane.history_button.isVisibleTo(pane)
    dialog = pane.show_history()
    assert dialog is not None
    wait_ops()
    assert dialog.entries is not None
    newest = dialog.entries[0]
    assert (newest.entity, newest.action_label) == ("directive", "แก้ไข")
    assert {c.label: c.after for c in newest.changes}["ข้อความ"] == "ข้อความใหม่"
    text = dialog.browser.toPlainText().replace("\u200b", "")  # wrappable() marks word breaks
    assert "ข้อความใหม่" in text and "แก้ไข" in text and work_ctx.actor.display_name in text
    # when it happened, in Thai digits like the rest of the window (the service gives Arabic)
    when = gui_datetime_text(newest.at)
    assert when in text and when.endswith(" น.") and not any(ch.isascii() and ch.isdigit() for ch in when)
    assert not any(ch.isascii() and ch.isdigit() for ch in text.split("\n")[0])
    assert any(e.entity == "progress_report" for e in dialog.entries)  # the demo's reports are included
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "history_directive.png"))


def test_meeting_history_from_the_meeting_window(qtbot: QtBot, work_ctx: AppContext, wait_ops):
    window = open_meeting_window(qtbot, work_ctx, "10/2562")
    dialog = window.show_history()
    wait_ops()
    assert dialog.entries and {e.entity for e in dialog.entries} >= {"meeting", "agenda_item", "attendance"}
    assert "ประวัติการแก้ไข" in dialog.windowTitle()
    dialog.grab().save(str(SHOTS / "history_meeting.png"))
    window.grab().save(str(SHOTS / "meeting_window_history_button.png"))
    window.close()
