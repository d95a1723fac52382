"""New meeting (Ctrl+N on the meetings page) and editing one (F2 / แก้ไข): series, title,
number, BE date, times, venue, chair, recorder, recording style. A new meeting's venue, chair,
recorder, times and title start from the series' latest meeting, since the same body usually
meets in the same room; the series' own default venue and chair post (its holder on the meeting
day) come first, and a new meeting also takes the series' agenda template and fills its
attendance list (gui/dialogs/meeting_from_series.py). Only active series are offered for a new
meeting. The fields come from the Designer form ui/meeting_form.ui."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import NamedTuple

from PySide6.QtWidgets import QLineEdit, QWidget

from sbpac_desktop.domain.enums import MeetingStatus, RecordingStyle
from sbpac_desktop.domain.errors import AppError, FieldProblem
from sbpac_desktop.gui.dialogs.conflict_dialog import ConflictFlow
from sbpac_desktop.gui.dialogs.designer import bind_all, mount, replace_widget
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.dialogs.meeting_from_series import SeriesPrefill
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.forms.ui_meeting_form import Ui_MeetingForm
from sbpac_desktop.gui.widgets.pickers import EnumCombo
from sbpac_desktop.services import settings as org_settings
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings, series
from sbpac_desktop.services.meetings.meetings import MeetingInput, MeetingView
from sbpac_desktop.services.meetings.series_attendance import PrefillResult, prefill_attendance
from sbpac_desktop.services.people import org
from sbpac_desktop.thai import parse_thai_time, thai_sort_key

DEFAULT_START = "09.30"


class _Lists(NamedTuple):
    """What the dialog offers, read on the database thread."""

    series_views: list[series.SeriesView]
    existing: list[MeetingView]
    people: list[org.PersonView]
    terms: list[org.IncumbencyView]  # a new meeting's chair on the day (SeriesPrefill)
    default_series: int | None


def time_field_text(value: time | None) -> str:
    return f"{value.hour:02d}.{value.minute:02d}" if value else ""



class MeetingDialog(FormDialog[MeetingInput, MeetingView]):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        meeting: MeetingView | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.meeting = meeting  # None: a new meeting
        self.setWindowTitle(self.tr("แก้ไขรายละเอียดการประชุม") if meeting else self.tr("การประชุมใหม่"))
        self.setObjectName("meetingDialog")
        self.series_list: list[series.SeriesView] = []  # read with the other lists (_read_lists)
        self.existing: list[MeetingView] = []
        self.prefill: SeriesPrefill | None = None
        self._auto_chair: int | None = None  # the chair the series gave; a date change may update it
        # what filling the attendance list gave ("result": a PrefillResult) or why it could not ("error")
        self.prefill_outcome: dict[str, PrefillResult | AppError] = {}
        self._build(today or date.today())
        if meeting is None:
            self._add_series_rows()
        else:
            self._handle_conflicts(meeting)
        self.read_choices(self._read_lists, self._lists_read)
        self.resize(780, self.sizeHint().height())

    def _read_lists(self) -> _Lists:  # database thread
        db, actor, meeting = self.ctx.db, self.ctx.actor, self.meeting
        # a new meeting goes to an active series; an existing one shows its own, even if deactivated
        every_series = series.list_series(db, actor, include_inactive=meeting is not None)
        everyone = org.list_people(db, actor, include_inactive=True)
        named = {meeting.chair_person_id, meeting.recorder_person_id} if meeting else set()
        people = [p for p in everyone if p.active or p.id in named]  # active, plus whoever it already names
        if meeting is not None:
            return _Lists(every_series, meetings.list_meetings(db, actor), people, [], None)
        terms = org.list_incumbencies(db, actor)
        default_series = org_settings.get_settings(db, actor).default_series_id  # Settings page
        return _Lists(every_series, meetings.list_meetings(db, actor), people, terms, default_series)

    def _lists_read(self, lists: _Lists) -> None:
        self.series_list, self.existing = lists.series_views, lists.existing
        self._fill_lists(lists.people)
        if self.meeting is not None:
            self._show_meeting(self.meeting)
            return
        if self.prefill is not None:
            self.prefill.terms = list(lists.terms)
        if lists.default_series is not None:
            self.series.set_value(lists.default_series)
        self.series.currentIndexChanged.connect(self._series_changed)
        self._series_changed()

    # --- construction ------------------------------------------------------------
    def _build(self, today: date) -> None:
        self.ui, self.form_widget = mount(Ui_MeetingForm(), self)
        ui = self.ui
        self.series, self.title_edit, self.number = ui.series, ui.title, ui.number
        self.meeting_date, self.start_time, self.end_time = ui.meetingDate, ui.startTime, ui.endTime
        self.venue, self.chair, self.recorder = ui.venue, ui.chair, ui.recorder
        self.meeting_date.setDate(today)
        self.venue.lineEdit().setPlaceholderText(self.venue.placeholderText())
        for combo in (self.chair, self.recorder):
            combo.none_label = self.tr("— ไม่ระบุ —")
        self.style_combo = replace_widget(ui.recordingStyle, EnumCombo(RecordingStyle))
        self.style_combo.set_value(RecordingStyle.SUMMARY)
        ui.meetingDateLabel.setBuddy(self.meeting_date.line_edit)
        bind_all(
            self.errors,
            {
                "series_id": self.series, "title": self.title_edit, "number": self.number,
                "meeting_date": self.meeting_date, "start_time": self.start_time, "end_time": self.end_time,
                "venue": self.venue, "chair_person_id": self.chair, "recorder_person_id": self.recorder,
                "recording_style": self.style_combo,
            },
        )  # fmt: skip
        self.body.addWidget(self.form_widget)
        order: Sequence[QWidget] = (
            self.series, self.title_edit, self.number, self.meeting_date.line_edit, self.start_time,
            self.end_time, self.venue, self.chair, self.recorder, self.style_combo, self.save_button,
        )  # fmt: skip
        set_tab_order(order)

    def _add_series_rows(self) -> None:
        """New meetings only: template and attendance source, following the series and the date."""
        self.prefill = SeriesPrefill([], self.form_widget)  # the terms come with the lists (_lists_read)
        self.prefill.add_rows(self.ui.form)
        QWidget.setTabOrder(self.style_combo, self.prefill.template)
        QWidget.setTabOrder(self.prefill.template, self.prefill.source)
        QWidget.setTabOrder(self.prefill.source, self.save_button)
        self.meeting_date.dateChanged.connect(self._date_changed)

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
        chosen = next((s for s in self.series_list if s.id == series_id), None)
        self.title_edit.setText(latest.title if latest else chosen.name if chosen else "")
        self.title_edit.setCursorPosition(0)  # a long title shows its beginning
        venue = chosen.default_venue if chosen and chosen.default_venue else latest.venue if latest else ""
        self.venue.setEditText(venue)
        self.venue.lineEdit().setCursorPosition(0)
        chair = self.prefill.chair_on(chosen, self.meeting_date.date()) if self.prefill else None
        self.chair.set_value(chair or (latest.chair_person_id if latest else None))
        self._auto_chair = self.chair.value()
        if self.prefill is not None:
            self.prefill.follow(chosen, latest, self.meeting_date.date())
        self.recorder.set_value(latest.recorder_person_id if latest else None)
        self.start_time.setText(time_field_text(latest.start_time) if latest else DEFAULT_START)
        self.end_time.setText(time_field_text(latest.end_time) if latest else "")
        if latest is not None:
            self.style_combo.set_value(latest.recording_style)

    def _date_changed(self, day: date | None) -> None:
        """The chair post's holder on the new day, unless the user picked someone else meanwhile."""
        chosen = next((s for s in self.series_list if s.id == self.series.value()), None)
        holder = self.prefill.chair_on(chosen, day) if self.prefill else None
        if holder is not None and self.chair.value() == self._auto_chair:
            self.chair.set_value(holder)
            self._auto_chair = holder
        if self.prefill is not None:
            self.prefill.date_changed(day)

    # --- editing an existing meeting ---------------------------------------------------
    def _show_meeting(self, view: MeetingView) -> None:
        self.series.set_value(view.series_id)
        self.series.setEnabled(False)  # a meeting stays in its series; its number follows it
        self.series.setToolTip(self.tr("ชุดการประชุมเปลี่ยนภายหลังไม่ได้"))
        self.title_edit.setText(view.title)
        self.title_edit.setCursorPosition(0)
        self.number.setValue(view.number)
        self.meeting_date.setDate(view.meeting_date)
        self.start_time.setText(time_field_text(view.start_time))
        self.end_time.setText(time_field_text(view.end_time))
        self.venue.setEditText(view.venue)
        self.venue.lineEdit().setCursorPosition(0)
        self.chair.set_value(view.chair_person_id)
        self.recorder.set_value(view.recorder_person_id)
        self.style_combo.set_value(view.recording_style)
        if view.status == MeetingStatus.MINUTES_CERTIFIED:
            self.errors.show([FieldProblem("", self._certified_text(), self._certified_text())])
            self.save_button.setEnabled(False)

    def _handle_conflicts(self, view: MeetingView) -> None:
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, view.id
        self.conflict_flow = ConflictFlow(
            self,
            base=view.as_input(),
            load=lambda: meetings.get_meeting(db, actor, meeting_id),
            input_of=MeetingView.as_input,
            show=self.show_input,
            overwrite_call=lambda data, version: (
                lambda: meetings.update_meeting(db, actor, meeting_id, version, data, overwrite=True)
            ),
            after_keep=app_events().meetings_changed.emit,
        )

    def show_input(self, data: MeetingInput, fresh: MeetingView) -> None:
        """Fill the form from `data`; later saves are based on `fresh` (its version)."""
        self.meeting = fresh
        self.title_edit.setText(data.title)
        self.number.setValue(data.number or 0)
        self.meeting_date.setDate(data.meeting_date)
        self.start_time.setText(time_field_text(data.start_time))
        self.end_time.setText(time_field_text(data.end_time))
        self.venue.setEditText(data.venue)
        self.chair.set_value(data.chair_person_id)
        self.recorder.set_value(data.recorder_person_id)
        self.style_combo.set_value(data.recording_style)

    def _certified_text(self) -> str:
        return self.tr("รายงานการประชุมครั้งนี้ได้รับการรับรองแล้ว จึงแก้ไขไม่ได้")

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
            agenda_template=self.prefill.template.value() if self.prefill else None,
            number=self.number.value() or None,
            # fields this dialog does not show keep their stored values
            checker_person_id=self.meeting.checker_person_id if self.meeting else None,
            opening_text=self.meeting.opening_text if self.meeting else None,
        )

    def save_call(self, data: MeetingInput) -> Callable[[], MeetingView]:
        db, actor, view = self.ctx.db, self.ctx.actor, self.meeting
        if view is not None:
            return lambda: meetings.update_meeting(db, actor, view.id, view.version, data)
        source = self.prefill.source.value() if self.prefill else None
        outcome = self.prefill_outcome

        def create() -> MeetingView:
            created = meetings.create_meeting(db, actor, data)
            if source is not None:  # the meeting stands even if its list cannot be filled: say why
                try:
                    outcome["result"] = prefill_attendance(db, actor, created.id, source)
                except AppError as error:
                    outcome["error"] = error
            return created

        return create

    def after_save(self, result: MeetingView) -> None:
        error = self.prefill_outcome.get("error")
        if isinstance(error, AppError):
            present_error(self.parentWidget(), error)
        app_events().meetings_changed.emit()
        if self.meeting is not None:
            app_events().meeting_changed.emit(self.meeting.id)
