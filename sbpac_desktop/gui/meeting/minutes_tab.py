"""รายงานการประชุม: the printed minutes previewed (QtPdf), printed and saved, and the
minutes' status moved on: drafted → checked → certified. Certified minutes are locked.

The PDF comes from the same two calls the CLI uses: services.meetings.documents.minutes_document
and reporting.minutes.render; both run in the worker process (gui/process_operations.py),
so ReportLab never stalls the window.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.enums import MeetingStatus
from sbpac_desktop.gui.dialogs.sign_dialog import SignDialog
from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.errors import confirm, present_error
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.gui.text import ThaiLabel, digits
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.meetings.meetings import MeetingView

RENDERER_MODULE = "sbpac_desktop.reporting.minutes"
_ORDER = list(MeetingStatus)
PRINT_DPI = 300
MINUTES_JOB = render_jobs.MINUTES  # the function the worker process runs (tests swap it)
WORD_JOB = render_jobs.MINUTES  # the same job: a .docx target makes it write Word


def minutes_renderer() -> Callable[..., Any] | None:
    """reporting.minutes.render, or None while that module is not there yet."""
    try:
        module = importlib.import_module(RENDERER_MODULE)
    except ImportError:
        return None
    render = getattr(module, "render", None)
    return render if callable(render) else None


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of `document` on `printer`, fitted to the printable area; pages printed.

    Pages are rasterized at no more than PRINT_DPI (a 1200-dpi A4 page would be 130 MB)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        dpi = min(printer.resolution(), PRINT_DPI)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            scale = min(area.width() / max(points.width(), 1), area.height() / max(points.height(), 1))
            painter.drawImage(QRectF(0, 0, points.width() * scale, points.height() * scale), image)
    finally:
        painter.end()
    return document.pageCount()


class MinutesTab(QWidget):
    status_changed = Signal(object)  # MeetingView

    def __init__(self, ctx: AppContext, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting = meeting
        self.pdf_path: Path | None = None
        self.save_as_pdfa = False  # set by ask_save_path from the chosen file type
        self.stale = True
        self._temp = tempfile.TemporaryDirectory(prefix="sbpac-minutes-")
        self._counter = 0
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("minutesPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.placeholder = ThaiLabel(self)
        self.placeholder.setObjectName("minutesPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        self.notice = ThaiLabel(self)
        self.notice.setObjectName("minutesNotice")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("minutesStatus")
        self._build_buttons()
        self._lay_out()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_minutes)
        self.show_status()

    def _button(self, text: str, name: str, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        return button

    def _build_buttons(self) -> None:
        self.refresh_button = self._button(self.tr("สร้างตัวอย่างใหม่"), "refreshMinutesButton")
        self.print_button = self._button(self.tr("พิมพ์…"), "printButton", self.tr("พิมพ์ (Ctrl+P)"))
        self.save_button = self._button(self.tr("บันทึกเป็น PDF…"), "savePdfButton")
        self.word_button = self._button(
            self.tr("บันทึกเป็น Word…"), "saveWordButton", self.tr("ไฟล์ Word (.docx) ที่แก้ไขต่อได้ก่อนเสนอลงนาม")
        )
        self.sign_button = self._button(
            self.tr("ลงนามดิจิทัล…"), "signButton", self.tr("ลงนามรายงานการประชุมที่รับรองแล้วด้วยใบรับรอง .p12/.pfx")
        )
        self.step_buttons = {
            MeetingStatus.MINUTES_DRAFTED: self._button(self.tr("ร่างเสร็จแล้ว"), "draftedButton"),
            MeetingStatus.MINUTES_CHECKED: self._button(self.tr("ตรวจแล้ว"), "checkedButton"),
            MeetingStatus.MINUTES_CERTIFIED: self._button(self.tr("รับรองแล้ว"), "certifiedButton"),
        }
        self.refresh_button.clicked.connect(self.render_preview)
        self.print_button.clicked.connect(self.print_minutes)
        self.save_button.clicked.connect(self.save_as)
        self.word_button.clicked.connect(self.save_word)
        self.sign_button.clicked.connect(self.sign)
        for status, button in self.step_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: self.set_status(s))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        for button in self.step_buttons.values():
            top.addWidget(button)
        actions = QHBoxLayout()
        actions.addWidget(self.notice, 1)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.word_button)
        actions.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

    # --- status --------------------------------------------------------------------
    @property
    def certified(self) -> bool:
        return self.meeting.status is MeetingStatus.MINUTES_CERTIFIED

    def show_status(self) -> None:
        text = self.tr("สถานะ: {status}").format(status=domain_label(self.meeting.status.label))
        if self.certified:
            text += self.tr(" — รับรองแล้ว แก้ไขไม่ได้")
        self.status_label.setText(text)
        position = _ORDER.index(self.meeting.status)
        for status, button in self.step_buttons.items():
            button.setEnabled(_ORDER.index(status) > position)
        self._update_actions()

    def set_meeting(self, meeting: MeetingView) -> None:
        self.meeting = meeting
        self.show_status()

    def set_status(self, status: MeetingStatus) -> Operation[MeetingView] | None:
        if status is MeetingStatus.MINUTES_CERTIFIED and not confirm(
            self,
            self.tr("รับรองรายงานการประชุม"),
            self.tr("เมื่อรับรองแล้ว รายงานการประชุมนี้จะแก้ไขไม่ได้อีก ยืนยันหรือไม่?"),
        ):
            return None
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, self.meeting.id
        call = lambda: meetings.set_status(db, actor, meeting_id, status)  # noqa: E731
        op = Operation(self, call, busy=self.step_buttons.values())
        op.success(self._status_saved).failure(self._status_failed)
        return op.run()

    def _status_saved(self, meeting: MeetingView) -> None:
        self.set_meeting(meeting)  # also re-decides which step buttons are enabled
        self.status_changed.emit(meeting)
        app_events().meeting_changed.emit(meeting.id)

    def _status_failed(self, error: BaseException) -> None:
        self.show_status()
        present_error(self, error)

    # --- preview -------------------------------------------------------------------
    def _update_actions(self) -> None:
        ready = self.pdf_path is not None and self.document.status() == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.word_button.setEnabled(minutes_renderer() is not None)
        self.sign_button.setEnabled(ready and self.certified)  # only the certified text is worth a signature

    def mark_stale(self) -> None:
        self.stale = True
        if self.isVisible():
            self.render_preview()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.render_preview()

    def render_preview(self) -> ProcessOperation[Path] | None:
        self.stale = False
        if minutes_renderer() is None:
            self.notice.setText(self.tr("ยังไม่พร้อม"))
            message = self.tr(
                "ยังไม่พร้อม — ส่วนพิมพ์รายงานการประชุม (reporting.minutes) ยังไม่มีในรุ่นนี้\n"
                "ระหว่างนี้เปลี่ยนสถานะรายงานการประชุมได้ตามปกติ"
            )
            self.placeholder.setText(message)
            self.stack.setCurrentWidget(self.placeholder)
            self.refresh_button.setEnabled(False)
            self._update_actions()
            return None
        self._counter += 1
        path = Path(self._temp.name) / f"minutes-{self.meeting.id}-{self._counter}.pdf"
        # ReportLab holds the GIL for long stretches: render in the worker process, not a thread
        job = render_jobs.job(self.ctx.db, self.ctx.actor, MINUTES_JOB, self.meeting.id, path)
        self.notice.setText(self.tr("กำลังสร้างตัวอย่างรายงานการประชุม…"))
        self.placeholder.setText(self.tr("กำลังสร้างตัวอย่างรายงานการประชุม…"))
        message = self.tr("กำลังสร้างรายงานการประชุม…")
        op: ProcessOperation[Path] = ProcessOperation(self, job, message=message, busy=[self.refresh_button])
        op.success(self._rendered).failure(self._render_failed)
        return op.run()

    def _rendered(self, path: Path) -> None:
        self.document.close()
        self.document.load(str(path))
        self.pdf_path = path
        self.stack.setCurrentWidget(self.view)
        pages = self.document.pageCount()
        self.notice.setText(self.tr("ตัวอย่างรายงานการประชุม {pages} หน้า").format(pages=digits(str(pages))))
        self._update_actions()

    def _render_failed(self, error: BaseException) -> None:
        self.notice.setText(self.tr("สร้างรายงานการประชุมไม่สำเร็จ"))
        present_error(self, error)

    # --- print and save ------------------------------------------------------------
    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_minutes(self) -> int:
        if self.pdf_path is None:
            return 0
        printer = self.ask_printer()
        return print_pdf(self.document, printer) if printer is not None else 0

    def default_file_name(self) -> str:
        number = self.meeting.number_text(False).replace("/", "-")
        return self.tr("รายงานการประชุม ครั้งที่ {number}.pdf").format(number=number)

    def ask_save_path(self) -> str:
        """The target; choosing the PDF/A filter sets `save_as_pdfa` (archival copy, PDF/A-2u)."""
        plain, archive = self.tr("ไฟล์ PDF (*.pdf)"), self.tr("PDF/A-2u สำหรับเก็บถาวร (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("บันทึกรายงานการประชุม"), self.default_file_name(), f"{plain};;{archive}"
        )
        self.save_as_pdfa = chosen == archive
        return path

    def save_as(self) -> Path | None:
        if self.pdf_path is None:
            return None
        self.save_as_pdfa = False
        target = self.ask_save_path()
        if not target:
            return None
        shutil.copyfile(self.pdf_path, target)
        if self.save_as_pdfa:
            from sbpac_desktop.reporting.pdfa import make_pdfa

            op = Operation(self, lambda: make_pdfa(target), message=self.tr("กำลังแปลงเป็น PDF/A…"))
            op.success(lambda path: self.notice.setText(self.tr("บันทึก PDF/A ไว้ที่ {path} แล้ว").format(path=path)))
            op.run()
        return Path(target)

    def sign(self) -> SignDialog | None:
        """ลงนามดิจิทัล…: a signed copy of the previewed (certified) minutes, signed in the background."""
        if self.pdf_path is None:
            return None
        suggested = Path.home() / Path(self.default_file_name()).with_suffix("").name
        signed = suggested.with_name(self.tr("{name} ลงนาม.pdf").format(name=suggested.name))
        dialog = SignDialog(self.ctx, self.pdf_path, signed, self)
        dialog.saved.connect(lambda path: self.notice.setText(self.tr("ลงนามแล้ว: {path}").format(path=path)))
        dialog.open()
        return dialog

    def ask_word_path(self) -> str:
        name = str(Path(self.default_file_name()).with_suffix(".docx"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("บันทึกรายงานการประชุมเป็น Word"), name, self.tr("เอกสาร Word (*.docx)")
        )
        return path

    def save_word(self) -> ProcessOperation[Path] | None:
        """The minutes as an editable .docx, written in the worker process like the PDF."""
        chosen = self.ask_word_path()
        if not chosen:
            return None
        target = Path(chosen).with_suffix(".docx")
        job = render_jobs.job(self.ctx.db, self.ctx.actor, WORD_JOB, self.meeting.id, target)
        message = self.tr("กำลังสร้างไฟล์ Word…")
        op: ProcessOperation[Path] = ProcessOperation(self, job, message=message, busy=[self.word_button])
        op.success(self._word_saved).failure(lambda error: present_error(self, error))
        return op.run()

    def _word_saved(self, path: Path) -> None:
        self.notice.setText(self.tr("บันทึกไฟล์ Word ไว้ที่ {path} แล้ว").format(path=path))

    def cleanup(self) -> None:
        self.document.close()
        self._temp.cleanup()
