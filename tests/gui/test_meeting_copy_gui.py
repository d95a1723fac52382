"""คัดลอกการประชุม from the meetings page, and the planned minutes of agenda items in the
meeting window (item dialog, item editor, the time column and the total under the tree)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.dialogs.agenda_item_dialog import AgendaItemDialog
from sbpac_desktop.gui.dialogs.copy_meeting_dialog import CopyMeetingDialog
from sbpac_desktop.gui.meeting.agenda_model import AgendaTreeModel
from sbpac_desktop.gui.meeting.agenda_moves import item_input
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.gui.text import ThaiLabel
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import agenda, meetings
from sbpac_desktop.services.meetings.agenda import AgendaItemInput
from tests.gui.helpers import settle, type_text

TITLE = "การประชุมคณะทำงานติดตามแผน ประจำปีงบประมาณ พ.ศ. 2563"


@pytest.fixture
def source_id(work_ctx: AppContext) -> int:
    """15 Sep 2020 (fiscal year 2563) in a series of its own, with a timed agenda and a resolution."""
    series_id = meetings.create_series(work_ctx.db, work_ctx.actor, "คณะทำงานติดตามแผน").id
    data = meetings.MeetingInput(series_id, TITLE, date(2020, 9, 15), "ห้องประชุม ๑", time(9, 30), time(12, 0))
    meeting_id = meetings.create_meeting(work_ctx.db, work_ctx.actor, data).id
    for section, title, minutes in [(1, "ประธานแจ้ง", 15), (4, "แผนงาน", 60), (4, "งบประมาณ", None)]:
        item = AgendaItemInput(section, title, planned_minutes=minutes, resolution="ที่ประชุมรับทราบ")
        agenda.add_item(work_ctx.db, work_ctx.actor, meeting_id, item)
    return meeting_id


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext) -> MeetingsPage:
    widget = MeetingsPage(work_ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.reload()
    settle(qtbot)  # the lists load off the GUI thread
    return widget


def test_copy_action_asks_the_date_and_opens_the_new_meeting(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, source_id: int, wait_ops: Callable[[], None]
) -> None:
    page.reload()
    settle(qtbot)  # the lists load off the GUI thread
    page.select_meeting(source_id)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CopyMeetingDialog) and dialog.windowTitle() == "คัดลอกการประชุม"
    assert dialog.height() <= 720
    dialog.new_date.line_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errors.message("meeting_date") == "กรุณาระบุวันที่"
    assert "จาก การประชุมคณะทำงานติดตามแผน" in dialog.findChild(ThaiLabel, "copySource").text()
    type_text(qtbot, dialog.new_date.line_edit, "05/10/2563")
    assert dialog.title_edit.text() == "การประชุมคณะทำงานติดตามแผน ประจำปีงบประมาณ พ.ศ. 2564"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    copies = [m for m in meetings.list_meetings(work_ctx.db, work_ctx.actor) if m.meeting_date == date(2020, 10, 5)]
    assert len(copies) == 1
    new = copies[0]
    assert new.fiscal_year == 2564 and new.previous_meeting_id == source_id
    window = page.windows[new.id]
    assert window.isVisible() and window.agenda_tab.meeting.id == new.id
    assert [(v.number, v.resolution) for v in window.agenda_tab.model.views()] == [
        ("1.1", None),
        ("4.1", None),
        ("4.2", None),
    ]
    assert page.selected_meeting() is not None and page.selected_meeting().id == new.id
    if page.carryover is not None:  # item 2.1 certifying the source's minutes is offered
        page.carryover.reject()
    window.close()


def test_planned_minutes_in_the_dialog_the_editor_and_the_total(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, source_id: int, wait_ops: Callable[[], None]
) -> None:
    page.open_meeting(source_id)
    settle(qtbot)  # the meeting is read off the GUI thread, then its window's lists
    window = page.windows[source_id]
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    settle(qtbot)
    tab = window.agenda_tab
    model = tab.model
    first = model.index_of_item(next(v.id for v in model.views() if v.number == "4.1"))
    assert model.itemFromIndex(first.siblingAtColumn(AgendaTreeModel.COL_TIME)).text() == "๐๙.๔๕ น.\n๖๐ นาที"
    assert tab.total_label.text() == "รวมเวลาที่วางแผน ๑ ชั่วโมง ๑๕ นาที · เลิกประมาณ ๑๐.๔๕ น. (ยังไม่กำหนดเวลา ๑ เรื่อง)"

    # the editor: 4.2 gets 30 minutes, then 4.1 is cleared (blank = not planned)
    tab.tree.setCurrentIndex(model.index_of_item(next(v.id for v in model.views() if v.number == "4.2")))
    editor = tab.editor
    assert editor.minutes.text() == "" and editor.minutes.minutes() is None
    editor.minutes.lineEdit().selectAll()
    qtbot.keyClicks(editor.minutes, "30")
    assert editor.dirty
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    stored = {v.number: v.planned_minutes for v in agenda.list_items(work_ctx.db, work_ctx.actor, source_id)}
    assert stored == {"1.1": 15, "4.1": 60, "4.2": 30}
    assert tab.total_label.text() == "รวมเวลาที่วางแผน ๑ ชั่วโมง ๔๕ นาที · เลิกประมาณ ๑๑.๑๕ น."

    # the add dialog: a new item with 20 minutes; minutes typed in Thai digits
    tab.tree.setCurrentIndex(model.index_of_section(4))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, AgendaItemDialog) and dialog.minutes.minutes() is None
    type_text(qtbot, dialog.title_edit, "ตัวชี้วัด")
    dialog.minutes.lineEdit().selectAll()
    type_text(qtbot, dialog.minutes.lineEdit(), "๒๐")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    added = next(v for v in agenda.list_items(work_ctx.db, work_ctx.actor, source_id) if v.title == "ตัวชี้วัด")
    assert added.planned_minutes == 20
    QApplication.processEvents()
    assert "เลิกประมาณ ๑๑.๓๕ น." in tab.total_label.text()

    # a refusal of the service (here more than a day) is shown next to the field, nothing stored
    view = tab.model.view(added.id)
    assert view is not None
    tab.save_item(view, item_input(view, planned_minutes=1441))
    wait_ops()
    assert tab.editor.errors.message("planned_minutes") == "เวลาที่วางแผนต่อเรื่องต้องไม่เกิน 1440 นาที (๑ วัน)"
    assert agenda.list_items(work_ctx.db, work_ctx.actor, source_id)[-1].planned_minutes == 20
    window.close()


def test_a_new_start_time_moves_every_planned_start(
    page: MeetingsPage, qtbot: QtBot, work_ctx: AppContext, source_id: int
) -> None:
    page.open_meeting(source_id)
    settle(qtbot)  # the meeting is read off the GUI thread, then its window's lists
    window = page.windows[source_id]
    qtbot.waitExposed(window)
    settle(qtbot)
    tab = window.agenda_tab
    view = meetings.get_meeting(work_ctx.db, work_ctx.actor, source_id)
    window.show_meeting(replace(view, start_time=time(13, 0)))  # what a saved edit of the meeting shows
    assert tab.total_label.text().startswith("รวมเวลาที่วางแผน ๑ ชั่วโมง ๑๕ นาที · เลิกประมาณ ๑๔.๑๕ น.")
    window.show_meeting(replace(view, start_time=None))
    assert tab.total_label.text() == "รวมเวลาที่วางแผน ๑ ชั่วโมง ๑๕ นาที (ยังไม่กำหนดเวลา ๑ เรื่อง)"
    first = tab.model.index_of_item(tab.model.views()[0].id)
    assert tab.model.itemFromIndex(first.siblingAtColumn(AgendaTreeModel.COL_TIME)).text() == "๑๕ นาที"
    window.close()
