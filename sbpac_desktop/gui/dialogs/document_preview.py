"""ดูตัวอย่างและพิมพ์: any printed document (agenda, dossier, follow-up report, letters) rendered
by its worker-process job into a temporary PDF, shown with QtPdf, printed through QPrintDialog,
and saved as PDF (the previewed file) or Word (the same job with a .docx target).

Import this module only when a preview is asked for: QtPdf is not needed to start the app.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.meeting.minutes_tab import print_pdf
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.gui.text import ThaiLabel, digits
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.process_jobs import Job

ARCHIVED_JOBS = {render_jobs.DOSSIER}  # documents offered as PDF/A-2u too (issue #13 item 6)


class DocumentPreview(QDialog):
    """`function` is a render_jobs job function whose last argument is the output path."""

    def __init__(
        self, ctx: AppContext, title: str, function: Callable[..., Any], args: tuple[Any, ...], file_stem: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.function, self.args, self.file_stem = ctx, function, args, file_stem
        self.setObjectName("documentPreview")
        self.setWindowTitle(title)
        self._temp = tempfile.TemporaryDirectory(prefix="sbpac-preview-")
        self.pdf_path: Path | None = None
        self.saved_path: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.notice = ThaiLabel(self)
        self.notice.setObjectName("previewNotice")
        self.print_button = QPushButton(self.tr("พิมพ์…"), self)
        self.pdf_button = QPushButton(self.tr("บันทึกเป็น PDF…"), self)
        self.word_button = QPushButton(self.tr("บันทึกเป็น Word…"), self)
        self.pdfa_button = QPushButton(self.tr("บันทึกเป็น PDF/A…"), self)  # the dossier is the one kept on file
        self.pdfa_button.setObjectName("savePdfaButton")
        self.pdfa_button.setToolTip(self.tr("PDF/A-2u สำหรับเก็บถาวร"))
        self.pdfa_button.setVisible(function in ARCHIVED_JOBS)
        self.pdfa_button.clicked.connect(self.save_pdfa)
        self.close_button = QPushButton(self.tr("ปิด"), self)
        self.print_button.clicked.connect(self.print_document)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.notice, 1)
        for button in (self.print_button, self.pdf_button, self.pdfa_button, self.word_button, self.close_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.resize(1000, 700)
        self._enable(False)

    def _enable(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        self.pdfa_button.setEnabled(ready)

    def _job(self, path: Path) -> Job:
        return render_jobs.job(self.ctx.db, self.ctx.actor, self.function, *self.args, path)

    def render_preview(self) -> ProcessOperation[Path]:
        """Make the preview PDF in the worker process; the buttons wake up when it is shown."""
        path = Path(self._temp.name) / "preview.pdf"
        self.notice.setText(self.tr("กำลังสร้างตัวอย่าง…"))
        op: ProcessOperation[Path] = ProcessOperation(self, self._job(path), message=self.tr("กำลังสร้างตัวอย่าง…"))
        op.success(self._shown).failure(self._failed)
        return op.run()

    def _shown(self, path: Path) -> None:
        self.document.close()
        self.document.load(str(path))
        self.pdf_path = Path(path)
        pages = self.document.pageCount()
        self.notice.setText(self.tr("ตัวอย่าง {pages} หน้า").format(pages=digits(str(pages))))
        self._enable(self.document.status() == QPdfDocument.Status.Ready)

    def _failed(self, error: BaseException) -> None:
        self.notice.setText(error_text(error) if isinstance(error, AppError) else self.tr("สร้างเอกสารไม่สำเร็จ"))
        if not isinstance(error, AppError):
            present_error(self, error)

    # --- print and save ------------------------------------------------------------
    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return printer if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted else None

    def print_document(self) -> int:
        printer = self.ask_printer() if self.pdf_path is not None else None
        return print_pdf(self.document, printer) if printer is not None else 0

    def _ask(self, label: str, suffix: str) -> Path | None:
        try:
            return file_export.ask_save_path(self, self.windowTitle(), self.file_stem + suffix, [(label, suffix)])
        except AppError as error:
            self.notice.setText(error_text(error))
            return None

    def save_pdf(self) -> Path | None:
        target = self._ask(self.tr("เอกสาร PDF (*.pdf)"), ".pdf") if self.pdf_path is not None else None
        if target is None or self.pdf_path is None:
            return None
        shutil.copyfile(self.pdf_path, target)
        self._saved(target)
        return target

    def save_pdfa(self) -> Operation[Path] | None:
        """A PDF/A-2u copy of the previewed file, converted off the GUI thread."""
        from sbpac_desktop.reporting.pdfa import make_pdfa

        target = self._ask(self.tr("PDF/A-2u สำหรับเก็บถาวร (*.pdf)"), ".pdf") if self.pdf_path is not None else None
        if target is None or self.pdf_path is None:
            return None
        shutil.copyfile(self.pdf_path, target)
        op: Operation[Path] = Operation(self, lambda: make_pdfa(target), message=self.tr("กำลังแปลงเป็น PDF/A…"),
                                        busy=[self.pdfa_button])  # fmt: skip
        op.success(self._saved).failure(self._failed)
        return op.run()

    def save_word(self) -> ProcessOperation[Path] | None:
        target = self._ask(self.tr("เอกสาร Word (*.docx)"), ".docx")
        if target is None:
            return None
        op: ProcessOperation[Path] = ProcessOperation(self, self._job(target), message=self.tr("กำลังสร้างไฟล์ Word…"),
                                                      busy=[self.word_button])  # fmt: skip
        op.success(self._saved).failure(self._failed)
        return op.run()

    def _saved(self, path: Path) -> None:
        self.saved_path = Path(path)
        self.notice.setText(self.tr("บันทึกไว้ที่ {path} แล้ว").format(path=self.saved_path))

    def done(self, result: int) -> None:
        self.document.close()
        self._temp.cleanup()
        super().done(result)


def open_preview(
    parent: QWidget, ctx: AppContext, title: str, function: Callable[..., Any], args: tuple[Any, ...], file_stem: str
) -> DocumentPreview:
    dialog = DocumentPreview(ctx, title, function, args, file_stem, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.render_preview()
    return dialog
