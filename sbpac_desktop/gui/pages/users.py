"""บัญชีผู้ใช้ (administrators only): every account with its role, the person it stands for, whether
it is locked or switched off and how many wrong passwords in a row; add an account, change a
role, set a new password (which also unlocks), unlock, deactivate — all through services/admin/users.py
in the background. A refusal (one's own account, the last administrator) is shown in red on the
page in the interface language and nothing changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QStyle, QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.dialogs.form import FormDialog
from sbpac_desktop.gui.dialogs.user_dialog import PasswordDialog, RoleDialog, UserDialog
from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.errors import confirm
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.models.base import ITEM_ROLE, DtoTableModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.gui.text import digits, or_blank, wrappable
from sbpac_desktop.gui.widgets.loading import refusal_on_line
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.admin.users import UserView
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import PersonView

LOCKED_COLOUR = QColor("#b3261e")
OFF_COLOUR = QColor("#8a8a8a")


@dataclass(frozen=True)
class AccountRow:
    user: UserView
    person_name: str | None


class UsersModel(DtoTableModel[AccountRow]):
    COL_LOGIN, COL_NAME, COL_ROLE, COL_PERSON, COL_STATE, COL_FAILED = range(6)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_NAME: 3, COL_PERSON: 3}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("ชื่อผู้ใช้"), self.tr("ชื่อที่แสดง"), self.tr("บทบาท"), self.tr("บุคคลที่ผูกกับบัญชี"),
            self.tr("สถานะ"), self.tr("ลงชื่อผิดติดกัน (ครั้ง)"),
        )  # fmt: skip

    def state(self, user: UserView) -> str:
        if not user.active:
            return self.tr("ปิดใช้งาน")
        return self.tr("ถูกล็อก") if user.locked else self.tr("ใช้งานได้")

    def display(self, row: AccountRow, column: int) -> str:
        user = row.user
        if column == self.COL_LOGIN:
            return user.login
        if column == self.COL_NAME:
            return wrappable(user.display_name)
        if column == self.COL_ROLE:
            return domain_label(user.role.label)
        if column == self.COL_PERSON:
            return wrappable(row.person_name) if row.person_name else or_blank(None)
        if column == self.COL_STATE:
            return self.state(user)
        return digits(str(user.failed_logins))

    def sort_value(self, row: AccountRow, column: int) -> Any:
        user = row.user
        values = (user.login, user.display_name, user.role.label, row.person_name, self.state(user), user.failed_logins)
        return values[column]

    def foreground(self, row: AccountRow, column: int) -> QColor | None:
        if not row.user.active:
            return OFF_COLOUR
        return LOCKED_COLOUR if row.user.locked and column == self.COL_STATE else None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == self.COL_FAILED:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)


class UsersPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, UsersModel(), parent)
        self.setObjectName("usersPage")
        self.heading.setText(self.tr("บัญชีผู้ใช้"))
        self.people: list[PersonView] = []
        self.dialog: FormDialog | None = None
        self.operation: Operation[Any] | None = None
        self._select_id: int | None = None
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.add_button = self._button("addUserButton", self.tr("เพิ่มบัญชี"), self.new_record, icon)
        self.add_button.setToolTip(self.tr("เพิ่มบัญชีผู้ใช้ใหม่ (Ctrl+N)"))
        self.role_button = self._button("roleButton", self.tr("เปลี่ยนบทบาท…"), self.change_role)
        self.password_button = self._button("passwordButton", self.tr("ตั้งรหัสผ่านใหม่…"), self.reset_password)
        self.password_button.setToolTip(self.tr("ตั้งรหัสผ่านใหม่ ซึ่งปลดล็อกและเปิดใช้บัญชีอีกครั้งด้วย"))
        self.unlock_button = self._button("unlockButton", self.tr("ปลดล็อก"), self.unlock)
        self.deactivate_button = self._button("deactivateButton", self.tr("ปิดใช้งาน…"), self.deactivate)
        self.deactivate_button.setToolTip(self.tr("บัญชีจะลงชื่อเข้าใช้ไม่ได้อีก แต่ชื่อยังอยู่ในประวัติการแก้ไข"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda *_: self.change_role())
        self._update_buttons()
        # the people an account may be linked to were read when the page first showed
        app_events().org_changed.connect(self._org_changed)  # bound method: disconnected on delete

    def _org_changed(self) -> None:
        if self.loaded:
            self.reload()

    def _button(self, name: str, text: str, slot: Callable[[], object], icon: Any = None) -> QPushButton:
        button = QPushButton(text, self) if icon is None else QPushButton(icon, text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        self.tools.addWidget(button)
        return button

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def read() -> tuple[list[UserView], list[PersonView]]:
            return users.list_users(db, actor), org.list_people(db, actor, include_inactive=True)

        self.read_then(read, self._show)

    def show_error(self, error: AppError) -> None:
        super().show_error(error)
        self._update_buttons()

    def _show(self, found: tuple[list[UserView], list[PersonView]]) -> None:
        accounts, self.people = found
        names = {p.id: p.full_name for p in self.people}
        self.show_rows([AccountRow(u, names.get(u.person_id) if u.person_id else None) for u in accounts])
        if self._select_id is not None:
            self.select_user(self._select_id)
            self._select_id = None
        self._update_buttons()

    def summary_text(self, rows: Sequence[object]) -> str:
        accounts = [r.user for r in rows if isinstance(r, AccountRow)]
        locked = sum(1 for u in accounts if u.active and u.locked)
        off = sum(1 for u in accounts if not u.active)
        return self.tr("ทั้งหมด {count} บัญชี · ถูกล็อก {locked} · ปิดใช้งาน {off}").format(
            count=digits(str(len(accounts))), locked=digits(str(locked)), off=digits(str(off))
        )

    # --- selection ----------------------------------------------------------------
    def selected_user(self) -> UserView | None:
        index = self.table.currentIndex()
        row = index.data(ITEM_ROLE) if index.isValid() else None
        return row.user if isinstance(row, AccountRow) else None

    def select_user(self, user_id: int) -> None:
        row = self.table.row_of(lambda r: isinstance(r, AccountRow) and r.user.id == user_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.table.proxy.index(row, 0))

    def _update_buttons(self) -> None:
        user = self.selected_user()
        mine = user is not None and user.id == self.ctx.actor.user_id
        self.role_button.setEnabled(user is not None and not mine)
        self.password_button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.active and user.locked)
        self.deactivate_button.setEnabled(user is not None and user.active and not mine)

    # --- changes ------------------------------------------------------------------
    def new_record(self) -> FormDialog:
        return self.open_dialog(UserDialog(self.ctx, self.people, self), self._changed)

    def change_role(self) -> FormDialog | None:
        user = self.selected_user()
        return self.open_dialog(RoleDialog(self.ctx, user, self), self._changed) if user is not None else None

    def reset_password(self) -> FormDialog | None:
        user = self.selected_user()
        return self.open_dialog(PasswordDialog(self.ctx, user, self), self._changed) if user is not None else None

    def unlock(self) -> None:
        user = self.selected_user()
        if user is not None:
            db, actor = self.ctx.db, self.ctx.actor
            self._run(lambda: users.unlock(db, actor, user.id))

    def deactivate(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        question = self.tr("ปิดใช้งานบัญชี {login} ({name})? บัญชีนี้จะลงชื่อเข้าใช้ไม่ได้ จนกว่าจะตั้งรหัสผ่านใหม่")
        if not confirm(self, self.tr("ปิดใช้งานบัญชี"), question.format(login=user.login, name=user.display_name)):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: users.deactivate(db, actor, user.id))

    def _run(self, call: Callable[[], UserView]) -> None:
        if self.operation is not None:
            return
        self.error.hide()
        self.operation = Operation(self, call, busy=[self.unlock_button, self.deactivate_button])
        self.operation.success(self._changed).failure(self._refused).run()

    def _changed(self, view: UserView) -> None:
        self.operation = None
        self._select_id = view.id
        self.reload()

    def _refused(self, error: BaseException) -> None:
        """In red on the page (the last administrator, one's own account); anything else as usual."""
        self.operation = None
        self._update_buttons()
        refusal_on_line(self, self.error, self.tr("ทำรายการไม่ได้: {message}"))(error)

    def refusal(self) -> str | None:
        return self.error.text().replace("\u200b", "") if not self.error.isHidden() else None
