"""คัดลอกการประชุม: a new meeting of the same series from the selected one — the user gives
the new date (BE); the title follows the new fiscal year unless the user types another.
The agenda comes along (not the minutes, attendance or directives); sections 2 and 3 are
offered by the carry-over once the copy is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.text import ThaiLabel, date_text, thai_digits
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings.meeting_copy import CopyResult, copied_title, copy_meeting
from sbpac_desktop.services.meetings.meetings import MeetingView


@dataclass(frozen=True)
class CopyRequest:
    new_date: date
    title: str
    include_texts: bool


class CopyMeetingDialog(FormDialog[CopyRequest, CopyResult]):
    def __init__(self, ctx: AppContext, source: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.source = source
        self.setWindowTitle(self.tr("คัดลอกการประชุม"))
        self.setObjectName("copyMeetingDialog")
        self.save_button.setText(self.tr("คัดลอก"))
        self._typed_title = False
        about = ThaiLabel(self)
        about.setObjectName("copySource")
        about.setWordWrap(True)
        about.setText(
            self.tr("จาก {title} ครั้งที่ {number} ({when})").format(
                title=source.title, number=source.number_text(thai_digits()), when=date_text(source.meeting_date)
            )
        )
        self.new_date = BeDateEdit(self)
        self.new_date.setObjectName("newDate")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("newTitle")
        self.with_texts = QCheckBox(self.tr("คัดลอกความเป็นมาและข้อเสนอของแต่ละเรื่องด้วย"), self)
        self.with_texts.setObjectName("withTexts")
        note = ThaiLabel(self)
        note.setWordWrap(True)
        note.setText(
            self.tr(
                "คัดลอกระเบียบวาระ (ชื่อเรื่อง ผู้นำเสนอ เวลาที่วางแผน) สถานที่ เวลา และประธาน "
                "ไม่คัดลอกการอภิปราย มติ ผู้เข้าประชุม และข้อสั่งการ — "
                "ระเบียบวาระที่ ๒ และ ๓ จะเสนอจากการประชุมครั้งก่อนหลังคัดลอกเสร็จ"
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("วันที่ประชุมครั้งใหม่"), self.errors.bind("meeting_date", self.new_date))
        form.addRow(self.tr("ชื่อการประชุม"), self.errors.bind("title", self.title_edit))
        form.addRow("", self.with_texts)
        for label in (about, note):
            label.setMinimumWidth(560)  # a wrapped label's hints assume a narrow column otherwise
        self.body.addWidget(about)
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.body.addStretch(1)
        set_tab_order([self.new_date.line_edit, self.title_edit, self.with_texts, self.save_button])
        self.title_edit.textEdited.connect(self._title_typed)
        self.new_date.dateChanged.connect(self._date_changed)
        self.new_date.setDate(source.meeting_date + timedelta(days=28))  # a monthly meeting's next date
        self.new_date.line_edit.selectAll()
        self.new_date.setFocus()
        # The wrapped labels' sizeHint is for a narrow column; at 640 px the form needs ~330.
        self.resize(640, 330)

    def _title_typed(self, _text: str) -> None:
        self._typed_title = True

    def _date_changed(self, value: date | None) -> None:
        """Until the user types a title, it follows the new date's fiscal year."""
        if value is not None and not self._typed_title:
            self.title_edit.setText(copied_title(self.source.title, self.source.meeting_date, value))
            self.title_edit.setCursorPosition(0)

    def collect(self, problems: list[FieldProblem]) -> CopyRequest | None:
        self.errors.add(problems, "meeting_date", self.new_date.problem())
        if not self.title_edit.text().strip():
            self.errors.add(problems, "title", self.tr("กรุณากรอกชื่อการประชุม"))
        new_date = self.new_date.date()
        if problems or new_date is None:
            return None
        return CopyRequest(new_date, self.title_edit.text(), self.with_texts.isChecked())

    def save_call(self, data: CopyRequest) -> Callable[[], CopyResult]:
        db, actor, source_id = self.ctx.db, self.ctx.actor, self.source.id
        return lambda: copy_meeting(
            db, actor, source_id, data.new_date, title=data.title, include_texts=data.include_texts
        )

    def after_save(self, result: CopyResult) -> None:
        assert isinstance(result, CopyResult)
        app_events().meetings_changed.emit()
