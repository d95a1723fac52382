"""The verbatim record in the meeting window (แบบจดละเอียด): the speakers part of the agenda item
editor shows only for a meeting recorded verbatim; add, edit, up, down and delete turns through
the real dialog and services; wrong input keeps the dialog open with a Thai message and writes
nothing. The screen is grabbed at 1366x768 for a look."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.gui.dialogs.speaker_dialog import SpeakerDialog
from sbpac_desktop.gui.meeting import speakers_panel
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings, speakers
from sbpac_desktop.services.meetings.speakers import MAX_SPEECH
from tests.gui.helpers import lists_filled, type_text
from tests.gui.meeting_fixtures import open_meeting_window


def _set_style(ctx: AppContext, style: RecordingStyle) -> None:
    view = meetings.find_meeting(ctx.db, ctx.actor, "10/2562")
    data = replace(view.as_input(), recording_style=style)
    meetings.update_meeting(ctx.db, ctx.actor, view.id, view.version, data)


@pytest.fixture
def verbatim(qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None]) -> Iterator[MeetingWindow]:
    _set_style(work_ctx, RecordingStyle.VERBATIM)
    window = open_meeting_window(qtbot, work_ctx, "10/2562")
    tab = window.agenda_tab
    first = tab.model.views()[0]
    tab.tree.setCurrentIndex(tab.model.index_of_item(first.id))
    wait_ops()
    yield window
    window.close()


def _dialog(panel: speakers_panel.SpeakersPanel, qtbot: QtBot, button: str = "add") -> SpeakerDialog:
    qtbot.mouseClick(panel.buttons[button], Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, SpeakerDialog)
    lists_filled(qtbot, dialog)  # the posts are read off the GUI thread
    return dialog


def _save(dialog: SpeakerDialog, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()


def _stored(ctx: AppContext, panel: speakers_panel.SpeakersPanel) -> list[tuple[str, str]]:
    assert panel.item_id is not None
    return [(e.speaker, e.text) for e in speakers.list_entries(ctx.db, ctx.actor, panel.item_id)]


def test_the_speakers_part_shows_only_for_a_verbatim_meeting(qtbot: QtBot, work_ctx: AppContext) -> None:
    window = open_meeting_window(qtbot, work_ctx, "10/2562")  # the demo records a summary
    editor = window.agenda_tab.editor
    assert editor.speakers_part is not None and editor.speakers_part.isHidden()
    verbatim = replace(window.meeting, recording_style=RecordingStyle.VERBATIM)
    window.agenda_tab.set_meeting(verbatim)
    assert not editor.speakers_part.isHidden()
    window.close()


def test_add_edit_reorder_and_delete_turns(
    verbatim: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None], monkeypatch
) -> None:
    panel = verbatim.agenda_tab.editor.speakers
    assert panel is not None and not verbatim.agenda_tab.editor.speakers_part.isHidden()
    dialog = _dialog(panel, qtbot)
    type_text(qtbot, dialog.person.lineEdit(), "ผู้แทนกรมบัญชีกลาง")
    type_text(qtbot, dialog.text, "รับทราบและจะประสานกระทรวงต้นสังกัด")
    _save(dialog, qtbot, wait_ops)
    dialog = _dialog(panel, qtbot)
    dialog.person.setCurrentIndex(1)  # the first person of the list
    name = dialog.person.currentText()
    type_text(qtbot, dialog.text, "ขอให้ทุกหน่วยรายงานผล")
    _save(dialog, qtbot, wait_ops)
    assert _stored(work_ctx, panel) == [
        ("ผู้แทนกรมบัญชีกลาง", "รับทราบและจะประสานกระทรวงต้นสังกัด"),
        (name, "ขอให้ทุกหน่วยรายงานผล"),
    ]
    assert panel.list.count() == 2 and panel.list.item(1).text().startswith(name)

    panel.list.setCurrentRow(1)
    assert not panel.buttons["down"].isEnabled()
    qtbot.mouseClick(panel.buttons["up"], Qt.MouseButton.LeftButton)
    wait_ops()
    assert [speaker for speaker, _text in _stored(work_ctx, panel)] == [name, "ผู้แทนกรมบัญชีกลาง"]
    assert panel.list.currentRow() == 0  # the moved turn stays selected

    panel.list.setCurrentRow(1)
    dialog = _dialog(panel, qtbot, "edit")
    assert dialog.person.currentText() == "ผู้แทนกรมบัญชีกลาง"
    dialog.text.setPlainText("รับทราบ")
    _save(dialog, qtbot, wait_ops)
    assert _stored(work_ctx, panel)[1] == ("ผู้แทนกรมบัญชีกลาง", "รับทราบ")

    monkeypatch.setattr(speakers_panel, "confirm", lambda *_args: True)
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    wait_ops()
    assert _stored(work_ctx, panel) == [("ผู้แทนกรมบัญชีกลาง", "รับทราบ")]
    assert panel.list.count() == 1
    verbatim.grab().save("/tmp/speakers_panel.png")


@pytest.mark.parametrize(
    ("speaker", "text", "message"),
    [
        ("", "ข้อความ", "กรุณาระบุผู้กล่าว"),
        ("ผู้แทนกรมบัญชีกลาง", "   ", "กรุณากรอกข้อความที่กล่าว"),
        ("ผู้แทนกรมบัญชีกลาง", "ก" * (MAX_SPEECH + 1), "ยาวเกิน"),
        ("ข" * 301, "ข้อความ", "ชื่อผู้กล่าวยาวเกิน 300"),  # found by the service, shown in the dialog
    ],
)
def test_wrong_input_keeps_the_dialog_open_with_a_thai_message(
    verbatim: MeetingWindow, qtbot: QtBot, work_ctx: AppContext, wait_ops: Callable[[], None], speaker, text, message
) -> None:
    panel = verbatim.agenda_tab.editor.speakers
    assert panel is not None
    dialog = _dialog(panel, qtbot)
    dialog.person.setEditText(speaker)
    dialog.text.setPlainText(text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.isVisible()
    labels = dialog.findChildren(type(dialog.general_error))
    shown = [label.text().replace("\u200b", "") for label in labels if label.isVisible()]  # less the break hints
    assert any(message in label for label in shown), shown
    assert _stored(work_ctx, panel) == []
    dialog.reject()
