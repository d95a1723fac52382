""""บันทึกเป็น Word" from the window: the minutes tab and the follow-up report dialog write an
editable .docx through the real worker-process job; the file is read back with python-docx."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.dialogs.followup_report_dialog import FollowUpReportDialog
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from tests.gui.helpers import lists_filled
from tests.gui.meeting_fixtures import open_meeting_window

JOB_TIMEOUT_MS = 60_000  # the first job starts the worker process


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    offered: list[str] = []

    def fake(_parent: QWidget, _title: str, _name: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return offered


def docx_text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext) -> Iterator[MeetingWindow]:
    win = open_meeting_window(qtbot, work_ctx, "10/2562")
    yield win
    win.close()


def test_minutes_tab_saves_word(
    window: MeetingWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    wait_ops: Callable[[], None],
) -> None:  # fmt: skip
    tab = window.minutes_tab
    window.tabs.setCurrentWidget(tab)
    wait_ops()
    assert tab.word_button.isEnabled() and tab.word_button.text() == "บันทึกเป็น Word…"
    window.resize(1366, 768)
    window.grab().save("/tmp/minutes_tab_word_button.png")
    offered = answer_save_dialog(monkeypatch, tmp_path / "รายงานการประชุม")  # no suffix: .docx added
    tab.word_button.click()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    target = tmp_path / "รายงานการประชุม.docx"
    assert offered == ["เอกสาร Word (*.docx)"]
    text = docx_text(target)
    assert "ครั้งที่ ๑๐/๒๕๖๒" in text and "ผู้มาประชุม" in text and "เลิกประชุมเวลา" in text
    assert str(target) in tab.notice.text()


def test_minutes_tab_word_cancelled_writes_nothing(
    window: MeetingWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, wait_ops: Callable[[], None]
) -> None:
    window.tabs.setCurrentWidget(window.minutes_tab)
    wait_ops()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    assert window.minutes_tab.save_word() is None
    assert not list(tmp_path.glob("*.docx"))


def test_followup_dialog_saves_word(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = FollowUpReportDialog(ctx, fiscal_year=2563)
    qtbot.addWidget(dialog)
    dialog.show()
    lists_filled(qtbot, dialog)
    dialog.as_of.setDate(REFERENCE_DATE)
    assert not dialog.open_button.isVisible()  # nothing saved yet
    dialog.grab().save("/tmp/followup_report_dialog_word.png")
    assert dialog.height() <= 720
    answer_save_dialog(monkeypatch, tmp_path / "ติดตาม.txt")  # a wrong suffix is refused in Thai
    dialog.word_button.click()
    assert dialog.error.isVisible() and not list(tmp_path.glob("ติดตาม*"))
    answer_save_dialog(monkeypatch, tmp_path / "ติดตาม")
    dialog.word_button.click()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    target = tmp_path / "ติดตาม.docx"
    assert dialog.saved_path == target
    text = docx_text(target)
    assert "รายงานผลการติดตามข้อสั่งการ" in text and "ปีงบประมาณ พ.ศ. ๒๕๖๓" in text and "ขส." in text
    assert dialog.open_button.isVisible() and dialog.open_button.text() == "เปิดไฟล์ Word"
