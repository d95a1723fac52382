"""Before the main window: sign in, or (on a new database) create the administrator account.

Both dialogs take the service call as a function, so they hold no database themselves and a
test can drive them with the real services. The call runs on the GUI thread: it is one
argon2 check (a fraction of a second) and nothing else can happen before it anyway.
A refusal stays in the dialog, in Thai, next to the field it is about; the password box is
cleared after a wrong password so the next attempt starts clean.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import AppError, FieldProblem, ValidationError
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.text import wrappable
from sbpac_desktop.gui.widgets.field_errors import FieldErrors, error_label
from sbpac_desktop.services.auth import MIN_PASSWORD_LENGTH
from sbpac_desktop.services.context import Actor

SignInCall = Callable[[str, str], Actor]
FirstAdminCall = Callable[[str, str, str], Actor]


def _problem(field: str, error: AppError) -> FieldProblem:
    """A refusal shown under a field, in the language the interface speaks."""
    text = error_text(error)
    return FieldProblem(field, text, text)


class _AccountDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor: Actor | None = None
        self.rest_height: int | None = None  # the height before any message showed
        self.general_error = error_label(self)
        self.general_error.setObjectName("generalError")
        self.errors = FieldErrors(self.general_error)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.database = QLabel(self.tr("ฐานข้อมูล: {database}").format(database=database), self)
        self.database.setStyleSheet("color: #555;")
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ok_button = QPushButton(self)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("ออกจากโปรแกรม"))
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        for widget in (self.heading, self.note, self.database):
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _line(self, name: str, field: str, *, secret: bool = False) -> tuple[QLineEdit, QWidget]:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit, self.errors.bind(field, edit)

    def fields_first(self, *fields: QLineEdit) -> None:
        """Typing starts in the first field and Tab walks the fields, then the buttons. The
        buttons are made before the fields, so Qt's own order put them first: the dialog opened
        with the focus on its default button, and Tab, then a space, pressed ออกจากโปรแกรม."""
        for before, after in pairwise([*fields, self.ok_button, self.cancel_button]):
            QWidget.setTabOrder(before, after)
        fields[0].setFocus()

    def submit(self) -> None:
        raise NotImplementedError

    def refused(self, problems: list[FieldProblem]) -> None:
        """Messages under their fields; the dialog grows so a wrapped message is never cut, and
        shrinks again when fewer messages show (it kept the height of the longest refusal, with an
        empty band above the buttons), never below its height before the first message."""
        if self.rest_height is None:
            self.rest_height = self.height()
        self.errors.show(problems)
        # each message sits in its field's own layout, which settles on the next loop turn; the
        # height read at once was the last refusal's, so the dialog never shrank
        QTimer.singleShot(0, self, self._fit_height)

    def _fit_height(self) -> None:
        needed = self.heightForWidth(self.width())  # wrapped labels: the height at this width
        least = needed if needed > 0 else self.sizeHint().height()
        self.resize(self.width(), max(self.rest_height or 0, least))


class SignInDialog(_AccountDialog):
    def __init__(self, sign_in: SignInCall, database: str, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.sign_in = sign_in
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("ลงชื่อเข้าใช้ — ระบบการประชุมและติดตามข้อสั่งการ ศอ.บต."))
        self.heading.setText(self.tr("ลงชื่อเข้าใช้"))
        self.note.setText(wrappable(self.tr("ใส่ชื่อผู้ใช้และรหัสผ่านที่ผู้ดูแลระบบให้ไว้")))
        self.login, login_box = self._line("login", "login")
        self.password, password_box = self._line("password", "password", secret=True)
        self.form.addRow(self.tr("ชื่อผู้ใช้"), login_box)
        self.form.addRow(self.tr("รหัสผ่าน"), password_box)
        self.ok_button.setText(self.tr("ลงชื่อเข้าใช้"))
        self.fields_first(self.login, self.password)
        self.resize(520, self.sizeHint().height())

    def submit(self) -> None:
        self.errors.clear()
        try:
            self.actor = self.sign_in(self.login.text(), self.password.text())
        except AppError as error:
            self.password.clear()
            self.refused([_problem("password", error)])
            self.password.setFocus()
            return
        self.accept()


class FirstAdminDialog(_AccountDialog):
    def __init__(self, create: FirstAdminCall, database: str, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.create_admin = create
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("ฐานข้อมูลใหม่ — สร้างบัญชีผู้ดูแลระบบ"))
        self.heading.setText(self.tr("สร้างบัญชีผู้ดูแลระบบ"))
        self.note.setText(
            wrappable(
                self.tr(
                    "ฐานข้อมูลนี้ยังไม่มีบัญชีผู้ใช้ บัญชีแรกเป็นผู้ดูแลระบบ ซึ่งเพิ่มบัญชีของฝ่ายเลขานุการ "
                    "เจ้าหน้าที่ติดตาม และผู้อ่านได้ภายหลัง รหัสผ่านต้องยาวอย่างน้อย {n} ตัวอักษร "
                    "ใส่ผิด 5 ครั้งติดกันบัญชีจะถูกล็อก"
                ).format(n=MIN_PASSWORD_LENGTH)
            )
        )
        self.login, login_box = self._line("login", "login")
        self.login.setPlaceholderText(self.tr("อักษรอังกฤษตัวเล็ก เช่น somchai"))
        self.display_name, name_box = self._line("displayName", "display_name")
        self.display_name.setPlaceholderText(self.tr("เช่น นายสมชาย ใจดี"))
        self.password, password_box = self._line("password", "password", secret=True)
        self.confirm, confirm_box = self._line("confirm", "confirm", secret=True)
        self.form.addRow(self.tr("ชื่อผู้ใช้"), login_box)
        self.form.addRow(self.tr("ชื่อที่แสดง"), name_box)
        self.form.addRow(self.tr("รหัสผ่าน"), password_box)
        self.form.addRow(self.tr("ยืนยันรหัสผ่าน"), confirm_box)
        self.ok_button.setText(self.tr("สร้างบัญชีและเริ่มใช้งาน"))
        self.fields_first(self.login, self.display_name, self.password, self.confirm)
        self.resize(640, self.sizeHint().height())

    def submit(self) -> None:
        self.errors.clear()
        if self.password.text() != self.confirm.text():
            mismatch = self.tr("รหัสผ่านสองช่องไม่ตรงกัน")
            self.refused([FieldProblem("confirm", mismatch, mismatch)])
            return
        try:
            self.actor = self.create_admin(self.login.text(), self.display_name.text(), self.password.text())
        except ValidationError as error:
            self.refused(list(error.problems))
            return
        except AppError as error:
            self.refused([_problem("general", error)])
            return
        self.accept()
