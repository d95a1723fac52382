"""A new office's first meeting through the window only, from the first-admin dialog to the
printed minutes — the same office and story as tests/e2e/test_first_meeting_cli.py.

Everything is done in the real widgets (typing, clicks, the widgets' own setters); the file
dialogs are answered by monkeypatching QFileDialog. Services are called only to read back at
the end. PNGs of the walk land in /tmp/walk/ (looked at while writing).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import AgendaTemplate, AttendanceKind
from sbpac_desktop.gui import app as gui_app
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.dialogs.import_preview_dialog import ImportPreviewDialog
from sbpac_desktop.gui.dialogs.person_dialog import PersonDialog
from sbpac_desktop.gui.dialogs.person_term_dialog import TermDialog
from sbpac_desktop.gui.dialogs.position_dialog import PositionDialog
from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import directives
from tests.e2e import office_sheet
from tests.e2e.office_sheet import ASSISTANT, DIRECTOR, SECRETARY_GENERAL, write_office_csv
from tests.gui.helpers import lists_filled, settle, type_text
from tests.gui.test_attendance_tab import set_kind

PASSWORD = "first-office-2563"
SERIES = "การประชุมคณะกรรมการติดตามข้อสั่งการ ศอ.บต."
VENUE = "ห้องประชุมเจริญจิตต์ ณ สงขลา"
ITEM = "การขับเคลื่อนเศรษฐกิจชายแดน"
DISCUSSION = "มูลค่าการค้าชายแดนด่านสะเดาเพิ่มขึ้นร้อยละ ๑๒"
RESOLUTION = "ที่ประชุมรับทราบและมอบหมายตามข้อสั่งการ"
DIRECTIVE = "ให้ส่งเสริมการค้าชายแดนด่านสะเดาและจัดทำแผนรายไตรมาส"
SHOTS = Path(os.environ.get("SBPAC_WALK_SHOTS", "/tmp/walk"))
LEFT = Qt.MouseButton.LeftButton


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, *, open_path: Path | None = None,
                        save_path: Path | None = None) -> None:  # fmt: skip
    if open_path is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(open_path), "")))
    if save_path is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(save_path), "")))


def index_containing(combo, text: str) -> int:  # type: ignore[no-untyped-def]
    """The entry whose label starts with `text`, as the clerk reads the list top down."""
    found = [i for i in range(combo.count()) if combo.itemText(i).startswith(text)]
    assert found, f"{text!r} not offered in {[combo.itemText(i) for i in range(combo.count())]}"
    return found[0]


def painted(view: QWidget) -> bool:
    """Some dark (text) pixels in the middle of the preview: the page is drawn, not blank."""
    image = view.grab().toImage()
    xs = range(image.width() // 4, image.width() * 3 // 4, 5)
    ys = range(image.height() // 10, image.height() * 6 // 10, 5)
    return any(image.pixelColor(x, y).lightness() < 100 for x in xs for y in ys)


def first_admin() -> AppContext:
    """The start-up path of the real app on a first run (no --db: the per-user database, which
    the fixtures put in this test's temp folder, is created), then the administrator first."""
    seen: list[FirstAdminDialog] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, FirstAdminDialog) and w.isVisible()), None)  # fmt: skip
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        shot(dialog, "01_first_admin")
        dialog.login.setFocus()
        QApplication.processEvents()
        for edit, text in ((dialog.login, "somchai"), (dialog.display_name, "สมชาย ใจดี"),
                           (dialog.password, PASSWORD), (dialog.confirm, PASSWORD)):  # fmt: skip
            edit.setText(text)  # a modal exec(): the widgets' own setter, as run_gui's test does
        dialog.ok_button.click()

    QTimer.singleShot(20, answer)
    ctx = gui_app._open_context(None, {}, False)
    assert seen and ctx is not None
    return ctx


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    ctx = first_admin()
    assert str(tmp_path) in ctx.database_display
    win = MainWindow(ctx, settings=settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    yield win
    win.close()
    ctx.close()


def import_office(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                  wait_ops: Callable[[], None]) -> None:  # fmt: skip
    """The office's sheet through นำเข้าจากไฟล์…, all but the assistant SG (typed in by hand next)."""
    window.show_page("people")
    page = window.page("people")
    by_hand = [r for r in office_sheet.ROWS if r[5] == ASSISTANT or r[9] == "กิตติ"]
    assert len(by_hand) == 3  # his post, himself and his term
    monkeypatch.setattr(office_sheet, "ROWS", tuple(r for r in office_sheet.ROWS if r not in by_hand))
    answer_file_dialogs(monkeypatch, open_path=write_office_csv(tmp_path / "office.csv"))
    qtbot.mouseClick(page.import_button, LEFT)
    dialog = page.import_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    wait_ops()
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled(), timeout=15_000)
    shot(dialog, "02_import_preview")
    with qtbot.waitSignal(dialog.imported, timeout=15_000):
        qtbot.mouseClick(dialog.import_button, LEFT)
    wait_ops()
    assert "นำเข้าแล้ว" in dialog.summary.text()
    dialog.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def save(qtbot: QtBot, dialog: QWidget, wait_ops: Callable[[], None]) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.save_button, LEFT)  # type: ignore[attr-defined]
    wait_ops()


def add_assistant_by_hand(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    """The assistant SG seconded from กระทรวงพาณิชย์: his post, himself, his term, each by its dialog."""
    page = window.page("people")
    page.tabs.setCurrentIndex(page.POSTS)
    qtbot.mouseClick(page.posts_tab.add_button, LEFT)
    post = page.dialog
    assert isinstance(post, PositionDialog)
    type_text(qtbot, post.ui.title, ASSISTANT)
    type_text(qtbot, post.ui.shortCode, "ผช.ลธ.(พณ.)")
    post.ui.orgUnit.setCurrentIndex(index_containing(post.ui.orgUnit, "กระทรวงพาณิชย์"))
    shot(post, "03a_position_dialog")
    save(qtbot, post, wait_ops)
    page.tabs.setCurrentIndex(page.PEOPLE)
    page.new_record()
    person = page.dialog
    assert isinstance(person, PersonDialog)
    person.ui.prefix.setEditText("")
    type_text(qtbot, person.ui.prefix.lineEdit(), "นาย")
    type_text(qtbot, person.ui.firstName, "กิตติ")
    type_text(qtbot, person.ui.lastName, "พาณิชย์ดี")
    save(qtbot, person, wait_ops)
    page.tabs.setCurrentIndex(page.POSTS)
    page.posts_tab.select(next(p.id for p in page.data.positions if p.short_code == "ผช.ลธ.(พณ.)"))
    qtbot.mouseClick(page.posts_tab.assign_button, LEFT)
    term = page.dialog
    assert isinstance(term, TermDialog)
    term.ui.person.setEditText("")
    type_text(qtbot, term.ui.person.lineEdit(), "นายกิตติ พาณิชย์ดี")
    term.ui.startOn.line_edit.clear()
    qtbot.keyClicks(term.ui.startOn.line_edit, "1/10/2562")
    shot(term, "03b_term_dialog")
    save(qtbot, term, wait_ops)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    holders = {page.model.row_at(r).short_code: page.model.row_at(r).holder_name for r in range(3)}
    assert holders["ผช.ลธ.(พณ.)"] == "นายกิตติ พาณิชย์ดี"
    shot(window, "03_people_page")


def add_series(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    window.show_page("series")
    page = window.page("series")
    qtbot.waitUntil(page.add_button.isEnabled)  # the posts are read in the background first
    qtbot.mouseClick(page.add_button, LEFT)  # เพิ่มชุดการประชุม
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.name_edit, SERIES)
    type_text(qtbot, dialog.short_edit, "ประชุมติดตาม ศอ.บต.")
    dialog.chair.setCurrentIndex(index_containing(dialog.chair, SECRETARY_GENERAL))
    dialog.secretary.setCurrentIndex(index_containing(dialog.secretary, DIRECTOR))
    type_text(qtbot, dialog.venue, VENUE)
    dialog.template.set_value(AgendaTemplate.STANDARD_5)
    editor = dialog.members
    for post, role in ((SECRETARY_GENERAL, "ประธาน"), (ASSISTANT, "กรรมการ"), (DIRECTOR, "เลขานุการ")):
        editor.post_picker.setCurrentIndex(index_containing(editor.post_picker, post))
        editor.role_picker.setEditText(role)
        qtbot.mouseClick(editor.add_button, LEFT)
    assert editor.table.rowCount() == 3
    shot(dialog, "04_series_dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    wait_ops()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    shot(window, "05_series_page")


def meeting_dialog(window: MainWindow, qtbot: QtBot, series: str, day: str):  # type: ignore[no-untyped-def]
    """ประชุมใหม่ on the meetings page, the series and the BE day typed in; the page and its dialog."""
    window.show_page("meetings")
    page = window.page("meetings")
    qtbot.mouseClick(page.new_button, LEFT)  # ประชุมใหม่
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    lists_filled(qtbot, dialog)
    dialog.series.setCurrentIndex(index_containing(dialog.series, series))
    dialog.meeting_date.line_edit.clear()
    qtbot.keyClicks(dialog.meeting_date.line_edit, day)
    dialog.start_time.clear()
    return page, dialog


def new_meeting(window: MainWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> MeetingWindow:
    page, dialog = meeting_dialog(window, qtbot, SERIES, "05/11/2563")
    qtbot.keyClicks(dialog.start_time, "09.30")
    qtbot.waitUntil(lambda: dialog.venue.currentText() == VENUE)
    assert "ศักดิ์ชัย" in dialog.chair.currentText()
    shot(dialog, "06_meeting_dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    wait_ops()
    qtbot.waitUntil(lambda: page.selected_meeting() is not None)
    qtbot.mouseClick(page.open_button, LEFT)  # เปิดการประชุม
    wait_ops()  # the meeting is read off the GUI thread before its window opens
    meeting_window = page.windows.get(page.selected_meeting().id)
    assert meeting_window is not None
    qtbot.waitExposed(meeting_window)
    wait_ops()
    return meeting_window


def agenda_and_minutes(meeting: MeetingWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    tab = meeting.agenda_tab
    tab.tree.setCurrentIndex(tab.model.index_of_section(4))
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.dialog
    type_text(qtbot, dialog.title_edit, ITEM)
    dialog.minutes.setValue(45)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    wait_ops()
    editor = tab.editor
    type_text(qtbot, editor.texts["discussion"], DISCUSSION)
    type_text(qtbot, editor.texts["resolution"], RESOLUTION)
    qtbot.mouseClick(editor.save_button, LEFT)
    wait_ops()
    assert not editor.dirty
    shot(meeting, "07_agenda_tab")


def add_directive(meeting: MeetingWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    tab = meeting.agenda_tab
    qtbot.mouseClick(tab.editor.directive_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, DirectiveDialog)
    lists_filled(qtbot, dialog)
    type_text(qtbot, dialog.text_edit, DIRECTIVE)
    dialog.dimension.setCurrentIndex(index_containing(dialog.dimension, "เศรษฐกิจ"))
    dialog.lead.setCurrentIndex(index_containing(dialog.lead, ASSISTANT))
    qtbot.keyClicks(dialog.due_on.line_edit, "31/03/2564")
    shot(dialog, "08_directive_dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, LEFT)
    wait_ops()


def take_attendance(meeting: MeetingWindow, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    meeting.tabs.setCurrentWidget(meeting.attendance_tab)
    tab = meeting.attendance_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)  # filled from the series' standing members
    for row in range(tab.model.rowCount()):
        set_kind(tab.model, row, AttendanceKind.PRESENT, tab.table)
    wait_ops()
    shot(meeting, "09_attendance_tab")


def print_minutes(meeting: MeetingWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                  wait_ops: Callable[[], None]) -> tuple[str, str]:  # fmt: skip
    meeting.tabs.setCurrentWidget(meeting.minutes_tab)
    tab = meeting.minutes_tab
    wait_ops()
    qtbot.waitUntil(lambda: tab.save_button.isEnabled() and tab.pdf_path is not None, timeout=60_000)
    qtbot.waitUntil(lambda: painted(tab.view), timeout=20_000)  # the preview draws its page in a thread
    shot(meeting, "10_minutes_tab")
    pdf, docx = tmp_path / "minutes.pdf", tmp_path / "minutes.docx"
    answer_file_dialogs(monkeypatch, save_path=pdf)
    qtbot.mouseClick(tab.save_button, LEFT)
    assert pdf.exists()
    answer_file_dialogs(monkeypatch, save_path=docx)
    qtbot.mouseClick(tab.word_button, LEFT)
    wait_ops()
    qtbot.waitUntil(lambda: "Word" in tab.notice.text(), timeout=60_000)
    for made in (pdf, docx):
        shutil.copyfile(made, SHOTS / made.name)  # looked at with pdftoppm while writing
    with pdfplumber.open(pdf) as document:
        pdf_text = "\n".join(page.extract_text() or "" for page in document.pages)
    word = Document(str(docx))
    docx_text = "\n".join(p.text for p in word.paragraphs)
    docx_text += "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    return pdf_text, docx_text


def test_first_meeting_through_the_window(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path, wait_ops: Callable[[], None]) -> None:  # fmt: skip
    assert window.ctx.actor.login == "somchai"
    assert "เริ่มจากหน้า “บุคคลและหน่วยงาน” และ “ชุดการประชุม”" in window.page("meetings").summary.text()
    shot(window, "00_main_window_empty")
    import_office(window, qtbot, monkeypatch, tmp_path, wait_ops)
    add_assistant_by_hand(window, qtbot, wait_ops)
    window.show_page("dimensions")
    wait_ops()  # the page reads its rows in the background
    dimensions = [row.name for row in window.page("dimensions").model.rows()]
    assert dimensions[:2] == ["ความมั่นคง", "เศรษฐกิจ"] and len(dimensions) == 6
    add_series(window, qtbot, wait_ops)
    meeting = new_meeting(window, qtbot, wait_ops)
    take_attendance(meeting, qtbot, wait_ops)
    meeting.tabs.setCurrentWidget(meeting.agenda_tab)
    agenda_and_minutes(meeting, qtbot, wait_ops)
    add_directive(meeting, qtbot, wait_ops)
    pdf_text, docx_text = print_minutes(meeting, qtbot, monkeypatch, tmp_path, wait_ops)
    for text in (pdf_text, docx_text):
        flat = " ".join(text.split())
        for expected in (
            f"รายงาน{SERIES}",
            "ครั้งที่ ๑/๒๕๖๓",
            "วันพฤหัสบดีที่ ๕ พฤศจิกายน ๒๕๖๓",
            VENUE,
            "นายศักดิ์ชัย ปกครองดี",
            "นายกิตติ พาณิชย์ดี",
            "นางสาวฐิติมา ประสานงาน",
            SECRETARY_GENERAL,
            ASSISTANT,
            f"๔.๑ {ITEM}",
            "ร้อยละ ๑๒",
            RESOLUTION,
            "ขส. ๐๐๑/๒๕๖๔",
            "๓๑ มี.ค. ๒๕๖๔",
        ):
            assert " ".join(expected.split()) in flat, expected
        assert flat.index("ผู้มาประชุม") < flat.index("ระเบียบวาระที่ ๑") < flat.index("ระเบียบวาระที่ ๔")
    rows = directives.list_directives(window.ctx.db, window.ctx.actor)
    assert [(r.number_text(False), r.dimension) for r in rows] == [("ขส. 001/2564", "เศรษฐกิจ")]
    detail = directives.get_directive(window.ctx.db, window.ctx.actor, rows[0].id)
    assert detail.row.due_on == date(2021, 3, 31)
    meeting.close()
