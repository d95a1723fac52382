"""ชุดการประชุม in the window: add a series with its posts and standing members, edit, deactivate
(it is no longer offered for a new meeting), wrong input next to its field; a new meeting takes
the series' venue, chair, template and attendance; the attendance tab fills its list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import AgendaTemplate, AttendanceKind, PositionKind, UserRole
from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog
from sbpac_desktop.gui.dialogs.series_dialog import SeriesDialog
from sbpac_desktop.gui.meeting.attendance_tab import AttendanceTab
from sbpac_desktop.gui.pages.series import SeriesPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import attendance, meetings, series
from sbpac_desktop.services.meetings.series import SeriesInput, SeriesMemberInput
from sbpac_desktop.services.meetings.series_attendance import LAST_MEETING, MEMBERS, pick_holder
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled, settle, type_text

DAY = date(2019, 12, 17)
SHOTS = "/tmp"  # screenshots looked at while writing (and by anyone re-running with -s)


@pytest.fixture
def page(qtbot: QtBot, work_ctx: AppContext) -> SeriesPage:
    widget = SeriesPage(work_ctx)
    qtbot.addWidget(widget)
    widget.resize(1186, 700)  # the page's share of a 1366×768 window
    widget.show()
    widget.reload()
    settle(qtbot)  # the page reads off the GUI thread
    return widget


def posts(ctx: AppContext) -> dict[str, int]:
    return {p.short_code or p.title: p.id for p in org.list_positions(ctx.db, ctx.actor)}


def vacant_post(ctx: AppContext) -> int:
    return org.create_position(ctx.db, ctx.actor, org.PositionInput("ที่ปรึกษาพิเศษ", PositionKind.OTHER, "ทป.พ.")).id


def save(qtbot: QtBot, dialog: SeriesDialog | MeetingDialog) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def pick(combo, position_id: int) -> None:  # type: ignore[no-untyped-def]
    combo.set_value(position_id)


def test_add_a_series_with_members_through_the_dialog(page: SeriesPage, qtbot: QtBot, work_ctx: AppContext) -> None:
    assert page.model.rowCount() == 1  # the demo's series
    ids = list(posts(work_ctx).values())
    spare = vacant_post(work_ctx)
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    dialog = page.new_record()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 720
    type_text(qtbot, dialog.name_edit, "การประชุมคณะทำงานขับเคลื่อนเศรษฐกิจ")
    type_text(qtbot, dialog.short_edit, "คทง.ศก.")
    pick(dialog.chair, ids[0])
    pick(dialog.secretary, ids[2])
    type_text(qtbot, dialog.venue, "ห้องประชุม ๒")
    dialog.template.set_value(AgendaTemplate.WITH_INFORMATION_6)
    editor = dialog.members
    for position_id, role in ((ids[2], "เลขานุการ"), (ids[0], "ประธาน"), (spare, "กรรมการ"), (ids[1], "กรรมการ")):
        editor.post_picker.set_value(position_id)
        editor.role_picker.setEditText(role)
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert (
        editor.table.rowCount() == 4 and editor.post_picker.index_of(ids[0]) < 0
    )  # a listed post is not offered again
    editor.table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)  # the chair first, the secretary second
    editor.table.setCurrentCell(3, 0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    editor.table.cellWidget(1, 1).setEditText("กรรมการและเลขานุการ")  # the role typed in its cell
    assert editor.table.item(2, 2).text() == "ว่าง"
    dialog.grab().save(f"{SHOTS}/series_dialog.png")
    save(qtbot, dialog)
    made = next(s for s in series.list_series(work_ctx.db, work_ctx.actor) if s.short_name == "คทง.ศก.")
    assert (made.chair_position_id, made.secretary_position_id, made.default_venue) == (ids[0], ids[2], "ห้องประชุม ๒")
    assert made.agenda_template is AgendaTemplate.WITH_INFORMATION_6
    assert [(m.position_id, m.meeting_role) for m in made.members] == [
        (ids[0], "ประธาน"), (ids[2], "กรรมการและเลขานุการ"), (spare, "กรรมการ"),
    ]  # fmt: skip
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.selected() is not None and page.selected().id == made.id
    assert page.members_model.rowCount() == 3
    assert "(ว่าง ๑)" in page.members_heading.text()
    page.grab().save(f"{SHOTS}/series_page.png")


def test_wrong_input_is_marked_next_to_the_field_and_nothing_is_saved(
    page: SeriesPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    dialog = page.new_record()
    qtbot.waitExposed(dialog)
    dialog.submit()
    assert dialog.errors.marked() == ["name"] and dialog.errors.message("name") == "กรุณากรอกชื่อชุดการประชุม"
    existing = series.list_series(work_ctx.db, work_ctx.actor)[0].name
    dialog.name_edit.setText(f"  {existing} ")
    dialog.chair.setEditText("ตำแหน่งที่ไม่มีอยู่")
    dialog.submit()
    assert dialog.errors.marked() == ["chair_position_id"]
    assert dialog.errors.message("chair_position_id") == "ไม่พบตำแหน่งนี้ — โปรดเลือกจากรายการ"
    dialog.chair.set_value(None)
    dialog.short_edit.setText("ย" * 61)
    dialog.submit()
    wait_ops()  # the service's answer: the name is taken, the short name too long
    assert dialog.isVisible() and sorted(dialog.errors.marked()) == ["name", "short_name"]
    assert "มีชุดการประชุมชื่อ" in (dialog.errors.message("name") or "")
    assert dialog.name_edit.text() == f"  {existing} "  # nothing typed is lost
    assert len(series.list_series(work_ctx.db, work_ctx.actor, include_inactive=True)) == 1
    dialog.reject()


def test_edit_deactivate_and_the_new_meeting_dialog_follows(
    page: SeriesPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    other = series.create_series(work_ctx.db, work_ctx.actor, SeriesInput("ชุดที่จะเลิกใช้", "ชลช."))
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    page.select(other.id)
    dialog = page.edit_selected()
    assert dialog is not None and dialog.name_edit.text() == "ชุดที่จะเลิกใช้"
    dialog.venue.setText("ห้องประชุมใหม่")
    save(qtbot, dialog)
    settle(qtbot)  # the list is read again in the background
    assert series.get_series(work_ctx.db, work_ctx.actor, other.id).default_venue == "ห้องประชุมใหม่"
    page.select(other.id)
    assert page.active_button.text() == "ระงับการใช้งาน"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert not series.get_series(work_ctx.db, work_ctx.actor, other.id).active
    assert page.model.rowCount() == 1  # hidden until "show deactivated" is ticked
    page.show_inactive.setChecked(True)
    assert page.model.rowCount() == 2 and "ระงับแล้ว ๑ ชุด" in page.summary.text()
    offered = MeetingDialog(work_ctx, page)
    lists_filled(qtbot, offered)
    assert other.id not in [offered.series.itemData(i) for i in range(offered.series.count())]
    offered.reject()
    page.select(other.id)
    assert page.active_button.text() == "เปิดใช้งาน"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert series.get_series(work_ctx.db, work_ctx.actor, other.id).active


def test_a_viewer_is_refused_in_thai(qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]) -> None:
    viewer = AppContext(work_ctx.db, Actor(work_ctx.actor.user_id, "reader", UserRole.VIEWER, "ผู้อ่าน"))
    page = SeriesPage(viewer)
    qtbot.addWidget(page)
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    assert page.model.rowCount() == 1  # everyone reads
    dialog = page.new_record()
    dialog.name_edit.setText("ชุดของผู้อ่าน")
    dialog.submit()
    wait_ops()
    box = dialog.findChild(QMessageBox, "appErrorBox")
    assert box is not None and "ไม่มีสิทธิ์เพิ่มชุดการประชุม" in box.text()
    assert len(series.list_series(work_ctx.db, work_ctx.actor)) == 1
    box.close()
    dialog.reject()


def configured_series(ctx: AppContext) -> tuple[int, int, dict[str, int]]:
    """The demo series with a chair post, a venue, the 6-section template and members (one vacant)."""
    ids = posts(ctx)
    chair, _, member = list(ids.values())[:3]
    spare = vacant_post(ctx)
    current = series.list_series(ctx.db, ctx.actor)[0]
    members = (
        SeriesMemberInput(chair, "ประธาน"),
        SeriesMemberInput(member, "กรรมการ"),
        SeriesMemberInput(spare, "กรรมการ"),
    )
    data = SeriesInput(current.name, "ประชุม ศอ.บต.", chair, None, "ห้องประชุมชั้น ๓", AgendaTemplate.WITH_INFORMATION_6,
                       members)  # fmt: skip
    series.update_series(ctx.db, ctx.actor, current.id, current.version, data)
    return current.id, chair, {"member": member, "spare": spare}


def test_new_meeting_takes_venue_chair_template_and_attendance_from_the_series(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    series_id, chair_post, others = configured_series(work_ctx)
    terms = org.list_incumbencies(work_ctx.db, work_ctx.actor)
    dialog = MeetingDialog(work_ctx, today=DAY)
    qtbot.addWidget(dialog)
    dialog.resize(dialog.width(), dialog.sizeHint().height())
    dialog.show()
    lists_filled(qtbot, dialog)
    assert dialog.height() <= 720
    assert dialog.series.value() == series_id and dialog.venue.currentText() == "ห้องประชุมชั้น ๓"
    assert dialog.chair.value() == pick_holder(terms, chair_post, DAY).person_id
    assert dialog.prefill is not None and dialog.prefill.template.value() is AgendaTemplate.WITH_INFORMATION_6
    assert dialog.prefill.source.value() == MEMBERS
    assert "จะเติม ๒ ตำแหน่ง" in dialog.prefill.note.text() and "ที่ปรึกษาพิเศษ" in dialog.prefill.note.text()
    dialog.grab().save(f"{SHOTS}/series_new_meeting.png")
    save(qtbot, dialog)
    wait_ops()
    created = meetings.list_meetings(work_ctx.db, work_ctx.actor)[0]
    assert created.agenda_template is AgendaTemplate.WITH_INFORMATION_6 and created.venue == "ห้องประชุมชั้น ๓"
    lines = attendance.list_attendance(work_ctx.db, work_ctx.actor, created.id)
    expected = [pick_holder(terms, chair_post, DAY).person_id, pick_holder(terms, others["member"], DAY).person_id]
    assert [a.person_id for a in lines] == expected
    assert [a.meeting_role for a in lines] == ["ประธาน", "กรรมการ"]


def test_attendance_tab_copies_the_last_meeting(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    series_id, _chair, _others = configured_series(work_ctx)
    last = meetings.list_meetings(work_ctx.db, work_ctx.actor)[0]
    copied = [a for a in attendance.list_attendance(work_ctx.db, work_ctx.actor, last.id)]
    assert copied, "the demo's last meeting has an attendance list"
    new = meetings.create_meeting(work_ctx.db, work_ctx.actor, meetings.MeetingInput(series_id, "ประชุม", DAY, "ห้อง"))
    people = org.list_people(work_ctx.db, work_ctx.actor)
    tab = AttendanceTab(work_ctx, new.id, people, org.list_positions(work_ctx.db, work_ctx.actor))
    qtbot.addWidget(tab)
    tab.resize(1300, 600)
    tab.show()
    assert tab.model.rowCount() == 0
    tab.prefill_button.last_action.trigger()
    wait_ops()
    assert tab.model.rowCount() > 0
    assert all(tab.model.view_at(r).kind in (AttendanceKind.PRESENT, AttendanceKind.INVITED)
               for r in range(tab.model.rowCount()))  # fmt: skip
    assert tab.prefill_note.isVisible() and "คัดลอกจากครั้งที่" in tab.prefill_note.text()
    count = tab.model.rowCount()
    tab.prefill_button.fill(MEMBERS)
    wait_ops()
    assert "ตำแหน่งว่างในวันประชุม (ไม่มีในรายชื่อ): ที่ปรึกษาพิเศษ" in tab.prefill_note.text()
    assert tab.model.rowCount() >= count
    tab.grab().save(f"{SHOTS}/series_attendance_tab.png")
    fresh = series.create_series(work_ctx.db, work_ctx.actor, SeriesInput("ชุดใหม่")).id
    first = meetings.create_meeting(work_ctx.db, work_ctx.actor, meetings.MeetingInput(fresh, "ครั้งแรก", DAY, "ห้อง"))
    early = AttendanceTab(work_ctx, first.id, people, [])
    qtbot.addWidget(early)
    early.prefill_button.fill(MEMBERS)
    wait_ops()
    assert early.prefill_note.text() == "ชุดการประชุมนี้ยังไม่ได้กำหนดกรรมการประจำ (กำหนดได้ที่หน้า “ชุดการประชุม”)"
    early.prefill_button.fill(LAST_MEETING)  # a series' first meeting has nothing before it
    wait_ops()
    qtbot.waitUntil(lambda: early.findChild(QMessageBox, "appErrorBox") is not None)
    assert "ยังไม่มีการประชุมครั้งก่อน" in early.findChild(QMessageBox, "appErrorBox").text()


def test_changing_the_date_follows_the_chair_post_unless_the_user_chose(qtbot: QtBot, work_ctx: AppContext) -> None:
    _series_id, chair_post, _others = configured_series(work_ctx)
    acting = org.create_person(work_ctx.db, work_ctx.actor, org.PersonInput("รักษา", "ราชการแทน", "นาย")).id
    cover = date(2020, 1, 6)
    org.assign_incumbency(work_ctx.db, work_ctx.actor, org.IncumbencyInput(acting, chair_post, cover, acting=True))
    dialog = MeetingDialog(work_ctx, today=DAY)
    qtbot.addWidget(dialog)
    lists_filled(qtbot, dialog)
    regular = dialog.chair.value()
    assert regular is not None and regular != acting
    dialog.meeting_date.setDate(date(2020, 1, 14))
    assert dialog.chair.value() == acting  # the acting holder chairs that day
    dialog.meeting_date.setDate(DAY)
    assert dialog.chair.value() == regular
    people = {p.full_name: p.id for p in org.list_people(work_ctx.db, work_ctx.actor)}
    dialog.chair.set_value(people["นายรอง ตัวอย่าง"])  # the user's own choice stays
    dialog.meeting_date.setDate(date(2020, 1, 14))
    assert dialog.chair.value() == people["นายรอง ตัวอย่าง"]
    dialog.reject()


def test_a_post_added_on_the_people_page_is_offered_without_reopening(
    page: SeriesPage, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    """A new office opens ชุดการประชุม before it has posts, adds them on บุคคลและหน่วยงาน, comes
    back: the series dialog must offer them (it offered only "— ไม่ระบุ —": the page kept the
    posts it read when first shown)."""
    from sbpac_desktop.gui.dialogs.position_dialog import PositionDialog
    from sbpac_desktop.gui.pages.people import PeoplePage

    people = PeoplePage(work_ctx)
    qtbot.addWidget(people)
    people.reload()
    wait_ops()
    people.edit_position(None)
    dialog = people.dialog
    assert isinstance(dialog, PositionDialog)
    type_text(qtbot, dialog.ui.title, "ผู้อำนวยการกองยุทธศาสตร์การพัฒนา")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    series_dialog = page.new_record()
    assert series_dialog is not None
    offered = [series_dialog.chair.itemText(i) for i in range(series_dialog.chair.count())]
    assert any(text.startswith("ผู้อำนวยการกองยุทธศาสตร์การพัฒนา") for text in offered)
    series_dialog.reject()
