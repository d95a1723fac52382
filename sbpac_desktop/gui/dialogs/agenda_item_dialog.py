"""Add a matter to the agenda: section, optionally under an item (๔.๑ → ๔.๑.๑), title, presenter."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.meeting.agenda_model import MAX_ITEM_DEPTH
from sbpac_desktop.gui.text import digits, thai_digits
from sbpac_desktop.gui.widgets.attachments import AttachFailure, AttachmentsWidget, attach_all, report_failures
from sbpac_desktop.gui.widgets.minutes_spin import MinutesSpinBox, minutes_row
from sbpac_desktop.gui.widgets.pickers import IdCombo, PersonCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.attachments import OwnerKind
from sbpac_desktop.services.meetings import agenda
from sbpac_desktop.services.meetings.agenda import AgendaItemInput, AgendaItemView
from sbpac_desktop.services.people.org import PersonView


class AgendaItemDialog(FormDialog[AgendaItemInput, AgendaItemView]):
    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        sections: Mapping[int, str],
        items: Sequence[AgendaItemView],
        people: Sequence[PersonView],
        parent: QWidget | None = None,
        *,
        section: int | None = None,
        parent_id: int | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.meeting_id = meeting_id
        self.items = list(items)
        self.setWindowTitle(self.tr("เพิ่มเรื่องในระเบียบวาระ"))
        self.setObjectName("agendaItemDialog")
        self.section = IdCombo(self)
        self.section.setObjectName("section")
        self.section.set_items(
            [
                (self.tr("ระเบียบวาระที่ {n}  {title}").format(n=digits(str(n)), title=title), n)
                for n, title in sections.items()
            ]
        )
        self.parent_item = IdCombo(self, none_label=self.tr("— เป็นเรื่องหลักของระเบียบวาระ —"))
        self.parent_item.setObjectName("parentItem")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.presenter = PersonCombo(self, none_label=self.tr("— ไม่ระบุ —"))
        self.presenter.setObjectName("presenter")
        self.presenter.set_people(people)
        self.minutes = MinutesSpinBox(self)
        self.minutes.setObjectName("plannedMinutes")
        self.minutes.setToolTip(self.tr("เวลาที่ใช้กับเรื่องนี้ในการประชุม เว้นว่างได้ถ้ายังไม่กำหนด"))
        form = QFormLayout()
        form.addRow(self.tr("ระเบียบวาระที่"), self.errors.bind("section", self.section))
        form.addRow(self.tr("เป็นเรื่องย่อยของ"), self.errors.bind("parent_id", self.parent_item))
        form.addRow(self.tr("ชื่อเรื่อง"), self.errors.bind("title", self.title_edit))
        form.addRow(self.tr("ผู้นำเสนอ"), self.errors.bind("presenter_person_id", self.presenter))
        bound = self.errors.bind("planned_minutes", self.minutes)
        form.addRow(self.tr("เวลาที่วางแผน"), minutes_row(self, bound, self.tr("นาที (เว้นว่าง = ยังไม่กำหนด)")))
        self.attachments = AttachmentsWidget(ctx, OwnerKind.AGENDA_ITEM, None, self)
        self.attach_failures: list[AttachFailure] = []
        form.addRow(self.tr("ไฟล์แนบ"), self.errors.bind("file", self.attachments))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.section.currentIndexChanged.connect(self._section_changed)
        if section is not None:
            self.section.set_value(section)
        self._section_changed()
        if parent_id is not None:
            self.parent_item.set_value(parent_id)
        self.title_edit.setFocus()
        self.resize(680, 420)

    def _section_changed(self, *_: object) -> None:
        section = self.section.value()
        parents = [i for i in self.items if i.section == section and i.depth < MAX_ITEM_DEPTH]
        self.parent_item.set_items([(f"{i.number_text(thai_digits())}  {i.title}", i.id) for i in parents])

    def collect(self, problems: list[FieldProblem]) -> AgendaItemInput | None:
        if not self.title_edit.text().strip():
            self.errors.add(problems, "title", self.tr("กรุณากรอกชื่อเรื่อง"))
        if problems:
            return None
        return AgendaItemInput(
            section=self.section.value(),
            title=self.title_edit.text(),
            parent_id=self.parent_item.value(),
            presenter_person_id=self.presenter.value(),
            presenter_text=self.presenter.free_text(),
            planned_minutes=self.minutes.minutes(),
        )

    def save_call(self, data: AgendaItemInput) -> Callable[[], AgendaItemView]:
        ctx, meeting_id, files = self.ctx, self.meeting_id, self.attachments.pending_paths()

        def call() -> AgendaItemView:
            item = agenda.add_item(ctx.db, ctx.actor, meeting_id, data)
            self.attach_failures = attach_all(ctx, OwnerKind.AGENDA_ITEM, item.id, files)  # checked when picked
            return item

        return call

    def after_save(self, result: AgendaItemView) -> None:
        app_events().meeting_changed.emit(self.meeting_id)
        report_failures(self.parentWidget(), self.attach_failures)
