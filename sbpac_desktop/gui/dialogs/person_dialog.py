"""Add or edit a person (ui/person_form.ui): title or rank, first and last name, contact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.designer import bind_all, mount
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.forms.ui_person_form import Ui_PersonForm
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import PersonInput, PersonView

# The usual courtesy titles and ranks met in SBPAC meetings; any other can be typed.
COMMON_PREFIXES = (
    "นาย", "นาง", "นางสาว", "ดร.", "นายแพทย์", "แพทย์หญิง", "ว่าที่ร้อยตรี",
    "พันตำรวจเอก", "พลตำรวจตรี", "พันเอก", "พลตรี", "นาวาเอก", "พลเรือตรี",
)  # fmt: skip


class PersonDialog(FormDialog[PersonInput, PersonView]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, person: PersonView | None = None) -> None:
        super().__init__(ctx, parent)
        self.person = person
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("แก้ไขข้อมูลบุคคล") if person else self.tr("เพิ่มบุคคล"))
        self.ui, form = mount(Ui_PersonForm(), self)
        self.ui.prefix.addItems(COMMON_PREFIXES)
        bind_all(
            self.errors,
            {
                "prefix": self.ui.prefix, "first_name": self.ui.firstName, "last_name": self.ui.lastName,
                "email": self.ui.email, "phone": self.ui.phone,
            },
        )  # fmt: skip
        self.body.addWidget(form)
        ui = self.ui
        set_tab_order((ui.prefix, ui.firstName, ui.lastName, ui.email, ui.phone, self.save_button))
        ui.prefix.setEditText((person.prefix or "") if person else "นาย")
        if person is not None:
            ui.firstName.setText(person.first_name)
            ui.lastName.setText(person.last_name)
            ui.email.setText(person.email or "")
            ui.phone.setText(person.phone or "")
        ui.firstName.setFocus()
        self.resize(560, self.sizeHint().height())

    def collect(self, problems: list[FieldProblem]) -> PersonInput:
        ui = self.ui
        return PersonInput(
            ui.firstName.text(), ui.lastName.text(), ui.prefix.currentText(), ui.email.text(), ui.phone.text()
        )

    def save_call(self, data: PersonInput) -> Callable[[], PersonView]:
        db, actor, person = self.ctx.db, self.ctx.actor, self.person
        if person is not None:
            return lambda: org.update_person(db, actor, person.id, person.version, data)
        return lambda: org.create_person(db, actor, data)
