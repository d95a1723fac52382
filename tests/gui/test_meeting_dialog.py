"""New meeting: Ctrl+N, typing into the fields, BE date, defaults from the series, errors by field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import MeetingStatus, RecordingStyle
from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled, settle, type_text


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(work_ctx, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    qtbot.waitUntil(lambda: win.page("meetings").loaded)
    return win


def open_dialog(window: MainWindow, qtbot: QtBot) -> MeetingDialog:
    page = window.page("meetings")
    assert isinstance(page, MeetingsPage)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is not None  # Ctrl+N opened it
    qtbot.waitExposed(page.dialog)
    lists_filled(qtbot, page.dialog)
    return page.dialog


def person_id(ctx: AppContext, name: str) -> int:
    return next(p.id for p in org.list_people(ctx.db, ctx.actor) if p.full_name == name)


def test_defaults_come_from_the_series_latest_meeting(window: MainWindow, qtbot: QtBot, work_ctx: AppContext) -> None:
    dialog = open_dialog(window, qtbot)
    latest = meetings.list_meetings(work_ctx.db, work_ctx.actor)[0]
    assert dialog.venue.currentText() == latest.venue
    assert dialog.chair.value() == latest.chair_person_id
    assert dialog.recorder.value() == latest.recorder_person_id
    assert dialog.start_time.text() == "09.30"
    assert dialog.number.text() == "อัตโนมัติ (ครั้งถัดไปของปี)"
    venues = [dialog.venue.itemText(i) for i in range(dialog.venue.count())]
    assert latest.venue in venues
    people = [dialog.chair.itemText(i) for i in range(1, dialog.chair.count())]
    assert people[0] == "นายกิตติ พาณิชย์ดี"  # Thai order: ก before จ, ท, ...
    dialog.reject()


def test_create_a_meeting_by_typing(
    window: MainWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.title_edit.clear()
    type_text(qtbot, dialog.title_edit, "การประชุมติดตามงาน ศอ.บต.")
    dialog.meeting_date.line_edit.clear()
    qtbot.keyClicks(dialog.meeting_date.line_edit, "19/11/2562")
    dialog.start_time.clear()
    qtbot.keyClicks(dialog.start_time, "13.30")
    dialog.end_time.clear()
    qtbot.keyClicks(dialog.end_time, "16.00")
    dialog.venue.setEditText("")
    type_text(qtbot, dialog.venue.lineEdit(), "ห้องประชุมอาคาร ๒")
    dialog.chair.setEditText("")
    type_text(qtbot, dialog.chair.lineEdit(), "นายรอง ตัวอย่าง")
    dialog.style_combo.set_value(RecordingStyle.RESOLUTIONS)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    created = meetings.list_meetings(work_ctx.db, work_ctx.actor)[0]
    assert created.number_text(False) == "11/2562"  # 9 and 10 exist in 2562
    assert created.title == "การประชุมติดตามงาน ศอ.บต."
    assert created.meeting_date == date(2019, 11, 19)
    assert (created.start_time, created.end_time) == (time(13, 30), time(16, 0))
    assert created.venue == "ห้องประชุมอาคาร ๒"
    assert created.chair_person_id == person_id(work_ctx, "นายรอง ตัวอย่าง")
    assert created.recording_style is RecordingStyle.RESOLUTIONS
    assert created.status is MeetingStatus.DRAFT
    page = window.page("meetings")
    assert page.model.rowCount() == 3  # type: ignore[attr-defined]
    assert page.selected_meeting().id == created.id  # type: ignore[attr-defined]


def test_service_validation_error_marks_the_field_and_keeps_the_input(
    window: MainWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.meeting_date.setDate(date(2019, 12, 3))
    dialog.start_time.setText("14.00")
    dialog.end_time.setText("10.00")  # the service rejects an end before the start
    dialog.submit()
    wait_ops()
    assert dialog.isVisible()
    assert dialog.errors.marked() == ["end_time"]
    assert dialog.errors.message("end_time") == "เวลาเลิกประชุมต้องหลังเวลาเริ่มประชุม"
    assert dialog.end_time.text() == "10.00" and dialog.start_time.text() == "14.00"
    dialog.end_time.setText("16.00")
    dialog.number.setValue(10)  # 10/2562 is taken
    dialog.submit()
    wait_ops()
    assert dialog.errors.marked() == ["number"]
    assert "ครั้งที่ 10/2562 มีอยู่แล้ว" in (dialog.errors.message("number") or "")
    assert len(meetings.list_meetings(work_ctx.db, work_ctx.actor)) == 2
    dialog.number.setValue(0)
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert len(meetings.list_meetings(work_ctx.db, work_ctx.actor)) == 3


def test_client_side_problems_are_shown_together(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dialog(window, qtbot)
    dialog.title_edit.clear()
    dialog.venue.setEditText("")
    dialog.meeting_date.set_text("31/02/2563")
    dialog.start_time.setText("25.00")
    dialog.submit()
    assert sorted(dialog.errors.marked()) == ["meeting_date", "start_time", "title", "venue"]
    assert dialog.errors.message("meeting_date") == "วันที่ไม่ถูกต้อง: 31/02/2563 (กุมภาพันธ์ 2563 มี 29 วัน)"
    assert dialog.errors.message("title") == "กรุณากรอกชื่อการประชุม"
    assert QApplication.focusWidget() is dialog.title_edit or not dialog.isActiveWindow()
    dialog.reject()
