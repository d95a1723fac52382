"""New meeting (Ctrl+N on the meetings page): series, title, number, BE date, times,
venue, chair, recorder, recording style. Venue, chair, recorder, times and title start
from the series' latest meeting, since the same body usually meets in the same room."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from sbpac_desktop.domain.enums import RecordingStyle
from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import EnumCombo, IdCombo, PersonCombo
from sbpac_desktop.services import meetings, org
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import MeetingInput, MeetingView
from sbpac_desktop.thai import parse_thai_time, thai_sort_key

DEFAULT_START = "09.30"


def time_field_text(value: time | None) -> str:
    return f"{value.hour:02d}.{value.minute:02d}" if value else ""


class MeetingDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("การประชุมใหม่"))
        self.setObjectName("meetingDialog")
        self.series_list = meetings.list_series(ctx.db, ctx.actor)
        self.existing = meetings.list_meetings(ctx.db, ctx.actor)
        self._build(today or date.today())
        self._fill_lists(org.list_people(ctx.db, ctx.actor))
        self.series.currentIndexChanged.connect(self._series_changed)
        self._series_changed()
        self.resize(780, self.sizeHint().height())

    # --- construction ------------------------------------------------------------
    def _build(self, today: date) -> None:
        self.series = IdCombo(self)
        self.series.setObjectName("series")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.number = QSpinBox(self)
        self.number.setObjectName("number")
        self.number.setRange(0, 999)
        self.number.setSpecialValueText(self.tr("อัตโนมัติ (ครั้งถัดไปของปี)"))
        self.number.setToolTip(self.tr('ปล่อยเป็น "อัตโนมัติ" เพื่อใช้ครั้งที่ถัดไปของปีปฏิทิน'))
        self.meeting_date = BeDateEdit(self)
        self.meeting_date.setObjectName("meetingDate")
        self.meeting_date.setDate(today)
        self.start_time = QLineEdit(self)
        self.start_time.setObjectName("startTime")
        self.end_time = QLineEdit(self)
        self.end_time.setObjectName("endTime")
        for edit in (self.start_time, self.end_time):
            edit.setPlaceholderText(self.tr("เช่น 09.30"))
            edit.setMaximumWidth(120)
        self.venue = QComboBox(self)
        self.venue.setObjectName("venue")
        self.venue.setEditable(True)
        self.venue.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.venue.lineEdit().setPlaceholderText(self.tr("พิมพ์ใหม่ หรือเลือกสถานที่ที่เคยใช้"))
        self.chair = PersonCombo(self, none_label=self.tr("— ไม่ระบุ —"))
        self.chair.setObjectName("chair")
        self.recorder = PersonCombo(self, none_label=self.tr("— ไม่ระบุ —"))
        self.recorder.setObjectName("recorder")
        self.style_combo = EnumCombo(RecordingStyle, self)
        self.style_combo.setObjectName("recordingStyle")
        self.style_combo.set_value(RecordingStyle.SUMMARY)
        self._lay_out()

    def _lay_out(self) -> None:
        bind = self.errors.bind
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("ชุดการประชุม"), bind("series_id", self.series))
        form.addRow(self.tr("ชื่อการประชุม"), bind("title", self.title_edit))
        form.addRow(self.tr("ครั้งที่"), bind("number", self.number))
        form.addRow(self.tr("วันที่ประชุม (พ.ศ.)"), bind("meeting_date", self.meeting_date))
        times = QHBoxLayout()
        times.setSpacing(8)
        times.addWidget(bind("start_time", self.start_time))
        times.addWidget(QLabel(self.tr("ถึง"), self))
        times.addWidget(bind("end_time", self.end_time))
        times.addWidget(QLabel(self.tr("น."), self))
        times.addStretch(1)
        form.addRow(self.tr("เวลาประชุม"), times)
        form.addRow(self.tr("สถานที่"), bind("venue", self.venue))
        form.addRow(self.tr("ประธานการประชุม"), bind("chair_person_id", self.chair))
        form.addRow(self.tr("ผู้จดรายงานการประชุม"), bind("recorder_person_id", self.recorder))
        form.addRow(self.tr("รูปแบบการจดรายงาน"), bind("recording_style", self.style_combo))
        self.body.addLayout(form)
        order: Sequence[QWidget] = (
            self.series, self.title_edit, self.number, self.meeting_date.line_edit, self.start_time,
            self.end_time, self.venue, self.chair, self.recorder, self.style_combo, self.save_button,
        )  # fmt: skip
        set_tab_order(order)

    def _fill_lists(self, people: Sequence[org.PersonView]) -> None:
        self.series.set_items([(s.name, s.id) for s in self.series_list])
        venues = sorted({m.venue for m in self.existing if m.venue}, key=thai_sort_key)
        self.venue.addItems(venues)
        self.venue.setEditText("")
        self.chair.set_people(people)
        self.recorder.set_people(people)

    # --- defaults from the series' latest meeting ------------------------------------
    def latest_of_series(self, series_id: int | None) -> MeetingView | None:
        found = [m for m in self.existing if m.series_id == series_id]
        return max(found, key=lambda m: (m.meeting_date, m.id), default=None)

    def _series_changed(self, *_: object) -> None:
        series_id = self.series.value()
        latest = self.latest_of_series(series_id)
        series_name = next((s.name for s in self.series_list if s.id == series_id), "")
        self.title_edit.setText(latest.title if latest else series_name)
        self.title_edit.setCursorPosition(0)  # a long title shows its beginning
        self.venue.setEditText(latest.venue if latest else "")
        self.venue.lineEdit().setCursorPosition(0)
        self.chair.set_value(latest.chair_person_id if latest else None)
        self.recorder.set_value(latest.recorder_person_id if latest else None)
        self.start_time.setText(time_field_text(latest.start_time) if latest else DEFAULT_START)
        self.end_time.setText(time_field_text(latest.end_time) if latest else "")
        if latest is not None:
            self.style_combo.set_value(latest.recording_style)

    # --- save ------------------------------------------------------------------------
    def _time(self, edit: QLineEdit, field: str, problems: list[FieldProblem]) -> time | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return parse_thai_time(text)
        except ValueError as error:
            self.errors.add(problems, field, str(error))
            return None

    def collect(self, problems: list[FieldProblem]) -> MeetingInput | None:
        series_id = self.series.value()
        if series_id is None:
            self.errors.add(problems, "series_id", self.tr("กรุณาเลือกชุดการประชุม"))
        if not self.title_edit.text().strip():
            self.errors.add(problems, "title", self.tr("กรุณากรอกชื่อการประชุม"))
        if not self.venue.currentText().strip():
            self.errors.add(problems, "venue", self.tr("กรุณากรอกสถานที่ประชุม"))
        self.errors.add(problems, "meeting_date", self.meeting_date.problem())
        start = self._time(self.start_time, "start_time", problems)
        end = self._time(self.end_time, "end_time", problems)
        for combo, field in ((self.chair, "chair_person_id"), (self.recorder, "recorder_person_id")):
            if combo.free_text():
                self.errors.add(problems, field, self.tr("ไม่พบชื่อนี้ในรายชื่อบุคคล — โปรดเลือกจากรายการ"))
        meeting_date = self.meeting_date.date()
        if problems or series_id is None or meeting_date is None:
            return None
        return MeetingInput(
            series_id=series_id,
            title=self.title_edit.text(),
            meeting_date=meeting_date,
            venue=self.venue.currentText(),
            start_time=start,
            end_time=end,
            chair_person_id=self.chair.value(),
            recorder_person_id=self.recorder.value(),
            recording_style=self.style_combo.value(),
            number=self.number.value() or None,
        )

    def save_call(self, data: MeetingInput) -> Callable[[], Any]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: meetings.create_meeting(db, actor, data)

    def after_save(self, result: Any) -> None:
        app_events().meetings_changed.emit()
