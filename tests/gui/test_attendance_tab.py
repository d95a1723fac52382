"""Taking attendance on a new meeting: add people, edit kinds, reasons, substitutes, roles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import AttendanceKind
from sbpac_desktop.gui.meeting.attendance_model import AttendanceModel, KindDelegate
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.gui.widgets.pickers import EnumCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import attendance, meetings
from sbpac_desktop.services.people import org
from tests.gui.meeting_fixtures import open_meeting_window


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext) -> Iterator[MeetingWindow]:
    series = meetings.list_series(work_ctx.db, work_ctx.actor)[0]
    meetings.create_meeting(
        work_ctx.db,
        work_ctx.actor,
        meetings.MeetingInput(series.id, "การประชุมทดสอบ", date(2019, 11, 26), "ห้องประชุม ๑"),
    )
    win = open_meeting_window(qtbot, work_ctx, "11/2562")
    win.tabs.setCurrentWidget(win.attendance_tab)
    yield win
    win.close()


def people(ctx: AppContext) -> dict[str, int]:
    return {p.full_name: p.id for p in org.list_people(ctx.db, ctx.actor)}


def set_kind(tab_model: AttendanceModel, row: int, kind: AttendanceKind, parent: object) -> None:
    """What the kind column's editor does when the clerk picks a value."""
    delegate = KindDelegate()
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), tab_model.index(row, AttendanceModel.COL_KIND))  # type: ignore[arg-type]
    assert isinstance(editor, EnumCombo)
    editor.set_value(kind)
    delegate.setModelData(editor, tab_model, tab_model.index(row, AttendanceModel.COL_KIND))
    editor.deleteLater()


def test_take_attendance(
    window: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    tab = window.attendance_tab
    names = people(work_ctx)
    assert tab.model.rowCount() == 0
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    picker = tab.picker
    assert picker is not None
    for name in ("นายสมชาย ตัวอย่าง", "นายกิตติ พาณิชย์ดี", "นายรอง ตัวอย่าง", "นางสาวอรุณี วัฒนธรรม"):
        picker.list.set_checked(names[name])
    picker.done(QDialog.DialogCode.Accepted)
    wait_ops()
    assert tab.model.rowCount() == 4
    lines = {a.person_name: a for a in attendance.list_attendance(work_ctx.db, work_ctx.actor, window.meeting.id)}
    assert all(a.kind is AttendanceKind.PRESENT for a in lines.values())
    assert lines["นายกิตติ พาณิชย์ดี"].position_text == "ผู้ช่วยเลขาธิการ ศอ.บต. (กระทรวงพาณิชย์)"

    model = tab.model
    chair = model.row_of_person(names["นายสมชาย ตัวอย่าง"])
    model.item(chair, AttendanceModel.COL_ROLE).setText("ประธาน")
    deputy = model.row_of_person(names["นายรอง ตัวอย่าง"])
    set_kind(model, deputy, AttendanceKind.ABSENT, tab.table)
    model.item(deputy, AttendanceModel.COL_REASON).setText("ติดราชการ")
    wait_ops()
    lines = {a.person_name: a for a in attendance.list_attendance(work_ctx.db, work_ctx.actor, window.meeting.id)}
    assert lines["นายสมชาย ตัวอย่าง"].meeting_role == "ประธาน"
    assert lines["นายรอง ตัวอย่าง"].kind is AttendanceKind.ABSENT
    assert lines["นายรอง ตัวอย่าง"].absence_reason == "ติดราชการ"
    assert model.item(deputy, AttendanceModel.COL_KIND).text() == "ไม่มาประชุม"
    assert model.kind_at(deputy) is AttendanceKind.ABSENT

    # a substitute without "for whom": refused, the row turns red and keeps the choice
    substitute = model.row_of_person(names["นางสาวอรุณี วัฒนธรรม"])
    set_kind(model, substitute, AttendanceKind.SUBSTITUTE, tab.table)
    wait_ops()
    assert tab.error.isVisible()
    assert "ผู้มาประชุมแทนต้องระบุว่ามาแทนผู้ใด" in tab.error.text()
    assert model.item(substitute, AttendanceModel.COL_NAME).toolTip()
    assert model.item(substitute, AttendanceModel.COL_KIND).text() == "มาประชุมแทน"
    assert attendance.list_attendance(work_ctx.db, work_ctx.actor, window.meeting.id)[3].kind is AttendanceKind.PRESENT
    model.item(substitute, AttendanceModel.COL_SUBSTITUTE).setText("นายรอง ตัวอย่าง")
    wait_ops()
    lines = {a.person_name: a for a in attendance.list_attendance(work_ctx.db, work_ctx.actor, window.meeting.id)}
    line = lines["นางสาวอรุณี วัฒนธรรม"]
    assert line.kind is AttendanceKind.SUBSTITUTE
    assert line.substitute_for_person_id == names["นายรอง ตัวอย่าง"]
    assert not tab.error.isVisible()
    assert tab.summary.text() == "มาประชุม ๒ · มาแทน ๑ · ไม่มา ๑ · ผู้เข้าร่วม ๐"


def test_remove_a_person(
    window: MeetingWindow, work_ctx: AppContext, wait_ops: Callable[[], None], answer_yes: list[str]
) -> None:
    tab = window.attendance_tab
    names = people(work_ctx)
    tab.add_people([names["นายสมชาย ตัวอย่าง"], names["นายรอง ตัวอย่าง"]])
    wait_ops()
    tab.table.setCurrentIndex(tab.model.index(tab.model.row_of_person(names["นายรอง ตัวอย่าง"]), 0))
    tab.remove_selected()
    wait_ops()
    assert [a.person_name for a in attendance.list_attendance(work_ctx.db, work_ctx.actor, window.meeting.id)] == [
        "นายสมชาย ตัวอย่าง"
    ]
    assert answer_yes == ["ลบ นายรอง ตัวอย่าง ออกจากรายชื่อผู้เข้าประชุม?"]
