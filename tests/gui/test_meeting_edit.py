"""Editing an existing meeting's details from the meetings page; certified meetings stay as certified."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.domain.errors import ConflictError
from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled, settle, type_text


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> MeetingsPage:
    win = MainWindow(work_ctx, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    qtbot.waitUntil(lambda: win.page("meetings").loaded)
    meetings_page = win.page("meetings")
    assert isinstance(meetings_page, MeetingsPage)
    return meetings_page


def meeting_with(ctx: AppContext, certified: bool) -> meetings.MeetingView:
    found = meetings.list_meetings(ctx.db, ctx.actor)
    return next(m for m in found if (m.status is MeetingStatus.MINUTES_CERTIFIED) == certified)


def open_editor(page: MeetingsPage, qtbot: QtBot, meeting_id: int) -> MeetingDialog:
    page.select_meeting(meeting_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    dialog = page.dialog
    assert isinstance(dialog, MeetingDialog) and dialog.meeting is not None and dialog.meeting.id == meeting_id
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    return dialog


def test_f2_edits_title_date_time_venue_chair_and_recorder(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    before = meeting_with(work_ctx, certified=False)
    dialog = open_editor(page, qtbot, before.id)
    assert dialog.windowTitle() == "แก้ไขรายละเอียดการประชุม"
    assert dialog.title_edit.text() == before.title and dialog.venue.currentText() == before.venue
    assert dialog.number.value() == before.number and not dialog.series.isEnabled()
    assert dialog.meeting_date.date() == before.meeting_date
    dialog.title_edit.clear()
    type_text(qtbot, dialog.title_edit, "การประชุมผู้บริหาร ศอ.บต. (แก้ไข)")
    dialog.meeting_date.setDate(date(2019, 10, 23))
    dialog.start_time.setText("13.30")
    dialog.end_time.setText("15.00")
    dialog.venue.setEditText("")
    type_text(qtbot, dialog.venue.lineEdit(), "ห้องประชุมศรีสุนทร")
    dialog.chair.setEditText("")
    type_text(qtbot, dialog.chair.lineEdit(), "นายรอง ตัวอย่าง")
    dialog.recorder.set_value(None)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_ops()
    after = meetings.get_meeting(work_ctx.db, work_ctx.actor, before.id)
    assert after.title == "การประชุมผู้บริหาร ศอ.บต. (แก้ไข)"
    assert after.meeting_date == date(2019, 10, 23)
    assert (after.start_time, after.end_time) == (time(13, 30), time(15, 0))
    assert after.venue == "ห้องประชุมศรีสุนทร"
    assert after.chair_name == "นายรอง ตัวอย่าง" and after.recorder_person_id is None
    # what the dialog does not show is kept, and the meeting keeps its number and series
    kept = (after.number, after.series_id, after.checker_person_id)
    assert kept == (before.number, before.series_id, before.checker_person_id)
    assert (after.opening_text, after.recording_style) == (before.opening_text, before.recording_style)
    assert after.version == before.version + 1
    assert len(meetings.list_meetings(work_ctx.db, work_ctx.actor)) == 2
    assert page.selected_meeting().title == after.title  # type: ignore[union-attr]


def test_edit_button_and_errors_keep_the_typing(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    editable = meeting_with(work_ctx, certified=False)
    page.select_meeting(editable.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MeetingDialog)
    lists_filled(qtbot, dialog)
    dialog.start_time.setText("14.00")
    dialog.end_time.setText("10.00")
    dialog.submit()
    wait_ops()
    assert dialog.isVisible() and dialog.errors.marked() == ["end_time"]
    assert dialog.errors.message("end_time") == "เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"
    assert dialog.start_time.text() == "14.00"
    dialog.reject()
    assert meetings.get_meeting(work_ctx.db, work_ctx.actor, editable.id).version == editable.version


def test_certified_meeting_is_refused_in_thai(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    certified = meeting_with(work_ctx, certified=True)
    dialog = open_editor(page, qtbot, certified.id)
    assert not dialog.save_button.isEnabled()
    assert dialog.general_error.isVisible()
    assert dialog.general_error.text().replace("\u200b", "") == "รายงานการประชุมครั้งนี้ได้รับการรับรองแล้ว จึงแก้ไขไม่ได้"
    dialog.reject()
    # the service refuses too (the dialog may have been opened before someone certified)
    data = meetings.MeetingInput(certified.series_id, "อื่น", certified.meeting_date, certified.venue)
    with pytest.raises(ConflictError, match="ได้รับการรับรองแล้ว"):
        meetings.update_meeting(work_ctx.db, work_ctx.actor, certified.id, certified.version, data)


def test_deactivated_chair_still_shows_on_the_meeting(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    editable = meeting_with(work_ctx, certified=False)
    assert editable.chair_person_id is not None
    for term in org.list_incumbencies(work_ctx.db, work_ctx.actor, person_id=editable.chair_person_id):
        org.end_incumbency(work_ctx.db, work_ctx.actor, term.id, term.version, date(2019, 10, 1))
    chair = next(p for p in org.list_people(work_ctx.db, work_ctx.actor) if p.id == editable.chair_person_id)
    org.set_person_active(work_ctx.db, work_ctx.actor, chair.id, chair.version, False, date(2020, 1, 1))
    dialog = open_editor(page, qtbot, editable.id)
    assert dialog.chair.value() == editable.chair_person_id
    assert dialog.chair.currentText() == editable.chair_name
    dialog.reject()
