"""รายงานผลการติดตามข้อสั่งการ: choose the scope (fiscal year, quarter, assignee, meeting,
grouping, as-of date), save it as a PDF or an editable Word file made in the worker process
(sbpac_desktop/render_jobs.py FOLLOWUP, the same document as `sbpac followup-report`), then open it if wanted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.documents import GroupBy
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.pages import file_export
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.be_date import BeDateEdit, be_text
from sbpac_desktop.gui.widgets.loading import read_choices
from sbpac_desktop.gui.widgets.pickers import IdCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import tracker
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.meetings.followup import FollowUpScope


class FollowUpReportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *,
        fiscal_year: int | None = None, assignee: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.saved_path: Path | None = None
        self.setWindowTitle(self.tr("รายงานผลการติดตามข้อสั่งการ"))
        self.setObjectName("followupReportDialog")
        self._build()
        self._fill(fiscal_year, assignee)

    def _build(self) -> None:
        self._build_fields()
        self._build_buttons()
        form = QFormLayout()
        form.addRow(self.tr("ปีงบประมาณ:"), self.year)
        form.addRow(self.tr("ไตรมาส:"), self.quarter)
        form.addRow(self.tr("ผู้รับผิดชอบ:"), self.assignee)
        form.addRow(self.tr("การประชุม:"), self.meeting)
        form.addRow(self.tr("จัดกลุ่มตาม:"), self.group_by)
        form.addRow(self.tr("ข้อมูล ณ วันที่:"), self.as_of)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _build_fields(self) -> None:
        self.year = QComboBox(self)
        self.year.setObjectName("reportYear")
        self.year.addItem(self.tr("ทุกปีงบประมาณ"), None)
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("reportQuarter")
        self.quarter.addItem(self.tr("ทั้งปี"), None)
        for number in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("ไตรมาส {q}").format(q=digits(str(number))), number)
        self.assignee = QLineEdit(self)
        self.assignee.setObjectName("reportAssignee")
        self.assignee.setPlaceholderText(self.tr("ทุกผู้รับผิดชอบ (พิมพ์ตำแหน่ง หน่วยงาน หรือชื่อ)"))
        self.assignee.setClearButtonEnabled(True)
        self.meeting = IdCombo(self, none_label=self.tr("ทุกการประชุม"), editable=True)
        self.meeting.setObjectName("reportMeeting")
        self.group_by = QComboBox(self)
        self.group_by.setObjectName("reportGroupBy")
        self.group_by.addItem(self.tr("ผู้รับผิดชอบหลัก"), GroupBy.ASSIGNEE.value)
        self.group_by.addItem(self.tr("มิติการพัฒนา"), GroupBy.DIMENSION.value)
        self.as_of = BeDateEdit(self)
        self.as_of.setObjectName("reportAsOf")
        self.as_of.setDate(date.today())
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.notice = file_export.notice_label(self)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.year.currentIndexChanged.connect(self._year_changed)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # Qt ships no Thai catalogue for its standard buttons: name it ourselves.
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        self.save_button = QPushButton(self.tr("บันทึกเป็น PDF…"), self)
        self.save_button.setObjectName("saveReportButton")
        self.save_button.setDefault(True)
        self.word_button = QPushButton(self.tr("บันทึกเป็น Word…"), self)
        self.word_button.setObjectName("saveReportWordButton")
        self.preview_button = QPushButton(self.tr("ดูตัวอย่างและพิมพ์…"), self)
        self.preview_button.setObjectName("previewReportButton")
        self.open_button = QPushButton(self.tr("เปิดไฟล์ PDF"), self)
        self.open_button.setObjectName("openReportButton")
        self.open_button.hide()
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.word_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()  # addButton shows it: only a saved report can be opened
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_report)
        self.word_button.clicked.connect(self.save_report_word)
        self.preview_button.clicked.connect(self.preview_report)
        self.open_button.clicked.connect(self.open_report)

    def _fill(self, fiscal_year: int | None, assignee: str | None) -> None:
        self.assignee.setText(assignee or "")
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> tuple[list[int], list[meetings.MeetingView], AppError | None]:  # database thread
            try:
                return tracker.tracker_years(db, actor), meetings.list_meetings(db, actor), None
            except AppError as error:  # the report can still cover every year and meeting
                return [], [], error

        def filled(lists: tuple[list[int], list[meetings.MeetingView], AppError | None]) -> None:
            years, found, error = lists
            if error is not None:
                self._show_error(error_text(error))
            for year in years:
                self.year.addItem(self.tr("ปีงบประมาณ {year}").format(year=digits(str(year))), year)
            self.year.setCurrentIndex(max(self.year.findData(fiscal_year), 0))
            self._year_changed()
            self.meeting.set_items([(self._meeting_label(m), m.id) for m in found])

        held = [self.year, self.quarter, self.meeting, self.save_button, self.word_button, self.preview_button]
        read_choices(self, read, filled, hold=held, message=self.tr("กำลังโหลด…"))

    def _meeting_label(self, meeting: meetings.MeetingView) -> str:
        text = self.tr("{series} ครั้งที่ {number}/{year} ({day})").format(
            series=meeting.series_name, number=meeting.number, year=meeting.be_year, day=be_text(meeting.meeting_date)
        )
        return digits(text)

    def _year_changed(self, *_: object) -> None:
        has_year = self.year.currentData() is not None
        self.quarter.setEnabled(has_year)
        if not has_year:
            self.quarter.setCurrentIndex(0)

    # --- values ----------------------------------------------------------------------
    def scope(self) -> FollowUpScope:
        year = self.year.currentData()
        return FollowUpScope(
            fiscal_year=year,
            quarter=self.quarter.currentData() if year is not None else None,
            meeting_id=self.meeting.value(),
            assignee=self.assignee.text().strip() or None,
            group_by=GroupBy(self.group_by.currentData()),
        )

    def problem(self) -> str | None:
        """What stops the report, in the interface's language (None when all is fine)."""
        if self.as_of.problem():
            return self.tr("วันที่ของข้อมูล: {problem}").format(problem=self.as_of.problem())
        typed = self.meeting.currentText().strip()
        if typed and typed != self.meeting.none_label and self.meeting.value() is None:
            return self.tr("ไม่พบการประชุมที่พิมพ์ไว้ — เลือกจากรายการ")
        return None

    # --- actions -----------------------------------------------------------------------
    def save_report(self) -> None:
        self._save([(self.tr("เอกสาร PDF (*.pdf)"), ".pdf")], self.save_button)

    def save_report_word(self) -> None:
        """The same report as an editable .docx (the worker writes Word for a .docx target)."""
        self._save([(self.tr("เอกสาร Word (*.docx)"), ".docx")], self.word_button)

    def preview_report(self):
        """The report in a preview window: print it, or save it as PDF or Word from there."""
        problem = self.problem()
        if problem:
            self._show_error(problem)
            return None
        self.error.hide()
        from sbpac_desktop.gui.dialogs.document_preview import open_preview  # QtPdf only when asked

        name = f"followup-{self.year.currentData() or 'all'}"
        args = (self.scope(), self.as_of.date())
        return open_preview(self, self.ctx, self.tr("รายงานผลการติดตามข้อสั่งการ"), render_jobs.FOLLOWUP, args, name)

    def _save(self, offered: list[tuple[str, str]], button: QPushButton) -> None:
        problem = self.problem()
        if problem:
            self._show_error(problem)
            return
        self.error.hide()
        name = f"followup-{self.year.currentData() or 'all'}{offered[0][1]}"
        try:
            target = file_export.ask_save_path(self, self.tr("บันทึกรายงานผลการติดตาม"), name, offered)
        except AppError as error:
            self._show_error(error_text(error))
            return
        if target is None:
            return
        as_of = self.as_of.date()
        job = render_jobs.job(self.ctx.db, self.ctx.actor, render_jobs.FOLLOWUP, self.scope(), as_of, target)
        message = self.tr("กำลังสร้างรายงานผลการติดตาม…")
        ProcessOperation(self, job, message=message, busy=[button]).success(self._saved).run()

    def _saved(self, path: Path) -> None:
        self.saved_path = Path(path)
        text = self.tr("บันทึกรายงานไว้ที่ {path} แล้ว").format(path=self.saved_path)
        file_export.announce(self, self.notice, text)
        word = self.saved_path.suffix.lower() == ".docx"
        self.open_button.setText(self.tr("เปิดไฟล์ Word") if word else self.tr("เปิดไฟล์ PDF"))
        self.open_button.show()
        self.open_button.setFocus()

    def open_report(self) -> bool:
        if self.saved_path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path)))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
