"""The selected agenda item: title, presenter, and the four texts of the minutes body
(ความเป็นมา, ข้อเสนอ, การอภิปราย/สรุปสาระ, มติที่ประชุม)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.meeting.agenda_moves import item_input
from sbpac_desktop.gui.meeting.speakers_panel import SpeakersPanel
from sbpac_desktop.gui.text import ThaiLabel, thai_digits
from sbpac_desktop.gui.widgets.attachments import AttachmentsWidget
from sbpac_desktop.gui.widgets.field_errors import FieldErrors, error_label
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.gui.widgets.minutes_spin import MinutesSpinBox, minutes_row
from sbpac_desktop.gui.widgets.pickers import PersonCombo
from sbpac_desktop.gui.widgets.text_box import text_box
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.attachments import OwnerKind
from sbpac_desktop.services.meetings.agenda import AgendaItemInput, AgendaItemView
from sbpac_desktop.services.people.org import PersonView

TEXT_FIELDS = ("background", "proposal", "discussion", "resolution")


class AgendaItemEditor(QWidget):
    save_requested = Signal(object, object)  # AgendaItemView (as loaded), AgendaItemInput
    directive_requested = Signal(object)  # AgendaItemView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: AgendaItemView | None = None
        self.attachments: AttachmentsWidget | None = None  # see enable_attachments
        self.speakers: SpeakersPanel | None = None  # see enable_speakers
        self.speakers_part: QWidget | None = None
        self.read_only = False
        self._loading = False
        self.dirty = False
        self.heading = ThaiLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("itemTitle")
        self.presenter = PersonCombo(self, none_label=self.tr("— ไม่ระบุ —"))
        self.presenter.setObjectName("itemPresenter")
        self.presenter.setToolTip(self.tr("เลือกจากรายชื่อ หรือพิมพ์ชื่อ/หน่วยงานผู้นำเสนอเอง"))
        self.minutes = MinutesSpinBox(self)
        self.minutes.setObjectName("itemMinutes")
        self.minutes.setToolTip(self.tr("เวลาที่ใช้กับเรื่องนี้ในการประชุม เว้นว่างได้ถ้ายังไม่กำหนด"))
        self.texts = {
            "background": text_box(self, "background", self.tr("ความเป็นมา / ข้อเท็จจริง"), 56),
            "proposal": text_box(self, "proposal", self.tr("ข้อเสนอเพื่อพิจารณา"), 56),
            "discussion": text_box(self, "discussion", self.tr("สรุปสาระการอภิปรายในที่ประชุม"), 56),
            "resolution": text_box(self, "resolution", self.tr("มติที่ประชุม เช่น ที่ประชุมรับทราบ"), 56),
        }
        self.general_error = error_label(self)
        self.errors = FieldErrors(self.general_error)
        self.save_button = QPushButton(self.tr("บันทึกเรื่องนี้"), self)
        self.save_button.setObjectName("saveItemButton")
        self.save_button.setToolTip(self.tr("บันทึก (Ctrl+S)"))
        self.directive_button = QPushButton(self.tr("ข้อสั่งการใหม่จากเรื่องนี้…"), self)
        self.directive_button.setObjectName("newDirectiveButton")
        self._lay_out()
        self.save_button.clicked.connect(self.request_save)
        self.directive_button.clicked.connect(self._directive)
        self.title_edit.textEdited.connect(self._mark_dirty)
        self.presenter.editTextChanged.connect(self._mark_dirty)
        self.minutes.valueChanged.connect(self._mark_dirty)
        for box in self.texts.values():
            box.textChanged.connect(self._mark_dirty)
        self.show_item(None)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("ชื่อเรื่อง"), self.errors.bind("title", self.title_edit))
        form.addRow(self.tr("ผู้นำเสนอ"), self.errors.bind("presenter_person_id", self.presenter))
        bound = self.errors.bind("planned_minutes", self.minutes)
        form.addRow(self.tr("เวลาที่วางแผน"), minutes_row(self, bound, self.tr("นาที (เว้นว่าง = ยังไม่กำหนด)")))
        labels = {
            "background": self.tr("ความเป็นมา"),
            "proposal": self.tr("ข้อเสนอ"),
            "discussion": self.tr("การอภิปราย / สรุปสาระ"),
            "resolution": self.tr("มติที่ประชุม"),
        }
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        for name, box in self.texts.items():
            part = QWidget(splitter)
            part_layout = flush(QVBoxLayout(part), spacing=2)
            part_layout.addWidget(QLabel(labels[name], part))
            part_layout.addWidget(self.errors.bind(name, box), 1)
            splitter.addWidget(part)
        splitter.setSizes([90, 90, 150, 110])
        self.splitter = splitter
        # The four texts and the attachments together need more height than a 768-px screen
        # leaves: below their minimum the parts scroll instead of making the window taller.
        scroll = QScrollArea(self)
        scroll.setObjectName("itemScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(splitter)
        self.scroll_area = scroll
        buttons = QHBoxLayout()
        buttons.addWidget(self.directive_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = flush(QVBoxLayout(self))
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.title_edit, self.presenter)
        QWidget.setTabOrder(self.presenter, self.minutes)
        previous: QWidget = self.minutes
        for box in self.texts.values():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.save_button)

    def enable_attachments(self, ctx: AppContext) -> None:
        """Files of the selected item (ไฟล์แนบ), stored as soon as they are added."""
        part = QWidget(self.splitter)
        part_layout = flush(QVBoxLayout(part))
        part_layout.addWidget(QLabel(self.tr("ไฟล์แนบ"), part))
        self.attachments = AttachmentsWidget(ctx, OwnerKind.AGENDA_ITEM, None, part, allow_pending=False)
        part_layout.addWidget(self.attachments, 1)
        self.splitter.addWidget(part)
        self.attachments.set_owner(self.view.id if self.view else None)

    def enable_speakers(self, ctx: AppContext, people: Sequence[PersonView]) -> None:
        """Who said what (แบบจดละเอียด), after the discussion; shown by set_verbatim."""
        part = QWidget()
        part.setObjectName("speakersPart")
        part_layout = flush(QVBoxLayout(part), spacing=2)
        part_layout.addWidget(QLabel(self.tr("คำกล่าวในที่ประชุม (จดละเอียด ตามลำดับ)"), part))
        self.speakers = SpeakersPanel(ctx, people, part)
        part_layout.addWidget(self.speakers, 1)
        self.splitter.insertWidget(TEXT_FIELDS.index("discussion") + 1, part)
        self.speakers_part = part
        self.speakers.set_item(self.view.id if self.view else None)
        self.set_verbatim(False)

    def set_verbatim(self, verbatim: bool) -> None:
        """Speakers are recorded (and printed) only for a meeting recorded verbatim."""
        if self.speakers_part is not None:
            self.speakers_part.setVisible(verbatim)

    def set_people(self, people: Sequence[PersonView]) -> None:
        self.presenter.set_people(people)

    # --- showing -------------------------------------------------------------------
    def show_item(self, view: AgendaItemView | None) -> None:
        self._loading = True
        self.view = view
        self.errors.clear()
        self.heading.setText(
            self.tr("เรื่องที่ {number}").format(number=view.number_text(thai_digits()))
            if view
            else self.tr("เลือกเรื่องในระเบียบวาระทางซ้ายเพื่อแก้ไข")
        )
        self.title_edit.setText(view.title if view else "")
        if view is not None and view.presenter_person_id is not None:
            self.presenter.set_value(view.presenter_person_id)
        else:
            self.presenter.set_value(None)
            self.presenter.setEditText(view.presenter_name or "" if view else "")
        self.minutes.set_minutes(view.planned_minutes if view else None)
        for name, box in self.texts.items():
            box.setPlainText((getattr(view, name) or "") if view else "")
        self._loading = False
        self.dirty = False
        if self.attachments is not None and (self.attachments.owner_id != (view.id if view else None)):
            self.attachments.set_owner(view.id if view else None)
        if self.speakers is not None:
            self.speakers.set_item(view.id if view else None)
        self._update_enabled()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_enabled()

    def _update_enabled(self) -> None:
        editable = self.view is not None and not self.read_only
        self.title_edit.setReadOnly(not editable)
        self.presenter.setEnabled(editable)
        self.minutes.setReadOnly(not editable)
        for box in self.texts.values():
            box.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.directive_button.setEnabled(self.view is not None and not self.read_only)
        if self.attachments is not None:
            self.attachments.set_read_only(not editable)
        if self.speakers is not None:
            self.speakers.set_read_only(not editable)

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading and self.view is not None:
            self.dirty = True

    # --- saving --------------------------------------------------------------------
    def current_input(self) -> AgendaItemInput | None:
        if self.view is None:
            return None
        texts = {name: box.toPlainText() for name, box in self.texts.items()}
        return item_input(
            self.view,
            title=self.title_edit.text(),
            presenter_person_id=self.presenter.value(),
            presenter_text=self.presenter.free_text(),
            planned_minutes=self.minutes.minutes(),
            **texts,
        )

    def request_save(self) -> None:
        data = self.current_input()
        if self.view is None or data is None or self.read_only or not self.dirty:
            return  # nothing changed: a save would only bump the version
        problems: list[FieldProblem] = []
        if not data.title.strip():
            self.errors.add(problems, "title", self.tr("กรุณากรอกชื่อเรื่อง"))
        if problems:
            self.errors.show(problems)
            return
        self.errors.clear()
        self.save_requested.emit(self.view, data)

    def restore(self, view: AgendaItemView, data: AgendaItemInput) -> None:
        """Show what the user typed again (after a failed save on switching items)."""
        self.show_item(view)
        self._loading = True
        self.title_edit.setText(data.title)
        if data.presenter_person_id is not None:
            self.presenter.set_value(data.presenter_person_id)
        else:
            self.presenter.setEditText(data.presenter_text or "")
        self.minutes.set_minutes(data.planned_minutes)
        for name, box in self.texts.items():
            box.setPlainText(getattr(data, name) or "")
        self._loading = False
        self.dirty = True

    def _directive(self) -> None:
        if self.view is not None:
            self.directive_requested.emit(self.view)
