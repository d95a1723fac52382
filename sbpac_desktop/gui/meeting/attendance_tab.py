"""ผู้เข้าประชุม: who came, who did not (and why), who came in someone's place, invited
attendees. Cells are edited in place; each changed row is saved with
attendance.record_attendance in the background. A row that cannot be saved turns red
and keeps what was typed."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QShowEvent, QStandardItem
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.enums import AttendanceKind
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.errors import confirm, present_error, user_message
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.meeting.attendance_model import AttendanceModel, ChoiceDelegate, KindDelegate
from sbpac_desktop.gui.meeting.attendance_prefill import PrefillButton
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.field_errors import error_label
from sbpac_desktop.gui.widgets.loading import loading_message, refusal_to
from sbpac_desktop.gui.widgets.pickers import CheckList
from sbpac_desktop.gui.widgets.table import PaddedDelegate, SharedColumns
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import attendance
from sbpac_desktop.services.meetings.attendance import AttendanceInput, AttendanceView
from sbpac_desktop.services.meetings.series_attendance import PrefillResult
from sbpac_desktop.services.people.org import PersonView, PositionView

# Suggestions for the role cell: stored as typed (data, not interface text), hence no tr().
COLUMN_WIDTHS = {0: 210, 2: 150, 3: 150, 4: 190, 5: 160}  # at 1366 px; in proportion on a narrower window
POSITION_LEAST = 200  # px the position column (it stretches) keeps on the least window
MEETING_ROLES = ("ประธาน", "รองประธาน", "กรรมการ", "กรรมการและเลขานุการ", "เลขานุการ", "ผู้ช่วยเลขานุการ")


class PeoplePicker(QDialog):
    """Tick the people to add to the list."""

    def __init__(self, people: Sequence[PersonView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("เพิ่มผู้เข้าประชุม"))
        self.setObjectName("peoplePicker")
        self.list = CheckList(self, placeholder=self.tr("พิมพ์ชื่อเพื่อกรอง…"))
        self.list.set_items([(p.full_name, p.id) for p in people])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("เพิ่ม"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("ยกเลิก"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("เลือกบุคคลที่จะเพิ่ม (มาประชุมเป็นค่าเริ่มต้น แก้ไขได้ในตาราง)"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def chosen(self) -> list[int]:
        return [int(key) for key in self.list.checked()]


def position_texts(people: Sequence[PersonView], posts: Sequence[PositionView]) -> dict[int, str]:
    """Each person's current post as printed in the minutes (the holder's post label)."""
    by_name = {post.holder_name: post.label for post in posts if post.holder_name}
    return {person.id: by_name[person.full_name] for person in people if person.full_name in by_name}


class AttendanceTab(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        people: Sequence[PersonView],
        posts: Sequence[PositionView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.people = list(people)
        self.posts_by_person = position_texts(people, posts)
        self.read_only = False
        self._loading = False  # the rows are on their way
        self.picker: PeoplePicker | None = None
        self.model = AttendanceModel(self)
        self.model.set_people({p.id: p.full_name for p in people})
        self.table = self._build_table()
        self.error = error_label(self)
        self.summary = QLabel(self)
        self.add_button = QPushButton(self.tr("เพิ่มผู้เข้าประชุม…"), self)
        self.add_button.setObjectName("addPeopleButton")
        self.remove_button = QPushButton(self.tr("ลบออกจากรายชื่อ"), self)
        self.remove_button.setObjectName("removePersonButton")
        self.prefill_button = PrefillButton(ctx, meeting_id, self)  # from the series' members or the last meeting
        self.prefill_note = QLabel(self)
        self.prefill_note.setObjectName("prefillNote")
        self.prefill_note.setWordWrap(True)
        self.prefill_note.hide()
        self._pending: set[int] = set()  # person ids whose row changed and waits to be saved
        self._flush_timer = QTimer(self, singleShot=True, interval=0)
        self._flush_timer.timeout.connect(self._flush)
        self._rows_timer = QTimer(self, singleShot=True, interval=0)  # row heights follow column widths
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._rows_timer.start())
        self._lay_out()
        self.model.itemChanged.connect(self._item_changed)
        self.add_button.clicked.connect(self.pick_people)
        self.remove_button.clicked.connect(self.remove_selected)
        self.prefill_button.filled.connect(self._prefilled)
        self.reload()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("attendanceTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        names = [p.full_name for p in self.people]
        table.setItemDelegate(PaddedDelegate(table))
        table.setItemDelegateForColumn(AttendanceModel.COL_KIND, KindDelegate(table))
        table.setItemDelegateForColumn(AttendanceModel.COL_SUBSTITUTE, ChoiceDelegate(names, table, combo=False))
        table.setItemDelegateForColumn(AttendanceModel.COL_ROLE, ChoiceDelegate(MEETING_ROLES, table))
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AttendanceModel.COL_POSITION, QHeaderView.ResizeMode.Stretch)
        self.columns = SharedColumns(table, COLUMN_WIDTHS, POSITION_LEAST)  # the position column stretches
        return table

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.prefill_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        hint = QLabel(self.tr("ดับเบิลคลิกหรือกด F2 ที่ช่องเพื่อแก้ไข — บันทึกให้อัตโนมัติเมื่อแก้เสร็จ"), self)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.prefill_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    # --- data ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the attendance on the database thread; adding, removing and prefilling wait for it."""
        self._loading = True
        self.set_read_only(self.read_only)
        read = partial(attendance.list_attendance, self.ctx.db, self.ctx.actor, self.meeting_id)
        op = Operation(self, read, message=loading_message()).success(self._loaded)
        op.failure(refusal_to(self, self._load_refused)).run()

    def _loaded(self, rows: Sequence[AttendanceView]) -> None:
        self._loading = False
        self.show_rows(rows)
        self.set_read_only(self.read_only)

    def _load_refused(self, error: AppError) -> None:
        self.error.setText(
            QCoreApplication.translate("TablePage", "โหลดข้อมูลไม่สำเร็จ: {message}").format(message=user_message(error))
        )
        self.error.show()

    def show_rows(self, rows: Sequence[AttendanceView]) -> None:
        self.model.set_rows(rows)
        self.model.set_read_only(self.read_only)
        self._rows_timer.start()
        self.update_summary()

    def update_summary(self) -> None:
        kinds = [self.model.view_at(row).kind for row in range(self.model.rowCount())]
        counts = {kind: digits(str(kinds.count(kind))) for kind in AttendanceKind}
        self.summary.setText(
            self.tr("มาประชุม {present} · มาแทน {substitute} · ไม่มา {absent} · ผู้เข้าร่วม {invited}").format(
                present=counts[AttendanceKind.PRESENT],
                substitute=counts[AttendanceKind.SUBSTITUTE],
                absent=counts[AttendanceKind.ABSENT],
                invited=counts[AttendanceKind.INVITED],
            )
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._rows_timer.start()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.model.set_read_only(read_only)
        editable = not read_only and not self._loading  # nothing is added or removed before the rows are here
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.prefill_button.setEnabled(editable)

    # --- saving edits --------------------------------------------------------------
    def _item_changed(self, item: QStandardItem) -> None:
        if self.model.loading or self.read_only:
            return
        self._pending.add(self.model.view_at(item.row()).person_id)
        self._flush_timer.start()  # one save per row, however many of its cells changed

    def _flush(self) -> None:
        for person_id in sorted(self._pending):
            row = self.model.row_of_person(person_id)
            if row >= 0:
                self.save_row(row)
        self._pending.clear()

    def save_row(self, row: int) -> Operation[AttendanceView]:
        data = self.model.input_at(row)
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, self.meeting_id
        op = Operation(self, lambda: attendance.record_attendance(db, actor, meeting_id, data))
        op.success(self._row_saved).failure(lambda error: self._row_failed(data, error))
        return op.run()

    def _row_saved(self, view: AttendanceView) -> None:
        row = self.model.row_of_person(view.person_id)
        if row >= 0:
            self.model.update_row(row, view)
            self.model.set_read_only(self.read_only)
            self.update_summary()
        if not any(self.model.item(r, 0).toolTip() for r in range(self.model.rowCount())):
            self.error.hide()
        app_events().meeting_changed.emit(self.meeting_id)

    def _row_failed(self, data: AttendanceInput, error: BaseException) -> None:
        if not isinstance(error, AppError):
            present_error(self, error)
            return
        row = self.model.row_of_person(data.person_id)
        message = user_message(error)
        if row >= 0:
            self.model.mark_row(row, message)
        name = self.model.view_at(row).person_name if row >= 0 else ""
        self.error.setText(self.tr("บันทึกแถวของ {name} ไม่ได้: {message}").format(name=name, message=message))
        self.error.show()

    # --- adding and removing people -------------------------------------------------
    def pick_people(self) -> PeoplePicker | None:
        if self.read_only:
            return None
        listed = {self.model.view_at(r).person_id for r in range(self.model.rowCount())}
        picker = PeoplePicker([p for p in self.people if p.id not in listed], self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.accepted.connect(lambda: self.add_people(picker.chosen()))
        self.picker = picker
        picker.open()
        return picker

    def add_people(self, person_ids: Sequence[int]) -> Operation[list[AttendanceView]] | None:
        if not person_ids:
            return None
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, self.meeting_id
        inputs = [
            AttendanceInput(person_id, AttendanceKind.PRESENT, self.posts_by_person.get(person_id))
            for person_id in person_ids
        ]

        def call() -> list[AttendanceView]:
            for data in inputs:
                attendance.record_attendance(db, actor, meeting_id, data)
            return attendance.list_attendance(db, actor, meeting_id)

        op = Operation(self, call, busy=[self.add_button])
        op.success(self._people_changed)
        return op.run()

    def _prefilled(self, result: PrefillResult, rows: list[AttendanceView]) -> None:
        self._people_changed(rows)
        self.prefill_note.setText(self.prefill_button.note_text(result))
        self.prefill_note.show()

    def _people_changed(self, rows: list[AttendanceView]) -> None:
        self.show_rows(rows)
        app_events().meeting_changed.emit(self.meeting_id)

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.read_only:
            return
        view = self.model.view_at(index.row())
        question = self.tr("ลบ {name} ออกจากรายชื่อผู้เข้าประชุม?").format(name=view.person_name)
        if not confirm(self, self.tr("ลบรายชื่อ"), question):
            return
        db, actor, meeting_id = self.ctx.db, self.ctx.actor, self.meeting_id

        def call() -> list[AttendanceView]:
            attendance.remove_attendance(db, actor, view.id)
            return attendance.list_attendance(db, actor, meeting_id)

        Operation(self, call).success(self._people_changed).run()
