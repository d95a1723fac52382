"""A new secretary on a fresh database, every record typed into its dialog (no import): the
complement of test_first_meeting_walk.py, which imports the office sheet. Here the empty pages
are looked at first, wrong input is tried in each dialog (empty required fields, a duplicate
series name, a due date before the issue date), then a progress report, the invitation letter,
the tracker and the dashboard. PNGs land in /tmp/walk/ (SBPAC_WALK_SHOTS)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import AgendaTemplate, OrgUnitKind
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.dialogs.progress_dialog import ProgressDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.meeting.window import MeetingWindow
from tests.gui.helpers import lists_filled, type_text
from tests.gui.test_first_meeting_walk import (
    LEFT,
    SHOTS,
    answer_file_dialogs,
    index_containing,
    meeting_dialog,
    shot,
)
from tests.gui.test_first_meeting_walk import window as first_admin_window  # noqa: F401 - a fixture

UNIT = "กองยุทธศาสตร์การพัฒนา"
POST = "ผู้อำนวยการกองยุทธศาสตร์การพัฒนา"
SERIES = "การประชุมคณะทำงานขับเคลื่อนการพัฒนา"
ITEM = "แผนพัฒนาการท่องเที่ยวชายแดน"
DIRECTIVE = "ให้จัดทำแผนส่งเสริมการท่องเที่ยวเบตง"


@pytest.fixture
def window(first_admin_window: MainWindow) -> MainWindow:  # noqa: F811 - pytest passes the imported fixture by name
    """The real start-up on a first run, the administrator created in its dialog (the other walk's)."""
    return first_admin_window


def refused(qtbot: QtBot, dialog: QWidget, wait_ops: Callable[[], None], name: str) -> dict[str, str]:
    """Press Save on wrong input: the dialog stays open and says why, field by field (Thai)."""
    qtbot.mouseClick(dialog.save_button, LEFT)  # type: ignore[attr-defined]
    wait_ops()
    assert dialog.isVisible()
    errors = dialog.errors  # type: ignore[attr-defined]
    messages = {field: errors.message(field) for field in errors.marked()}
    general = errors.general.text() if not errors.general.isHidden() else ""
    if general:
        messages["(general)"] = general
    assert messages, f"{name}: refused with no message"
    for text in messages.values():
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in text), f"{name}: not Thai: {text!r}"
        assert "Traceback" not in text and "Error" not in text, text
    shot(dialog, name)
    return messages


def saved(qtbot: QtBot, dialog: QWidget, wait_ops: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.save_button, LEFT)  # type: ignore[attr-defined]
    wait_ops()


def empty_pages(window: MainWindow, wait_ops: Callable[[], None]) -> dict[str, str]:
    said = {}
    for key in ("people", "series", "meetings", "directives", "dashboard", "dimensions"):
        window.show_page(key)
        wait_ops()
        page = window.page(key)
        summary = getattr(page, "summary", None)
        said[key] = summary.text() if summary is not None else ""
        shot(window, f"20_empty_{key}")
    return said


def add_dimension(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> dict[str, dict[str, str]]:
    page = window.page("dimensions")
    seen = {}
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.dialog
    seen["empty"] = refused(qtbot, dialog, wait_ops, "21_dimension_empty")
    type_text(qtbot, dialog.name_edit, "เศรษฐกิจ")  # one of the six made by init
    seen["duplicate"] = refused(qtbot, dialog, wait_ops, "21_dimension_duplicate")
    dialog.name_edit.clear()
    type_text(qtbot, dialog.name_edit, "การท่องเที่ยว")
    saved(qtbot, dialog, wait_ops)
    qtbot.waitUntil(lambda: len(page.model.rows()) == 7)
    return seen


def add_org(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> dict[str, dict[str, str]]:
    window.show_page("people")
    page = window.page("people")
    seen = {}
    page.tabs.setCurrentIndex(page.UNITS)
    qtbot.mouseClick(page.units_tab.add_button, LEFT)
    unit = page.dialog
    seen["unit"] = refused(qtbot, unit, wait_ops, "22_unit_empty")
    type_text(qtbot, unit.ui.name, UNIT)
    type_text(qtbot, unit.ui.shortName, "กยท.")
    unit.kind.set_value(OrgUnitKind.DIVISION)
    saved(qtbot, unit, wait_ops)
    shot(window, "22_units_tab")
    page.tabs.setCurrentIndex(page.POSTS)
    qtbot.mouseClick(page.posts_tab.add_button, LEFT)
    post = page.dialog
    seen["post"] = refused(qtbot, post, wait_ops, "23_post_empty")
    type_text(qtbot, post.ui.title, POST)
    type_text(qtbot, post.ui.shortCode, "ผอ.กยท.")
    post.ui.orgUnit.setCurrentIndex(index_containing(post.ui.orgUnit, UNIT))
    saved(qtbot, post, wait_ops)
    page.tabs.setCurrentIndex(page.PEOPLE)
    page.new_record()
    person = page.dialog
    person.ui.prefix.setEditText("")
    seen["person"] = refused(qtbot, person, wait_ops, "24_person_empty")
    type_text(qtbot, person.ui.prefix.lineEdit(), "นาง")
    type_text(qtbot, person.ui.firstName, "วิไลวรรณ")
    type_text(qtbot, person.ui.lastName, "พัฒนากุล")
    saved(qtbot, person, wait_ops)
    page.tabs.setCurrentIndex(page.POSTS)
    page.posts_tab.select(page.data.positions[0].id)
    qtbot.mouseClick(page.posts_tab.assign_button, LEFT)
    term = page.dialog
    term.ui.person.setEditText("")
    type_text(qtbot, term.ui.person.lineEdit(), "นางวิไลวรรณ พัฒนากุล")
    term.ui.startOn.line_edit.clear()
    qtbot.keyClicks(term.ui.startOn.line_edit, "31/02/2563")  # no such day
    seen["term"] = refused(qtbot, term, wait_ops, "25_term_bad_date")
    term.ui.startOn.line_edit.clear()
    qtbot.keyClicks(term.ui.startOn.line_edit, "1/10/2562")
    saved(qtbot, term, wait_ops)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and bool(page.model.row_at(0).holder_name))
    shot(window, "26_people_page")
    return seen


def add_series(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> dict[str, dict[str, str]]:
    window.show_page("series")
    page = window.page("series")
    seen = {}
    qtbot.waitUntil(page.add_button.isEnabled)
    for attempt in range(2):
        qtbot.mouseClick(page.add_button, LEFT)
        dialog = page.dialog
        qtbot.waitExposed(dialog)
        if attempt == 0:
            seen["empty"] = refused(qtbot, dialog, wait_ops, "27_series_empty")
        type_text(qtbot, dialog.name_edit, SERIES)
        dialog.chair.setCurrentIndex(index_containing(dialog.chair, POST))
        dialog.template.set_value(AgendaTemplate.STANDARD_5)
        type_text(qtbot, dialog.venue, "ห้องประชุม ศอ.บต.")
        if attempt == 1:
            seen["duplicate"] = refused(qtbot, dialog, wait_ops, "27_series_duplicate")
            dialog.reject()
            break
        editor = dialog.members
        editor.post_picker.setCurrentIndex(index_containing(editor.post_picker, POST))
        editor.role_picker.setEditText("ประธาน")
        qtbot.mouseClick(editor.add_button, LEFT)
        saved(qtbot, dialog, wait_ops)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    shot(window, "28_series_page")
    return seen


def open_meeting(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> MeetingWindow:
    page, dialog = meeting_dialog(window, qtbot, SERIES, "15/1/2564")
    qtbot.keyClicks(dialog.start_time, "25.99")  # no such time
    refused(qtbot, dialog, wait_ops, "29_meeting_bad_time")
    dialog.start_time.clear()
    qtbot.keyClicks(dialog.start_time, "13.30")
    saved(qtbot, dialog, wait_ops)
    shot(window, "30_meetings_page")
    qtbot.waitUntil(lambda: page.selected_meeting() is not None)
    qtbot.mouseClick(page.open_button, LEFT)
    wait_ops()
    meeting = page.windows.get(page.selected_meeting().id)
    assert meeting is not None
    qtbot.waitExposed(meeting)
    wait_ops()
    shot(meeting, "31_meeting_window")
    return meeting


def agenda_and_directive(meeting: MeetingWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> dict[str, str]:
    tab = meeting.agenda_tab
    tab.tree.setCurrentIndex(tab.model.index_of_section(4))
    qtbot.mouseClick(tab.add_button, LEFT)
    item = tab.dialog
    refused(qtbot, item, wait_ops, "32_agenda_item_empty")
    type_text(qtbot, item.title_edit, ITEM)
    saved(qtbot, item, wait_ops)
    qtbot.mouseClick(tab.editor.directive_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, DirectiveDialog)
    lists_filled(qtbot, dialog)
    empty = refused(qtbot, dialog, wait_ops, "33_directive_empty")
    type_text(qtbot, dialog.text_edit, DIRECTIVE)
    dialog.dimension.setCurrentIndex(index_containing(dialog.dimension, "การท่องเที่ยว"))
    dialog.lead.setCurrentIndex(index_containing(dialog.lead, POST))
    dialog.due_on.line_edit.clear()
    qtbot.keyClicks(dialog.due_on.line_edit, "1/1/2564")  # before the meeting (the issue date)
    before = refused(qtbot, dialog, wait_ops, "34_directive_due_before_issue")
    dialog.due_on.line_edit.clear()
    qtbot.keyClicks(dialog.due_on.line_edit, "30/6/2564")
    saved(qtbot, dialog, wait_ops)
    shot(meeting, "35_agenda_with_directive")
    return {"empty": " | ".join(empty.values()), "before": " | ".join(before.values())}


def invitation(meeting: MeetingWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
               wait_ops: Callable[[], None]) -> str:  # fmt: skip
    target = tmp_path / "invitation.pdf"
    answer_file_dialogs(monkeypatch, save_path=target)
    meeting.letters.invitation_action.trigger()
    qtbot.waitUntil(lambda: meeting.letters.saved_path is not None, timeout=60_000)
    wait_ops()
    shot(meeting, "36_invitation_saved")
    shutil.copyfile(target, SHOTS / target.name)
    with pdfplumber.open(target) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def progress_report(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> dict[str, str]:
    window.show_page("directives")
    page = window.page("directives")
    wait_ops()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.selectRow(0)
    wait_ops()
    qtbot.waitUntil(page.progress_button.isEnabled)
    shot(window, "37_tracker")
    qtbot.mouseClick(page.progress_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, ProgressDialog)
    lists_filled(qtbot, dialog)
    empty = refused(qtbot, dialog, wait_ops, "38_progress_empty")
    dialog.report_date.line_edit.clear()
    qtbot.keyClicks(dialog.report_date.line_edit, "15/2/2564")
    dialog.percent.setValue(40)
    type_text(qtbot, dialog.result_edit, "จัดประชุมหารือกับผู้ประกอบการท่องเที่ยวเบตงแล้ว")
    saved(qtbot, dialog, wait_ops)
    wait_ops()
    shot(window, "39_tracker_after_progress")
    window.show_page("dashboard")
    wait_ops()
    shot(window, "40_dashboard")
    return empty


def test_fresh_office_by_hand(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                              tmp_path: Path, wait_ops: Callable[[], None]) -> None:  # fmt: skip
    said = empty_pages(window, wait_ops)
    assert "นำเข้าจากไฟล์…" in said["people"] and "ดาวน์โหลดแบบฟอร์ม" in said["people"]  # where to start
    assert "“ข้อสั่งการใหม่”" in said["directives"]
    assert "“เพิ่มชุดการประชุม”" in said["series"] and "“ประชุมใหม่”" in said["meetings"]
    assert add_dimension(window, qtbot, wait_ops) == {
        "empty": {"name": "กรุณากรอกชื่อมิติการพัฒนา"},
        "duplicate": {"name": "มีมิติการพัฒนาชื่อ “เศรษฐกิจ” อยู่แล้ว"},
    }
    org = add_org(window, qtbot, wait_ops)
    assert org["unit"] == {"name": "กรุณากรอกชื่อหน่วยงาน"} and org["post"] == {"title": "กรุณากรอกชื่อตำแหน่ง"}
    assert set(org["person"]) == {"first_name", "last_name"}
    assert org["term"] == {"start_on": "วันที่ไม่ถูกต้อง: 31/02/2563 (กุมภาพันธ์ 2563 มี 29 วัน)"}
    # the series page was seen before the post existed: its dialog must offer the post now
    assert add_series(window, qtbot, wait_ops)["duplicate"] == {"name": f"มีชุดการประชุมชื่อ “{SERIES}” อยู่แล้ว"}
    meeting = open_meeting(window, qtbot, wait_ops)
    refusals = agenda_and_directive(meeting, qtbot, wait_ops)
    assert "กรุณากรอกข้อความข้อสั่งการ" in refusals["empty"]
    assert refusals["before"] == "กำหนดแล้วเสร็จต้องไม่ก่อนวันที่สั่งการ"
    letter = " ".join(invitation(meeting, qtbot, monkeypatch, tmp_path, wait_ops).split())
    for expected in (f"ขอเชิญ{SERIES[3:]} ครั้งที่ ๑/๒๕๖๔", "วันศุกร์ที่ ๑๕ มกราคม ๒๕๖๔ เวลา ๑๓.๓๐ น.",
                     "(นางวิไลวรรณ พัฒนากุล)"):  # fmt: skip
        assert expected in letter, expected
    assert progress_report(window, qtbot, wait_ops) == {"result": "กรุณากรอกผลการดำเนินการ"}
    dashboard = window.page("dashboard")
    # seen empty at the start: the directive and its report must show without pressing reload
    assert dashboard.tiles["overdue"].number.text() == "๑"  # type: ignore[attr-defined]
    assert dashboard.overdue.item(0, 0).text() == "ขส. ๐๐๑/๒๕๖๔"  # type: ignore[attr-defined]
    tracker = window.page("directives")
    window.show_page("directives")
    # the tracker too was first seen empty: the first directive's fiscal year must be offered
    assert tracker.year_filter.findData(2564) > 0  # type: ignore[attr-defined]
    type_text(qtbot, tracker.text_filter, "ไม่มีเรื่องนี้")
    qtbot.waitUntil(lambda: tracker.summary.text() == "ไม่พบข้อสั่งการตามเงื่อนไขที่กรอง", timeout=10_000)
    meeting.close()
