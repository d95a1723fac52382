"""Accounts, for administrators: add one (ui/user_form.ui), set a new password, change a role.

Every dialog saves through services/admin/users.py in the background (FormDialog) and stays open on
any refusal, with the message next to its field: the two password boxes are compared here, the
rest (login rules, password length, a login already taken, the last administrator) comes from
the service in Thai.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import ConflictError, FieldProblem
from sbpac_desktop.gui.dialogs.designer import bind_all, mount, replace_widget
from sbpac_desktop.gui.dialogs.form import FormDialog, InputT, set_tab_order
from sbpac_desktop.gui.forms.ui_user_form import Ui_UserForm
from sbpac_desktop.gui.text import wrappable
from sbpac_desktop.gui.widgets.pickers import EnumCombo
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.admin.users import UserInput, UserView
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people.org import PersonView

MIN_WIDTH = 560


def _secret_box(parent: QWidget, name: str) -> QLineEdit:
    box = QLineEdit(parent)
    box.setObjectName(name)
    box.setEchoMode(QLineEdit.EchoMode.Password)
    box.setMaxLength(200)
    return box


class UserDialog(FormDialog[UserInput, UserView]):
    """A new account: login, display name, role, the person it stands for, the password twice."""

    def __init__(self, ctx: AppContext, people: Sequence[PersonView], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("เพิ่มบัญชีผู้ใช้"))
        self.ui, form = mount(Ui_UserForm(), self)
        self.role = EnumCombo(list(UserRole), self)
        replace_widget(self.ui.role, self.role)
        self.ui.role = self.role
        self.role.set_value(UserRole.OFFICER)  # most accounts are the officers who report
        self.ui.person.none_label = self.tr("— ไม่ผูกกับบุคคล —")
        self.ui.person.set_people([p for p in people if p.active])
        ui = self.ui
        bind_all(
            self.errors,
            {
                "login": ui.login, "display_name": ui.displayName, "role": self.role, "person_id": ui.person,
                "password": ui.password, "password_again": ui.passwordAgain,
            },
        )  # fmt: skip
        self.body.addWidget(form)
        set_tab_order((ui.login, ui.displayName, self.role, ui.person, ui.password, ui.passwordAgain, self.save_button))
        ui.login.setFocus()
        self.setMinimumWidth(MIN_WIDTH)
        self.resize(MIN_WIDTH + 60, self.sizeHint().height())

    def collect(self, problems: list[FieldProblem]) -> UserInput:
        ui = self.ui
        if ui.password.text() != ui.passwordAgain.text():
            self.errors.add(problems, "password_again", self.tr("รหัสผ่านสองช่องไม่ตรงกัน — โปรดพิมพ์ให้เหมือนกัน"))
        person_text = ui.person.currentText().strip()
        if ui.person.value() is None and person_text and person_text != ui.person.none_label:
            self.errors.add(problems, "person_id", self.tr("ไม่พบบุคคลชื่อนี้ — โปรดเลือกจากรายการ"))
        person_id = ui.person.value()
        return UserInput(ui.login.text(), ui.displayName.text(), self.role.value(), ui.password.text(), person_id)

    def save_call(self, data: UserInput) -> Callable[[], UserView]:
        db, actor = self.ctx.db, self.ctx.actor
        return lambda: users.create_user(db, actor, data)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ConflictError) and error.details is None:
            self.operation = None  # the login is taken: say so under the login box
            self.errors.show([FieldProblem("login", error.message("th"), error.message("en"))])  # shown per language
            return
        super()._failed(error)


class AccountDialog(FormDialog[InputT, UserView]):
    """One account's change; the account is named at the top."""

    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.who = QLabel(self)
        self.who.setObjectName("accountName")
        self.who.setWordWrap(True)
        self.who.setText(wrappable(self.tr("บัญชี {login} — {name}").format(login=user.login, name=user.display_name)))
        self.body.addWidget(self.who)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.body.addLayout(self.form)
        self.setMinimumWidth(480)

    def add_field(self, field: str, label: str, widget: QWidget) -> None:
        self.form.addRow(label, self.errors.bind(field, widget))


class PasswordDialog(AccountDialog[str]):
    """A new password (twice); the service also unlocks and reactivates the account."""

    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, user, parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("ตั้งรหัสผ่านใหม่"))
        self.password = _secret_box(self, "password")
        self.password.setPlaceholderText(self.tr("อย่างน้อย 8 ตัวอักษร"))
        self.password_again = _secret_box(self, "passwordAgain")
        self.add_field("password", self.tr("รหัสผ่านใหม่"), self.password)
        self.add_field("password_again", self.tr("รหัสผ่านอีกครั้ง"), self.password_again)
        note = QLabel(self.tr("บัญชีที่ถูกล็อกหรือปิดใช้งานจะกลับมาใช้ได้ด้วยรหัสผ่านนี้"), self)
        note.setWordWrap(True)
        self.body.addWidget(note)
        set_tab_order((self.password, self.password_again, self.save_button))
        self.password.setFocus()

    def collect(self, problems: list[FieldProblem]) -> str:
        if self.password.text() != self.password_again.text():
            self.errors.add(problems, "password_again", self.tr("รหัสผ่านสองช่องไม่ตรงกัน — โปรดพิมพ์ให้เหมือนกัน"))
        return self.password.text()

    def save_call(self, data: str) -> Callable[[], UserView]:
        db, actor, user_id = self.ctx.db, self.ctx.actor, self.user.id
        return lambda: users.reset_password(db, actor, user_id, data)


class RoleDialog(AccountDialog[UserRole]):
    """Another role; refusals (one's own account, the last administrator) stay in the dialog."""

    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, user, parent)
        self.setObjectName("roleDialog")
        self.setWindowTitle(self.tr("เปลี่ยนบทบาท"))
        self.role = EnumCombo(list(UserRole), self)
        self.role.setObjectName("role")
        self.role.set_value(user.role)
        self.add_field("role", self.tr("บทบาท"), self.role)
        set_tab_order((self.role, self.save_button))
        self.role.setFocus()

    def collect(self, problems: list[FieldProblem]) -> UserRole:
        return self.role.value()

    def save_call(self, data: UserRole) -> Callable[[], UserView]:
        db, actor, user = self.ctx.db, self.ctx.actor, self.user
        return lambda: users.change_role(db, actor, user.id, data, user.version)
