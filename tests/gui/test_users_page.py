"""The accounts page: an administrator adds an officer linked to a person, sets a new password,
unlocks and deactivates; bad input is shown next to its field and nothing typed is lost; the
last administrator is refused in Thai; only administrators see the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.domain.errors import PermissionDenied
from sbpac_desktop.gui.dialogs.user_dialog import PasswordDialog, RoleDialog, UserDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages import users as users_page_module
from sbpac_desktop.gui.pages.users import UsersPage
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from tests.gui.helpers import settle, type_text

PASSWORD = "รหัสผ่านยาวพอ-1"
NEW_PASSWORD = "ตั้งใหม่อีกครั้ง-2"


@pytest.fixture
def admin_ctx(work_ctx: AppContext) -> AppContext:
    admin = auth.create_first_admin(work_ctx.db, "somchai", "นายสมชาย ผู้ดูแล", PASSWORD)
    return AppContext(work_ctx.db, admin)


@pytest.fixture
def page(qtbot: QtBot, admin_ctx: AppContext) -> Iterator[UsersPage]:
    widget = UsersPage(admin_ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.reload()
    settle(qtbot)  # the page reads off the GUI thread
    yield widget


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def save(qtbot: QtBot, dialog: object) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # type: ignore[attr-defined]
        click(qtbot, dialog.save_button)  # type: ignore[attr-defined]


def fill_user(qtbot: QtBot, dialog: UserDialog, login: str, password: str, again: str) -> None:
    ui = dialog.ui
    type_text(qtbot, ui.login, login)
    type_text(qtbot, ui.displayName, "นางสาวอรทัย ติดตามงาน")
    dialog.role.set_value(UserRole.OFFICER)
    type_text(qtbot, ui.password, password)
    type_text(qtbot, ui.passwordAgain, again)


def select(page: UsersPage, login: str) -> None:
    page.select_user(next(r.user.id for r in page.model.rows() if r.user.login == login))


def test_admin_adds_an_officer_linked_to_a_person_and_resets_the_password(qtbot, page, admin_ctx, wait_ops):
    assert [r.user.login for r in page.model.rows()] == ["somchai"]
    dialog = page.new_record()
    assert isinstance(dialog, UserDialog)
    person = next(p for p in org.list_people(admin_ctx.db, admin_ctx.actor) if p.active)
    fill_user(qtbot, dialog, "orathai.t", PASSWORD, PASSWORD)
    dialog.ui.person.set_value(person.id)
    save(qtbot, dialog)
    wait_ops()
    row = next(r for r in page.model.rows() if r.user.login == "orathai.t")
    assert (row.user.role, row.user.person_id, row.person_name) == (UserRole.OFFICER, person.id, person.full_name)
    assert page.model.display(row, page.model.COL_ROLE) == "เจ้าหน้าที่ติดตาม"
    assert auth.sign_in(admin_ctx.db, "orathai.t", PASSWORD).role is UserRole.OFFICER

    select(page, "orathai.t")
    reset = page.reset_password()
    assert isinstance(reset, PasswordDialog)
    type_text(qtbot, reset.password, NEW_PASSWORD)
    type_text(qtbot, reset.password_again, NEW_PASSWORD)
    save(qtbot, reset)
    wait_ops()
    assert auth.sign_in(admin_ctx.db, "orathai.t", NEW_PASSWORD).login == "orathai.t"
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(admin_ctx.db, "orathai.t", PASSWORD)


@pytest.mark.parametrize(
    ("login", "password", "again", "field", "words"),
    [
        ("orathai.t", "สั้น", "สั้น", "password", "อย่างน้อย 8"),
        ("orathai.t", PASSWORD, PASSWORD + "x", "password_again", "ไม่ตรงกัน"),
        ("somchai", PASSWORD, PASSWORD, "login", "มีบัญชีชื่อ 'somchai' อยู่แล้ว"),
        ("สมชาย", PASSWORD, PASSWORD, "login", "ใช้ไม่ได้"),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_kept(
    qtbot, page, admin_ctx, wait_ops, login, password, again, field, words
):
    dialog = page.new_record()
    fill_user(qtbot, dialog, login, password, again)
    click(qtbot, dialog.save_button)
    wait_ops()
    assert dialog.isVisible()
    message = dialog.errors.message(field)
    assert message is not None and words in message, dialog.errors.marked()
    typed = (dialog.ui.login.text(), dialog.ui.password.text(), dialog.ui.passwordAgain.text())
    assert typed == (login, password, again)  # nothing typed is lost
    assert [u.login for u in users.list_users(admin_ctx.db, admin_ctx.actor)] == ["somchai"]


def test_new_password_dialog_checks_both_boxes(qtbot, page, admin_ctx, wait_ops):
    users.create_user(admin_ctx.db, admin_ctx.actor, users.UserInput("viewer1", "ผู้อ่าน", "viewer", PASSWORD))
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    select(page, "viewer1")
    reset = page.reset_password()
    type_text(qtbot, reset.password, "1234567")
    type_text(qtbot, reset.password_again, "1234567")
    click(qtbot, reset.save_button)
    wait_ops()
    assert "อย่างน้อย 8" in (reset.errors.message("password") or "")
    reset.password_again.setText("12345678")
    reset.password.setText("12345679")
    click(qtbot, reset.save_button)
    wait_ops()
    assert "ไม่ตรงกัน" in (reset.errors.message("password_again") or "")
    assert reset.isVisible() and auth.sign_in(admin_ctx.db, "viewer1", PASSWORD)


def test_unlock_and_deactivate_from_the_page(qtbot, page, admin_ctx, wait_ops, monkeypatch):
    users.create_user(admin_ctx.db, admin_ctx.actor, users.UserInput("clerk1", "ธุรการ", "secretary", PASSWORD))
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        with pytest.raises(PermissionDenied):  # the fifth says the account is now locked
            auth.sign_in(admin_ctx.db, "clerk1", "wrong-password")
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    select(page, "clerk1")
    row = next(r for r in page.model.rows() if r.user.login == "clerk1")
    assert page.model.display(row, page.model.COL_STATE) == "ถูกล็อก"
    assert row.user.failed_logins == auth.MAX_FAILED_SIGN_INS
    assert page.model.display(row, page.model.COL_FAILED) == digits(str(auth.MAX_FAILED_SIGN_INS))
    assert page.unlock_button.isEnabled()
    click(qtbot, page.unlock_button)
    wait_ops()
    assert auth.sign_in(admin_ctx.db, "clerk1", PASSWORD).login == "clerk1"
    asked: list[str] = []
    monkeypatch.setattr(users_page_module, "confirm", lambda _p, _t, q: asked.append(q) or True)
    select(page, "clerk1")
    click(qtbot, page.deactivate_button)
    wait_ops()
    assert asked and "clerk1" in asked[0]
    row = next(r for r in page.model.rows() if r.user.login == "clerk1")
    assert page.model.display(row, page.model.COL_STATE) == "ปิดใช้งาน"
    with pytest.raises(auth.AccountLocked):
        auth.sign_in(admin_ctx.db, "clerk1", PASSWORD)


def test_the_last_administrator_is_refused_in_thai(qtbot, admin_ctx, wait_ops, monkeypatch):
    users.create_user(admin_ctx.db, admin_ctx.actor, users.UserInput("boss2", "ผู้ดูแลสำรอง", "admin", PASSWORD))
    second = AppContext(admin_ctx.db, auth.sign_in(admin_ctx.db, "boss2", PASSWORD))
    users.deactivate(admin_ctx.db, admin_ctx.actor, "boss2")  # somchai is now the last usable administrator
    monkeypatch.setattr(users_page_module, "confirm", lambda *_: True)
    page = UsersPage(second)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    select(page, "somchai")
    click(qtbot, page.deactivate_button)
    wait_ops()
    assert "ผู้ดูแลระบบคนสุดท้าย" in (page.refusal() or "")
    assert auth.sign_in(admin_ctx.db, "somchai", PASSWORD).login == "somchai"  # nothing changed


def test_own_account_cannot_be_demoted_or_deactivated_from_the_page(page):
    select(page, "somchai")
    assert page.password_button.isEnabled()
    assert not page.deactivate_button.isEnabled() and not page.role_button.isEnabled()


def test_role_dialog_changes_the_role_and_keeps_refusals_in_the_dialog(qtbot, page, admin_ctx, wait_ops):
    users.create_user(admin_ctx.db, admin_ctx.actor, users.UserInput("reader", "ผู้อ่าน", "viewer", PASSWORD))
    page.reload()
    settle(qtbot)  # the page reads off the GUI thread
    select(page, "reader")
    dialog = page.change_role()
    assert isinstance(dialog, RoleDialog)
    dialog.role.set_value(UserRole.SECRETARY)
    save(qtbot, dialog)
    wait_ops()
    assert next(r for r in page.model.rows() if r.user.login == "reader").user.role is UserRole.SECRETARY
    own = next(r.user for r in page.model.rows() if r.user.login == "somchai")
    refused = RoleDialog(admin_ctx, own, page)
    qtbot.addWidget(refused)
    refused.show()
    refused.role.set_value(UserRole.VIEWER)
    click(qtbot, refused.save_button)
    wait_ops()
    assert refused.isVisible() and "บัญชีของตนเอง" in refused.general_error.text().replace("\u200b", "")


def test_only_administrators_see_the_page(qtbot, admin_ctx, settings):
    window = MainWindow(admin_ctx, settings)
    qtbot.addWidget(window)
    assert "users" in window.page_keys()
    assert window.nav.item(window.page_keys().index("users")).text() == "บัญชีผู้ใช้"
    users.create_user(admin_ctx.db, admin_ctx.actor, users.UserInput("clerk2", "ธุรการ", "secretary", PASSWORD))
    secretary = AppContext(admin_ctx.db, auth.sign_in(admin_ctx.db, "clerk2", PASSWORD))
    other = MainWindow(secretary, settings)
    qtbot.addWidget(other)
    assert "users" not in other.page_keys()
    labels = [other.nav.item(i).text() for i in range(other.nav.count())]
    assert "บัญชีผู้ใช้" not in labels


def test_a_person_added_on_the_people_page_can_be_linked_at_once(qtbot, page, admin_ctx, wait_ops):
    """The users page read the people when first shown: a new office that looked at it before
    typing in its staff could not link an account to them until restart."""
    from sbpac_desktop.gui.dialogs.person_dialog import PersonDialog
    from sbpac_desktop.gui.pages.people import PeoplePage

    people = PeoplePage(admin_ctx)
    qtbot.addWidget(people)
    people.reload()
    wait_ops()
    people.edit_person(None)
    dialog = people.dialog
    assert isinstance(dialog, PersonDialog)
    type_text(qtbot, dialog.ui.firstName, "อรทัย")
    type_text(qtbot, dialog.ui.lastName, "ใหม่ล่าสุด")
    save(qtbot, dialog)
    wait_ops()
    click(qtbot, page.add_button)
    user_dialog = page.dialog
    assert isinstance(user_dialog, UserDialog)
    offered = [user_dialog.ui.person.itemText(i) for i in range(user_dialog.ui.person.count())]
    assert any("อรทัย ใหม่ล่าสุด" in text for text in offered)
    user_dialog.reject()
