"""ลงนามดิจิทัล… from the minutes tab: the real minutes rendered in the worker process, signed in
the background with a throwaway self-signed certificate; bad input stays in the dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.gui.meeting.window import MeetingWindow
from sbpac_desktop.reporting.pdfa import pdfa_problems
from sbpac_desktop.reporting.signing import SignatureState, verify_pdf
from sbpac_desktop.services.app import AppContext
from tests.gui.meeting_fixtures import open_meeting_window
from tests.support.certificates import PASSPHRASE, SIGNER, self_signed_p12


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext) -> Iterator[MeetingWindow]:
    win = open_meeting_window(qtbot, work_ctx, "10/2562")
    yield win
    win.close()


def test_sign_certified_minutes(
    window: MeetingWindow, qtbot: QtBot, tmp_path: Path, wait_ops: Callable[[], None], answer_yes: list[str]
) -> None:
    window.tabs.setCurrentWidget(window.minutes_tab)
    wait_ops()
    tab = window.minutes_tab
    if not tab.certified:
        tab.set_status(MeetingStatus.MINUTES_CERTIFIED)
        wait_ops()
    qtbot.waitUntil(lambda: tab.sign_button.isEnabled(), timeout=60_000)

    dialog = tab.sign()
    assert dialog is not None and dialog.isVisible()
    dialog.resize(dialog.sizeHint())
    assert dialog.height() <= 720
    dialog.grab().save(str(tmp_path / "sign_dialog.png"))

    output = tmp_path / "ลงนาม.pdf"
    dialog.output_edit.setText(str(output))
    dialog.submit()  # no certificate chosen
    assert "กรุณาเลือกไฟล์ใบรับรอง" in (dialog.errors.message("cert") or "")
    dialog.cert_edit.setText(str(tmp_path / "none.p12"))
    dialog.submit()
    assert "ไม่พบไฟล์ใบรับรองนี้" in (dialog.errors.message("cert") or "")

    dialog.cert_edit.setText(str(self_signed_p12(tmp_path / "signer.p12")))
    dialog.passphrase_edit.setText("ผิด")
    dialog.submit()
    wait_ops()
    assert dialog.isVisible() and not output.exists()
    assert "รหัสผ่านของใบรับรองไม่ถูกต้อง" in (dialog.errors.message("passphrase") or "")

    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.submit()
    wait_ops()
    assert not dialog.isVisible()
    verification = verify_pdf(output)
    assert verification.state is SignatureState.VALID and verification.signer == SIGNER
    assert pdfa_problems(output) == []  # PDF/A is the default of the dialog
    assert str(output) in tab.notice.text()


def test_save_as_pdfa_from_the_file_type(
    window: MeetingWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, wait_ops: Callable[[], None]
) -> None:
    from sbpac_desktop.gui.meeting import minutes_tab

    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.minutes_tab)
    wait_ops()
    tab = window.minutes_tab
    window.grab().save(str(tmp_path / "minutes_tab.png"))
    chosen: dict[str, str] = {}

    def save_dialog(parent: object, title: str, name: str, filters: str) -> tuple[str, str]:
        plain, archive = filters.split(";;")
        return chosen["path"], archive if chosen["pdfa"] else plain

    monkeypatch.setattr(minutes_tab.QFileDialog, "getSaveFileName", save_dialog)
    chosen.update(path=str(tmp_path / "plain.pdf"), pdfa="")
    assert tab.save_as() == tmp_path / "plain.pdf"
    wait_ops()
    assert "XMP does not declare PDF/A-2u" in pdfa_problems(tmp_path / "plain.pdf")
    chosen.update(path=str(tmp_path / "archive.pdf"), pdfa="yes")
    assert tab.save_as() == tmp_path / "archive.pdf"
    wait_ops()
    assert pdfa_problems(tmp_path / "archive.pdf") == []
    assert "PDF/A" in tab.notice.text()


def test_dossier_preview_saves_pdfa(window: MeetingWindow, qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    from tests.gui.test_document_preview import shown
    from tests.gui.test_word_from_window import answer_save_dialog

    agenda = shown(qtbot, window.documents.preview("ระเบียบวาระการประชุม"))
    assert not agenda.pdfa_button.isVisible()  # PDF/A is offered for the dossier, the document kept on file
    agenda.close()
    dialog = shown(qtbot, window.documents.preview("เอกสารประกอบการประชุม (ทั้งชุด)"))
    assert dialog.pdfa_button.isVisible() and dialog.pdfa_button.isEnabled() and dialog.height() <= 720
    qtbot.wait(1500)  # QPdfView draws its pages asynchronously
    dialog.grab().save(str(tmp_path / "dossier_preview.png"))
    answer_save_dialog(monkeypatch, tmp_path / "ชุดเอกสาร")
    dialog.save_pdfa()
    qtbot.waitUntil(lambda: "บันทึกไว้ที่" in dialog.notice.text(), timeout=60_000)
    assert pdfa_problems(tmp_path / "ชุดเอกสาร.pdf") == []
    dialog.close()
