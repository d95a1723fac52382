"""The agenda builder end to end on a private database: add, reorder by drop, sub-items,
texts and resolution, delete, a directive from an item; then the database is checked."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import AssignmentRole
from sbpac_desktop.gui.dialogs.agenda_item_dialog import AgendaItemDialog
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.meeting.agenda_model import AgendaTreeModel
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.gui.widgets.pickers import post_label
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.meetings import agenda
from sbpac_desktop.services.people import org
from tests.gui.helpers import lists_filled, type_text
from tests.gui.meeting_fixtures import open_meeting_window

MOVE = Qt.DropAction.MoveAction


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext) -> Iterator[MeetingWindow]:
    win = open_meeting_window(qtbot, work_ctx, "10/2562")
    yield win
    win.close()


def numbers(ctx: AppContext, meeting_id: int) -> dict[str, str]:
    return {item.title: item.number for item in agenda.list_items(ctx.db, ctx.actor, meeting_id)}


def drop(model: AgendaTreeModel, item_id: int, row: int, parent: QModelIndex) -> bool:
    """What the tree view does on a drop: ask the model with the dragged item's mime data."""
    data = model.mimeData([model.index_of_item(item_id)])
    return model.dropMimeData(data, MOVE, row, 0, parent)


def add_item(window: MeetingWindow, qtbot: QtBot, wait_ops: Callable[[], None], title: str) -> int:
    tab = window.agenda_tab
    tab.tree.setCurrentIndex(tab.model.index_of_section(4))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, AgendaItemDialog)
    assert dialog.section.value() == 4
    type_text(qtbot, dialog.title_edit, title)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    view = tab.selected_view()
    assert view is not None and view.title == title
    return view.id


def test_tree_shows_sections_and_thai_numbers(window: MeetingWindow) -> None:
    model = window.agenda_tab.model
    assert model.rowCount() == 5
    assert model.index(3, 0).data() == "ระเบียบวาระที่ ๔  เรื่องเพื่อพิจารณา"
    first = model.index(0, 0, model.index(3, 0)).data()
    assert first.startswith("๔.๑  ")


def test_add_and_reorder_by_drop_within_and_across_sections(
    window: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    meeting_id = window.meeting.id
    before = numbers(work_ctx, meeting_id)
    old_first = next(title for title, number in before.items() if number == "4.1")
    new_id = add_item(window, qtbot, wait_ops, "โครงการตาดีกา")
    assert numbers(work_ctx, meeting_id)["โครงการตาดีกา"] == "4.4"
    tab, model = window.agenda_tab, window.agenda_tab.model

    assert drop(model, new_id, 0, model.index_of_section(4)) is False  # the view must not remove rows
    wait_ops()
    after = numbers(work_ctx, meeting_id)
    assert after["โครงการตาดีกา"] == "4.1"
    assert after[old_first] == "4.2"
    assert model.index(0, 0, model.index_of_section(4)).data() == "๔.๑  โครงการตาดีกา"  # renumbered live
    assert tab.selected_view().id == new_id  # type: ignore[union-attr]

    drop(model, new_id, 0, model.index_of_section(5))  # to another section, at the top
    wait_ops()
    after = numbers(work_ctx, meeting_id)
    assert after["โครงการตาดีกา"] == "5.1"
    assert after[old_first] == "4.1"
    assert sorted(number for number in after.values() if number.startswith("5.")) == ["5.1", "5.2"]


def test_drop_onto_an_item_makes_a_sub_item_and_depth_is_limited(
    window: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    meeting_id = window.meeting.id
    new_id = add_item(window, qtbot, wait_ops, "เรื่องย่อยทดสอบ")
    model = window.agenda_tab.model
    target = next(v for v in model.views() if v.number == "4.1")
    drop(model, new_id, -1, model.index_of_item(target.id))  # onto ๔.๑
    wait_ops()
    assert numbers(work_ctx, meeting_id)["เรื่องย่อยทดสอบ"] == "4.1.1"
    sub = model.index_of_item(new_id)
    assert sub.data().startswith("๔.๑.๑  ")
    # ๔.๑ now has a child: it may not go under another item (that would make ๔.x.๑.๑)
    other = next(v for v in model.views() if v.number == "4.2")
    data = model.mimeData([model.index_of_item(target.id)])
    assert not model.canDropMimeData(data, MOVE, -1, 0, model.index_of_item(other.id))
    assert not model.canDropMimeData(data, MOVE, -1, 0, sub)  # nor under its own child
    assert not model.canDropMimeData(data, MOVE, 0, 0, QModelIndex())  # nor between sections


def test_move_buttons_and_delete(
    window: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None], answer_yes: list[str]
) -> None:
    meeting_id = window.meeting.id
    new_id = add_item(window, qtbot, wait_ops, "เรื่องที่จะเลื่อน")
    tab = window.agenda_tab
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert numbers(work_ctx, meeting_id)["เรื่องที่จะเลื่อน"] == "4.3"
    tab.tree.setCurrentIndex(tab.model.index_of_item(new_id))
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "เรื่องที่จะเลื่อน" not in numbers(work_ctx, meeting_id)
    assert "ลบเรื่อง ๔.๓ เรื่องที่จะเลื่อน" in answer_yes[0]


def test_record_texts_and_resolution(
    window: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    tab = window.agenda_tab
    item = next(v for v in tab.model.views() if v.number == "4.2")
    tab.tree.setCurrentIndex(tab.model.index_of_item(item.id))
    editor = tab.editor
    assert editor.title_edit.text() == item.title
    editor.texts["resolution"].clear()
    type_text(qtbot, editor.texts["resolution"], "ที่ประชุมเห็นชอบ")
    editor.texts["proposal"].setPlainText("เสนอเพื่อพิจารณาให้ความเห็นชอบ")
    presenter = next(p for p in org.list_people(work_ctx.db, work_ctx.actor) if p.full_name == "นางสาวอรุณี วัฒนธรรม")
    editor.presenter.set_value(presenter.id)
    assert editor.dirty
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    saved = next(v for v in agenda.list_items(work_ctx.db, work_ctx.actor, window.meeting.id) if v.id == item.id)
    assert saved.resolution == "ที่ประชุมเห็นชอบ"
    assert saved.proposal == "เสนอเพื่อพิจารณาให้ความเห็นชอบ"
    assert saved.presenter_person_id == presenter.id
    assert saved.discussion == item.discussion  # untouched texts kept
    assert not editor.dirty

    # switching to another item saves unsaved typing first
    editor.texts["discussion"].setPlainText("สรุปการอภิปรายใหม่")
    other = next(v for v in tab.model.views() if v.number == "4.3")
    tab.tree.setCurrentIndex(tab.model.index_of_item(other.id))
    wait_ops()
    saved = next(v for v in agenda.list_items(work_ctx.db, work_ctx.actor, window.meeting.id) if v.id == item.id)
    assert saved.discussion == "สรุปการอภิปรายใหม่"
    assert tab.selected_view().id == other.id  # type: ignore[union-attr]


def test_empty_title_is_refused_next_to_the_field(window: MeetingWindow, wait_ops: Callable[[], None]) -> None:
    tab = window.agenda_tab
    item = next(v for v in tab.model.views() if v.number == "4.1")
    tab.tree.setCurrentIndex(tab.model.index_of_item(item.id))
    tab.editor.title_edit.clear()
    tab.editor.texts["resolution"].setPlainText("มติที่ยังไม่บันทึก")
    tab.editor.request_save()
    wait_ops()
    assert tab.editor.errors.marked() == ["title"]
    assert tab.editor.texts["resolution"].toPlainText() == "มติที่ยังไม่บันทึก"


def test_new_directive_from_an_item(
    window: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    tab = window.agenda_tab
    item = next(v for v in tab.model.views() if v.number == "4.1")
    tab.tree.setCurrentIndex(tab.model.index_of_item(item.id))
    qtbot.mouseClick(tab.editor.directive_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, DirectiveDialog)
    lists_filled(qtbot, dialog)
    assert "๑๐/๒๕๖๒" in dialog.source.text() and "๔.๑" in dialog.source.text()
    assert dialog.issued_on.text() == "22/10/2562"  # the meeting's date
    type_text(qtbot, dialog.text_edit, "ให้ทุกหน่วยรายงานผลการลงพื้นที่ภายในเดือนธันวาคม")
    posts = org.list_positions(work_ctx.db, work_ctx.actor)
    lead = next(p for p in posts if p.short_code == "ผช.ลธ.(พณ.)")
    support = next(p for p in posts if p.short_code == "ผช.ลธ.(วธ.)")
    dialog.lead.setEditText(post_label(lead))  # typed, as with the completer
    dialog.supporting.set_checked(("position", support.id))
    qtbot.keyClicks(dialog.due_on.line_edit, "31/12/2562")
    dialog.dimension.setCurrentIndex(dialog.dimension.count() - 1)  # the deliberate "ไม่ระบุ"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    rows = directives.list_directives(work_ctx.db, work_ctx.actor, DirectiveFilter(text="รายงานผลการลงพื้นที่"))
    assert len(rows) == 1
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, rows[0].id)
    assert (detail.meeting_id, detail.agenda_item_id) == (window.meeting.id, item.id)
    assert detail.row.issued_on == date(2019, 10, 22)
    assert detail.row.due_on == date(2019, 12, 31)
    assert detail.issued_by_person_id == window.meeting.chair_person_id
    roles = {(a.position_id, a.role) for a in detail.assignments}
    assert roles == {(lead.id, AssignmentRole.LEAD), (support.id, AssignmentRole.SUPPORT)}


def test_closing_the_window_saves_unsaved_typing_first(
    qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]
) -> None:
    window = open_meeting_window(qtbot, work_ctx, "10/2562")
    tab = window.agenda_tab
    item = next(v for v in tab.model.views() if v.number == "4.3")
    tab.tree.setCurrentIndex(tab.model.index_of_item(item.id))
    tab.editor.texts["resolution"].setPlainText("มติที่พิมพ์ก่อนปิดหน้าต่าง")
    window.close()
    assert window.isVisible()  # waits for the save
    wait_ops()
    qtbot.waitUntil(lambda: not _visible(window))
    saved = next(v for v in agenda.list_items(work_ctx.db, work_ctx.actor, item.meeting_id) if v.id == item.id)
    assert saved.resolution == "มติที่พิมพ์ก่อนปิดหน้าต่าง"


def _visible(window: MeetingWindow) -> bool:
    import shiboken6

    return shiboken6.isValid(window) and window.isVisible()
