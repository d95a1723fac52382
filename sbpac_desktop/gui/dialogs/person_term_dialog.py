"""Who holds a post from when (ui/term_form.ui): assign a holder with BE dates, or correct
and end an existing term. By default a new regular holder closes the previous holder's open
term on the day before, which is what "X now holds the post" means."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.designer import bind_all, mount
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.forms.ui_term_form import Ui_TermForm
from sbpac_desktop.gui.widgets.pickers import post_label
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import IncumbencyInput, IncumbencyView, PersonView, PositionView
from sbpac_desktop.thai import thai_sort_key


class TermDialog(FormDialog[IncumbencyInput, IncumbencyView | int]):
    def __init__(
        self,
        ctx: AppContext,
        positions: Sequence[PositionView],
        people: Sequence[PersonView],
        parent: QWidget | None = None,
        *,
        position_id: int | None = None,
        term: IncumbencyView | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.term = term
        self.positions = {p.id: p for p in positions}
        self.setObjectName("termDialog")
        self.setWindowTitle(self.tr("แก้ไขวาระการดำรงตำแหน่ง") if term else self.tr("กำหนดผู้ดำรงตำแหน่ง"))
        self.ui, form = mount(Ui_TermForm(), self)
        ui = self.ui
        labelled = sorted(((post_label(p), p.id) for p in positions), key=lambda pair: thai_sort_key(pair[0]))
        ui.position.set_items(labelled)
        ui.person.set_people(people)
        ui.endOn.required = False
        ui.endOn.line_edit.setClearButtonEnabled(True)
        bind_all(
            self.errors,
            {"position_id": ui.position, "person_id": ui.person, "start_on": ui.startOn, "end_on": ui.endOn},
        )
        self.body.addWidget(form)
        order = (ui.position, ui.person, ui.startOn.line_edit, ui.endOn.line_edit, ui.acting, ui.endPrevious)
        set_tab_order((*order, self.save_button))
        ui.position.currentIndexChanged.connect(self._show_holder)
        ui.acting.toggled.connect(lambda acting: ui.endPrevious.setEnabled(not acting and self.term is None))
        if term is not None:
            self._show_term(term)
        else:
            ui.position.set_value(position_id)
            ui.startOn.setDate(today or date.today())
            ui.endOn.setDate(None)
        self._show_holder()
        self.resize(720, self.sizeHint().height())

    def _show_term(self, term: IncumbencyView) -> None:
        ui = self.ui
        ui.position.set_value(term.position_id)
        ui.person.set_value(term.person_id)
        for fixed in (ui.position, ui.person):
            fixed.setEnabled(False)  # a term belongs to one person and one post; add a new term instead
        ui.startOn.setDate(term.start_on)
        ui.endOn.setDate(term.end_on)
        ui.acting.setChecked(term.acting)
        ui.endPrevious.setChecked(False)
        ui.endPrevious.hide()

    def _show_holder(self, *_: object) -> None:
        post = self.positions.get(self.ui.position.value())
        if post is None or self.term is not None:
            self.ui.currentHolder.hide()
            return
        if post.holder_name:
            text = self.tr("ผู้ดำรงตำแหน่งปัจจุบัน: {name}").format(name=post.holder_name)
        else:
            text = self.tr("ตำแหน่งนี้ยังว่างอยู่")
        self.ui.currentHolder.setText(text)
        self.ui.currentHolder.show()

    def collect(self, problems: list[FieldProblem]) -> IncumbencyInput | None:
        ui = self.ui
        position_id, person_id = ui.position.value(), ui.person.value()
        if position_id is None:
            self.errors.add(problems, "position_id", self.tr("กรุณาเลือกตำแหน่ง"))
        if person_id is None:
            self.errors.add(problems, "person_id", self.tr("กรุณาเลือกบุคคลจากรายชื่อ"))
        self.errors.add(problems, "start_on", ui.startOn.problem())
        self.errors.add(problems, "end_on", ui.endOn.problem())
        start_on = ui.startOn.date()
        if problems or position_id is None or person_id is None or start_on is None:
            return None
        acting = ui.acting.isChecked()
        end_previous = ui.endPrevious.isChecked() and not acting and self.term is None
        return IncumbencyInput(person_id, position_id, start_on, ui.endOn.date(), acting, end_previous)

    def save_call(self, data: IncumbencyInput) -> Callable[[], IncumbencyView | int]:
        db, actor, term = self.ctx.db, self.ctx.actor, self.term
        if term is not None:
            return lambda: org.update_incumbency(
                db, actor, term.id, term.version, data.start_on, data.end_on, data.acting
            )
        return lambda: org.assign_incumbency(db, actor, data)
