"""The window's door: first administrator on a new database, sign-in otherwise, the signed-in
user in the status bar, and smoke runs that never wait for a person."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui.app import run_gui
from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog, SignInDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.services import auth
from sbpac_desktop.services.admin import users
from sbpac_desktop.services.app import AppContext, open_app
from tests.gui.helpers import root_logging_kept, type_text

PASSWORD = "รหัสผ่านยาวพอ-1"
SHOTS = Path(os.environ.get("SBPAC_SCREENSHOTS", "")) if os.environ.get("SBPAC_SCREENSHOTS") else None


def _shot(widget, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture(autouse=True)
def _keep_root_logging() -> Iterator[None]:
    """run_gui adds a log file handler; take it away again after each test."""
    with root_logging_kept():
        yield


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_app(str(tmp_path / "new.db"), create=True)
    yield ctx
    ctx.close()


def _first_admin_dialog(ctx: AppContext) -> FirstAdminDialog:
    create = lambda login, name, secret: auth.create_first_admin(ctx.db, login, name, secret)  # noqa: E731
    return FirstAdminDialog(create, ctx.database_display)


def _sign_in_dialog(ctx: AppContext) -> SignInDialog:
    return SignInDialog(lambda login, secret: auth.sign_in(ctx.db, login, secret), ctx.database_display)


def test_first_admin_dialog_shows_problems_next_to_fields(qtbot: QtBot, fresh):
    dialog = _first_admin_dialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    _shot(dialog, "gui-first_admin_dialog")
    qtbot.keyClicks(dialog.login, "x")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert set(dialog.errors.marked()) == {"login", "display_name", "password"}
    assert "อย่างน้อย 8 ตัวอักษร" in dialog.errors.message("password")
    _shot(dialog, "gui-first_admin_dialog_errors")
    assert dialog.isVisible() and auth.needs_first_admin(fresh.db)


def test_first_admin_dialog_shrinks_back_when_fewer_problems_show(qtbot: QtBot, fresh):
    """Three messages, then one: the dialog grew for the three and kept that height, an empty
    band between the fields and the buttons."""
    dialog = _first_admin_dialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    opening = dialog.height()
    qtbot.keyClicks(dialog.login, "x")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(dialog.errors.marked()) == 3
    qtbot.waitUntil(lambda: dialog.height() > opening)  # grown on the next loop turn
    three = dialog.height()
    dialog.login.setText("somchai")
    type_text(qtbot, dialog.display_name, "นายสมชาย ใจดี")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.marked() == ["password"]
    qtbot.waitUntil(lambda: dialog.height() < three)
    assert dialog.height() >= opening
    assert dialog.height() >= dialog.heightForWidth(dialog.width())  # the one message is whole
    _shot(dialog, "gui-first_admin_dialog_one_error")


def test_first_admin_dialog_refuses_different_passwords(qtbot: QtBot, fresh):
    dialog = _first_admin_dialog(fresh)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.login, "somchai")
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.confirm, "long-enough-2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.marked() == ["confirm"]
    assert dialog.errors.message("confirm") == "รหัสผ่านสองช่องไม่ตรงกัน"


def test_first_admin_dialog_creates_the_account(qtbot: QtBot, fresh):
    dialog = _first_admin_dialog(fresh)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.login, "somchai")
    type_text(qtbot, dialog.display_name, "นายสมชาย ใจดี")
    for box in (dialog.password, dialog.confirm):
        type_text(qtbot, box, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is UserRole.ADMIN
    assert dialog.actor.display_name == "นายสมชาย ใจดี"
    assert not auth.needs_first_admin(fresh.db)


def test_sign_in_dialog_wrong_password_then_right(qtbot: QtBot, fresh):
    auth.create_first_admin(fresh.db, "somchai", "นายสมชาย ใจดี", PASSWORD)
    dialog = _sign_in_dialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    _shot(dialog, "gui-sign_in_dialog")
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.login, "somchai")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.message("password") == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    assert dialog.password.text() == "" and dialog.isVisible()
    _shot(dialog, "gui-sign_in_dialog_wrong")
    type_text(qtbot, dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.actor.login == "somchai"


def test_sign_in_dialog_says_the_account_is_locked(qtbot: QtBot, fresh):
    admin = auth.create_first_admin(fresh.db, "somchai", "สมชาย", PASSWORD)
    users.create_user(fresh.db, admin, users.UserInput("malee", "มาลี", "viewer", PASSWORD))
    dialog = _sign_in_dialog(fresh)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.login, "malee")
    for _ in range(auth.MAX_FAILED_SIGN_INS):
        qtbot.keyClicks(dialog.password, "wrong-password")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "ถูกล็อก" in dialog.errors.message("password")
    assert dialog.actor is None


def _tab_order(dialog) -> list:
    """The widgets Tab reaches from the focused one, in order, until it comes back."""
    start = widget = dialog.focusWidget()
    order = [start]
    while (widget := widget.nextInFocusChain()) is not start:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            order.append(widget)
    return order


def test_both_dialogs_open_with_the_cursor_in_the_login_box(qtbot: QtBot, fresh):
    """Found on a real X server: the dialogs opened with the focus on the default button, so
    typing went nowhere, and Tab then a space pressed ออกจากโปรแกรม."""
    first = _first_admin_dialog(fresh)
    sign_in = _sign_in_dialog(fresh)
    for dialog in (first, sign_in):
        qtbot.addWidget(dialog)
        dialog.show()
    assert _tab_order(first) == [
        first.login,
        first.display_name,
        first.password,
        first.confirm,
        first.ok_button,
        first.cancel_button,
    ]
    assert _tab_order(sign_in) == [sign_in.login, sign_in.password, sign_in.ok_button, sign_in.cancel_button]


def test_status_bar_shows_the_signed_in_user_and_role(qtbot: QtBot, fresh, settings):
    admin = auth.create_first_admin(fresh.db, "somchai", "สมชาย", PASSWORD)
    users.create_user(fresh.db, admin, users.UserInput("malee", "นางมาลี ดีงาม", "viewer", PASSWORD))
    window = MainWindow(AppContext(fresh.db, auth.sign_in(fresh.db, "malee", PASSWORD)), settings=settings)
    qtbot.addWidget(window)
    assert window.user_label.text() == "ผู้ใช้: นางมาลี ดีงาม (ผู้อ่านอย่างเดียว)"


def _accept_dialog_when_shown(kind: type, fill) -> None:
    """Answer the modal dialog that run_gui opens, as a person would."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                fill(widget)
                widget.ok_button.click()
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def test_run_gui_asks_for_the_first_admin_on_a_new_database(qapp, tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    open_app(str(path), create=True).close()

    def fill(dialog: FirstAdminDialog) -> None:
        dialog.login.setText("somchai")
        dialog.display_name.setText("สมชาย")
        dialog.password.setText(PASSWORD)
        dialog.confirm.setText(PASSWORD)
        QTimer.singleShot(300, lambda: [w.close() for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)])

    _accept_dialog_when_shown(FirstAdminDialog, fill)
    assert run_gui(str(path)) == 0
    ctx = open_app(str(path), environ={"SBPAC_USER": "somchai", "SBPAC_PASSWORD": PASSWORD})
    assert ctx.actor.role is UserRole.ADMIN
    ctx.close()


def test_smoke_run_on_a_new_database_needs_no_dialog(qapp, tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    open_app(str(path), create=True).close()
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    assert run_gui(str(path)) == 0


def test_smoke_run_with_accounts_signs_in_from_the_environment(qapp, tmp_path, monkeypatch, capsys):
    path = tmp_path / "x.db"
    ctx = open_app(str(path), create=True)
    auth.create_first_admin(ctx.db, "somchai", "สมชาย", PASSWORD)
    ctx.close()
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    monkeypatch.delenv("SBPAC_USER", raising=False)
    assert run_gui(str(path)) == 5  # refused, never waiting for a dialog nobody can see
    assert "ต้องลงชื่อเข้าใช้ก่อน" in capsys.readouterr().err
    monkeypatch.setenv("SBPAC_USER", "somchai")
    monkeypatch.setenv("SBPAC_PASSWORD", "wrong-password")
    assert run_gui(str(path)) == 5
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in capsys.readouterr().err
    monkeypatch.setenv("SBPAC_PASSWORD", PASSWORD)
    assert run_gui(str(path)) == 0
