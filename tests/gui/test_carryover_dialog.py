"""After a new meeting of a series is created, the carry-over dialog proposes items 2 and 3;
the secretary drops and edits lines, and exactly those land in the agenda."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.meeting.carryover_dialog import CarryOverDialog, offer_carryover
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives.directive_views import presented_lines
from sbpac_desktop.services.meetings import agenda, meetings
from tests.gui.helpers import lists_filled, settle

SHOTS = Path("/tmp/sbpac-workflow-shots")


def _new_meeting(ctx: AppContext) -> int:
    latest = meetings.list_meetings(ctx.db, ctx.actor)[0]
    data = meetings.MeetingInput(
        series_id=latest.series_id, title=latest.title, meeting_date=date(2020, 1, 14), venue=latest.venue
    )
    return meetings.create_meeting(ctx.db, ctx.actor, data).id


def _offered(qtbot: QtBot, ctx: AppContext, meeting_id: int) -> CarryOverDialog | None:
    """The dialog offer_carryover opens once its proposal has been read off the GUI thread (None: nothing to offer)."""
    opened: list[CarryOverDialog] = []
    offer_carryover(ctx, meeting_id, None, REFERENCE_DATE, opened=opened.append)
    settle(qtbot)
    return opened[0] if opened else None


def test_accept_edit_and_drop_lines(qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]) -> None:
    meeting_id = _new_meeting(work_ctx)
    dialog = _offered(qtbot, work_ctx, meeting_id)
    assert isinstance(dialog, CarryOverDialog)
    qtbot.addWidget(dialog)
    # shown with Thai digits like the rest of the window; stored (below) with Arabic ones
    assert dialog.certify.text() == "รับรองรายงานการประชุม ครั้งที่ ๑๐/๒๕๖๒ เมื่อวันที่ ๒๒ ตุลาคม ๒๕๖๒"
    first = dialog.lines.item(0, 0).toolTip()
    assert first.startswith("ขส. ๐") and not any(ch.isascii() and ch.isdigit() for ch in first)
    assert dialog.lines.rowCount() == len(dialog.proposal.lines) == 9
    qtbot.waitExposed(dialog)
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "carryover_dialog.png"))
    dialog.set_line_accepted(8, False)  # drop ขส. 008/2563
    dialog.set_line_text(2, "ขส. 002/2563 เร่งรัดการเบิกจ่าย — รายงานในการประชุมครั้งหน้า")
    dialog.set_line_text(3, "   ")  # an emptied line that is still ticked
    dialog.submit()
    wait_ops()
    assert dialog.isVisible() and dialog.errors.marked() == ["lines"]
    assert dialog.errors.message("lines") == "เรื่องแถวที่ ๔ ไม่มีข้อความ — พิมพ์ข้อความหรือเอาเครื่องหมายออก"
    dialog.set_line_accepted(3, False)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()
    items = {i.number: i for i in agenda.list_items(work_ctx.db, work_ctx.actor, meeting_id)}
    assert items["2.1"].title == "รับรองรายงานการประชุม ครั้งที่ 10/2562 เมื่อวันที่ 22 ตุลาคม 2562"
    assert all(not any("๐" <= ch <= "๙" for ch in item.title) for item in items.values())
    subs = [items[n].title for n in sorted(items) if n.startswith("3.1.")]
    assert len(subs) == 7 and subs[2] == "ขส. 002/2563 เร่งรัดการเบิกจ่าย — รายงานในการประชุมครั้งหน้า"
    assert not any(title.startswith(("ขส. 003/2563", "ขส. 008/2563")) for title in subs)
    with work_ctx.db.unit_of_work() as session:
        linked = presented_lines(session, meeting_id)
    assert [line.title for line in linked] == subs


def test_drop_a_whole_part_and_nothing_to_offer_twice(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    meeting_id = _new_meeting(work_ctx)
    dialog = _offered(qtbot, work_ctx, meeting_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.follow_check.setChecked(False)  # only item 2 this time
    assert not dialog.lines.isEnabled()
    dialog.certify.clear()
    dialog.submit()
    wait_ops()
    assert dialog.errors.marked() == ["section2"]
    dialog.certify.setText("รับรองรายงานการประชุม ครั้งที่ 10/2562")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    wait_ops()
    numbers = [i.number for i in agenda.list_items(work_ctx.db, work_ctx.actor, meeting_id)]
    assert numbers == ["2.1"]
    again = _offered(qtbot, work_ctx, meeting_id)
    assert again is not None and not again.certify_check.isEnabled() and again.follow_check.isChecked()
    qtbot.addWidget(again)
    again.reject()


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(work_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    qtbot.waitUntil(lambda: win.page("meetings").loaded)
    return win


def test_creating_the_next_meeting_offers_the_carry_over(
    window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]
) -> None:
    page = window.page("meetings")
    assert isinstance(page, MeetingsPage)
    dialog = page.new_record()
    lists_filled(qtbot, dialog)
    dialog.meeting_date.setDate(date(2020, 1, 14))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert isinstance(page.carryover, CarryOverDialog) and page.carryover.isVisible()
    assert page.carryover.lines.rowCount() > 0
    page.carryover.reject()  # ข้าม: nothing is written
