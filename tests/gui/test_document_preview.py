"""Preview, print and save from the window: every document of a meeting (agenda, dossier,
invitation letter, memos) from the meeting window's ดูตัวอย่างและพิมพ์ menu, and the follow-up
report from its dialog. Real worker-process renders, QtPdf, a printer writing to a PDF file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.dialogs.document_preview import DocumentPreview
from sbpac_desktop.gui.dialogs.followup_report_dialog import FollowUpReportDialog
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from tests.gui.meeting_fixtures import open_meeting_window
from tests.gui.test_word_from_window import answer_save_dialog

JOB_TIMEOUT_MS = 90_000


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext) -> Iterator[MeetingWindow]:
    win = open_meeting_window(qtbot, work_ctx, "10/2562")
    yield win
    win.close()


def shown(qtbot: QtBot, dialog: DocumentPreview) -> DocumentPreview:
    """Waits for the render; the dialog deletes itself on close (its parent window owns it)."""
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    assert dialog.document.status() == QPdfDocument.Status.Ready, dialog.notice.text()
    return dialog


def pdf_printer(path: Path) -> Callable[[], QPrinter]:
    def make() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


def test_agenda_preview_print_and_save(
    window: MeetingWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles = [action.text() for action in window.documents.menu().actions()]
    assert titles == list(window.documents.entries)
    dialog = shown(qtbot, window.documents.preview("ระเบียบวาระการประชุม"))
    pages = dialog.document.pageCount()
    assert pages >= 1 and "ตัวอย่าง" in dialog.notice.text() and dialog.height() <= 720
    qtbot.wait(1500)  # QPdfView draws its pages asynchronously
    dialog.grab().save("/tmp/document_preview_agenda.png")
    monkeypatch.setattr(dialog, "ask_printer", pdf_printer(tmp_path / "printed.pdf"))
    assert dialog.print_document() == pages and (tmp_path / "printed.pdf").stat().st_size > 0
    answer_save_dialog(monkeypatch, tmp_path / "วาระ")
    assert dialog.save_pdf() == tmp_path / "วาระ.pdf"
    assert (tmp_path / "วาระ.pdf").read_bytes() == dialog.pdf_path.read_bytes()
    answer_save_dialog(monkeypatch, tmp_path / "วาระ")
    dialog.save_word()
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)
    assert Document(str(tmp_path / "วาระ.docx")).paragraphs[0].text == "ระเบียบวาระการประชุม"
    assert str(tmp_path / "วาระ.docx") in dialog.notice.text()
    dialog.close()


@pytest.mark.parametrize(
    ("entry", "least_pages"),
    [("เอกสารประกอบการประชุม (ทั้งชุด)", 5), ("หนังสือเชิญประชุม", 3), ("บันทึกข้อความแจ้งข้อสั่งการ", 2)],
)
def test_every_meeting_document_previews(window: MeetingWindow, qtbot: QtBot, entry: str, least_pages: int) -> None:
    dialog = shown(qtbot, window.documents.preview(entry))
    assert dialog.document.pageCount() >= least_pages
    assert dialog.print_button.isEnabled() and dialog.pdf_button.isEnabled()
    dialog.close()


def test_followup_report_preview(qtbot: QtBot, ctx: AppContext) -> None:
    report = FollowUpReportDialog(ctx, fiscal_year=2563)
    qtbot.addWidget(report)
    report.show()
    report.as_of.setDate(REFERENCE_DATE)
    assert report.width() <= 1366
    report.grab().save("/tmp/followup_report_dialog_preview_button.png")
    dialog = shown(qtbot, report.preview_report())
    assert dialog.document.pageCount() >= 1 and dialog.windowTitle() == "รายงานผลการติดตามข้อสั่งการ"
    dialog.close()


def test_wrong_suffix_when_saving_from_the_preview(
    window: MeetingWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown(qtbot, window.documents.preview("ระเบียบวาระการประชุม"))
    answer_save_dialog(monkeypatch, tmp_path / "วาระ.txt")
    assert dialog.save_pdf() is None and ".pdf" in dialog.notice.text()
    assert list(tmp_path.glob("วาระ*")) == []
    dialog.close()
