"""Letters from the window: the office details and emblem set once in Settings (dialog, bad
input next to its field), and the meeting window's หนังสือ menu writing the invitation and the
memos as Word and PDF through the real worker process."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.dialogs import office_dialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import office
from tests.gui.meeting_fixtures import open_meeting_window
from tests.gui.test_word_from_window import answer_save_dialog

Wait = Callable[[], None]
JOB_TIMEOUT_MS = 60_000


def emblem_file(folder: Path) -> Path:
    """A generated emblem: the app ships none."""
    image = Image.new("RGB", (90, 110), (150, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    path = folder / "ตรา.png"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def main_window(qtbot: QtBot, work_ctx: AppContext, settings: QSettings, wait_ops: Wait) -> Iterator[MainWindow]:
    win = MainWindow(work_ctx, settings)
    win.close_context = lambda _ctx: None  # the fixture closes work_ctx itself
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.show_page("settings")
    wait_ops()
    yield win


def open_office_dialog(window: MainWindow, wait_ops: Wait) -> office_dialog.OfficeDialog:
    page = window.settings_page
    assert page is not None
    page.office_button.click()
    wait_ops()
    return page.office_dialog


def test_office_details_and_emblem_saved_from_settings(
    main_window: MainWindow, work_ctx: AppContext, wait_ops: Wait, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_office_dialog(main_window, wait_ops)
    assert dialog.name_edit.text() == office.DEFAULT_NAME and dialog.emblem is None
    dialog.address_edit.setPlainText("ถนนรามวิถี\nจังหวัดยะลา 95000")
    dialog.phone_edit.setText("0 7320 3881")
    dialog.prefix_edit.setText("นร ๕๒๐๗")
    png = emblem_file(tmp_path)
    monkeypatch.setattr(office_dialog, "choose_emblem_file", lambda _parent: str(png))
    dialog.choose_button.click()
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    assert dialog.height() <= 720
    dialog.grab().save("/tmp/office_dialog.png")
    dialog.save_button.click()
    wait_ops()
    saved = office.get_office(work_ctx.db, work_ctx.actor)
    assert saved.letter_prefix == "นร 5207" and saved.emblem == png.read_bytes() and not dialog.isVisible()


def test_office_dialog_bad_input_stays_open(
    main_window: MainWindow, work_ctx: AppContext, wait_ops: Wait, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_office_dialog(main_window, wait_ops)
    not_an_image = tmp_path / "ตรา.png"
    not_an_image.write_text("ไม่ใช่ภาพ", encoding="utf-8")
    monkeypatch.setattr(office_dialog, "choose_emblem_file", lambda _parent: str(not_an_image))
    dialog.choose_button.click()
    dialog.name_edit.setText("   ")
    dialog.prefix_edit.setText("นร 5207/ว")
    dialog.save_button.click()
    wait_ops()
    assert dialog.isVisible()
    labels = dialog.findChildren(type(dialog.preview))
    shown = " ".join(label.text() for label in labels if label.isVisible()).replace("\u200b", "")  # break marks
    for fragment in ("กรุณากรอกชื่อส่วนราชการ", "ไม่ต้องมี /", "PNG หรือ JPEG"):
        assert fragment in shown, fragment
    assert office.get_office(work_ctx.db, work_ctx.actor).emblem is None  # nothing stored


@pytest.fixture
def meeting_window(qtbot: QtBot, work_ctx: AppContext) -> Iterator[MeetingWindow]:
    win = open_meeting_window(qtbot, work_ctx, "10/2562")
    yield win
    win.close()


def test_letters_menu_writes_invitation_and_memos(
    meeting_window: MeetingWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letters = meeting_window.letters
    titles = [action.text() for action in letters.button.menu().actions()]
    assert len(titles) == 3 and titles[0].startswith("หนังสือเชิญประชุม") and titles[2].startswith("บันทึกข้อความ")
    meeting_window.resize(1366, 768)
    meeting_window.grab().save("/tmp/meeting_window_letters.png")
    offered = answer_save_dialog(monkeypatch, tmp_path / "เชิญ.docx")
    letters.per_post_action.trigger()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    assert offered == ["เอกสาร PDF (*.pdf);;เอกสาร Word (*.docx)"]
    paragraphs = [p.text for p in Document(str(tmp_path / "เชิญ.docx")).paragraphs]
    assert sum(p == "ขอแสดงความนับถือ" for p in paragraphs) > 1
    assert str(tmp_path / "เชิญ.docx") in letters.notice.text() and letters.notice.isVisible()
    answer_save_dialog(monkeypatch, tmp_path / "บันทึก")  # no suffix: the first filter's .pdf
    letters.memo_action.trigger()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "บันทึก.pdf").pages)
    assert text.count("บันทึกข้อความ") >= 2 and "ข้อสั่งการ" in text


def test_letters_menu_refuses_another_suffix(
    meeting_window: MeetingWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_dialog(monkeypatch, tmp_path / "เชิญ.odt")
    assert meeting_window.letters.save_invitation(per_post=False) is None
    assert ".pdf" in meeting_window.letters.notice.text() and list(tmp_path.glob("เชิญ*")) == []
