"""On the demo, "new meeting" from the demo's series starts with the SG in the chair, the room of the
series and the eleven standing members to list (services/demo/demo.py fills the series)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import SERIES, VENUE
from sbpac_desktop.services.meetings import attendance, meetings
from sbpac_desktop.services.meetings.series_attendance import MEMBERS
from tests.gui.helpers import lists_filled

DAY = date(2020, 4, 21)
SHOTS = Path("/tmp")


def test_new_meeting_of_the_demo_series_fills_chair_venue_and_attendance(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    before = {m.id for m in meetings.list_meetings(work_ctx.db, work_ctx.actor)}
    dialog = MeetingDialog(work_ctx, today=DAY)
    qtbot.addWidget(dialog)
    dialog.resize(dialog.width(), dialog.sizeHint().height())
    dialog.show()
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    assert dialog.height() <= 720
    assert dialog.series.currentText() == SERIES
    assert dialog.venue.currentText() == VENUE
    assert dialog.chair.currentText().replace("\u200b", "").startswith("นายสมชาย ตัวอย่าง")
    assert dialog.prefill is not None and dialog.prefill.source.value() == MEMBERS
    note = dialog.prefill.note.text().replace("\u200b", "")
    assert "๑๑" in note and "ว่าง" not in note  # every standing post has a holder that day
    dialog.grab().save(str(SHOTS / "demo_series_new_meeting.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    (created,) = [m for m in meetings.list_meetings(work_ctx.db, work_ctx.actor) if m.id not in before]
    assert created.venue == VENUE
    lines = attendance.list_attendance(work_ctx.db, work_ctx.actor, created.id)
    assert len(lines) == 11
    assert (lines[0].meeting_role, lines[-1].meeting_role) == ("ประธาน", "กรรมการและเลขานุการ")
    assert sum(1 for a in lines if a.meeting_role == "กรรมการ") == 8
