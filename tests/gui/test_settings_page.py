"""The Settings page on real databases: office settings saved with audit, language per machine,
database switching (file and server) and every bad input answered next to its field."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages import settings as settings_module
from sbpac_desktop.gui.pages.series import SeriesPage
from sbpac_desktop.gui.pages.settings import LAST_DATABASE_KEY, SettingsPage
from sbpac_desktop.services import auth
from sbpac_desktop.services import settings as org_settings
from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.settings import SettingsInput
from tests.gui.helpers import lists_filled, type_text
from tests.gui.test_first_meeting_walk import shot
from tests.gui.test_first_meeting_walk import window as first_admin_window  # noqa: F401 - a fixture

Wait = Callable[[], None]
PASSWORD = "correct horse battery"


def _first_admin(db: object, parent: object) -> object:
    """What the first-administrator dialog does when a person fills it in."""
    return auth.create_first_admin(db, "admin2", "ผู้ดูแลสำนักงานใหม่", PASSWORD)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def window(qtbot: QtBot, work_ctx: AppContext, settings: QSettings, wait_ops: Wait) -> Iterator[MainWindow]:
    win = MainWindow(work_ctx, settings)
    closed: list[AppContext] = []
    win.close_context = closed.append  # the fixture closes work_ctx itself
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.show_page("settings")
    wait_ops()
    yield win
    if win.ctx is not work_ctx:
        win.ctx.close()


def _page(window: MainWindow) -> SettingsPage:
    assert window.settings_page is not None
    return window.settings_page


def test_office_settings_are_loaded_and_saved(window: MainWindow, work_ctx: AppContext, wait_ops: Wait) -> None:
    page = _page(window)
    series = meetings.list_series(work_ctx.db, work_ctx.actor)
    assert page.ui.thaiDigitsRadio.isChecked()
    assert page.ui.seriesCombo.count() == len(series) + 1 and page.ui.seriesCombo.currentData() is None
    page.ui.arabicDigitsRadio.setChecked(True)
    page.ui.seriesCombo.setCurrentIndex(page.ui.seriesCombo.findData(series[0].id))
    page.ui.saveButton.click()
    wait_ops()
    stored = org_settings.get_settings(work_ctx.db, work_ctx.actor)
    assert (stored.thai_digits, stored.default_series_id) == (False, series[0].id)
    assert page.ui.documentsMessage.isVisible() and page.ui.documentsMessage.text() == "บันทึกการตั้งค่าแล้ว"


def test_a_save_based_on_stale_settings_is_refused_and_the_form_kept(
    window: MainWindow, work_ctx: AppContext, wait_ops: Wait
) -> None:
    page = _page(window)
    seen = org_settings.get_settings(work_ctx.db, work_ctx.actor)
    org_settings.update_settings(work_ctx.db, work_ctx.actor, SettingsInput(True, None), seen.version)
    other = org_settings.get_settings(work_ctx.db, work_ctx.actor)
    org_settings.update_settings(work_ctx.db, work_ctx.actor, SettingsInput(False, None), other.version)
    page.ui.thaiDigitsRadio.setChecked(True)
    page.ui.saveButton.click()
    wait_ops()
    assert "มีผู้อื่นเปลี่ยนการตั้งค่าไปแล้ว" in page.ui.documentsMessage.text()
    assert page.ui.thaiDigitsRadio.isChecked()  # what the user chose is still on screen
    assert org_settings.get_settings(work_ctx.db, work_ctx.actor).thai_digits is False


def _tested(page: SettingsPage, url: str, wait_ops: Wait) -> str:
    page.ui.urlEdit.setText(url)
    page.ui.testButton.click()
    wait_ops()
    assert page.ui.databaseMessage.isVisible()
    return page.ui.databaseMessage.text()


def test_bad_url_is_answered_next_to_the_field(window: MainWindow, work_ctx: AppContext, wait_ops: Wait) -> None:
    page = _page(window)
    message = _tested(page, "mysql://clerk:S3cret-pw@server/sbpac", wait_ops)
    assert "ไม่รองรับฐานข้อมูลชนิด mysql" in message and "S3cret-pw" not in message
    assert _tested(page, "", wait_ops) == "กรุณาระบุไฟล์ฐานข้อมูลหรือที่อยู่เซิร์ฟเวอร์"
    page.ui.connectButton.click()  # connect with the bad URL: nothing changes
    page.ui.urlEdit.setText("postgresql+psycopg://clerk:S3cret-pw@/sbpac")
    page.ui.connectButton.click()
    wait_ops()
    assert "ต้องมีชื่อเครื่อง" in page.ui.databaseMessage.text()
    assert "S3cret-pw" not in page.ui.databaseMessage.text()
    assert window.ctx is work_ctx


def test_unreachable_server(window: MainWindow, work_ctx: AppContext, wait_ops: Wait) -> None:
    page = _page(window)
    url = f"postgresql+psycopg://clerk:S3cret-pw@127.0.0.1:{_free_port()}/sbpac?connect_timeout=3"
    message = _tested(page, url, wait_ops)
    assert "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล" in message and "S3cret-pw" not in message
    assert window.ctx is work_ctx


def test_a_file_that_is_not_a_database_changes_nothing(
    window: MainWindow, work_ctx: AppContext, settings: QSettings, wait_ops: Wait, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    notes = tmp_path / "notes.db"
    notes.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(settings_module, "choose_database_file", lambda parent, start: str(notes))
    page = _page(window)
    page.ui.openFileButton.click()
    wait_ops()
    assert "ไม่ใช่ฐานข้อมูลของโปรแกรม" in page.ui.databaseMessage.text()
    assert window.ctx is work_ctx and notes.read_text(encoding="utf-8") == "not a database"
    assert settings.value(LAST_DATABASE_KEY) is None


def test_switching_to_another_file_reloads_every_page(
    window: MainWindow, work_ctx: AppContext, settings: QSettings, wait_ops: Wait, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
) -> None:  # fmt: skip
    other = tmp_path / "other-office.db"
    open_app(str(other), create=True).close()  # an empty but valid database
    monkeypatch.setattr(settings_module, "choose_database_file", lambda parent, start: str(other))
    monkeypatch.setattr(settings_module, "sign_in_to", _first_admin)
    old_meetings = window.page("meetings")
    window.show_page("meetings")  # loads it; the meeting window opens from there
    qtbot.waitUntil(lambda: old_meetings.model.rowCount() > 0, timeout=5000)  # type: ignore[attr-defined]
    meeting_id = old_meetings.model.rows()[0].id  # type: ignore[attr-defined]
    old_meetings.open_meeting(meeting_id)  # type: ignore[attr-defined]
    wait_ops()  # the meeting is read off the GUI thread before its window opens
    meeting_window = old_meetings.windows[meeting_id]  # type: ignore[attr-defined]
    window.show_page("settings")
    page = _page(window)
    page.ui.openFileButton.click()
    wait_ops()
    qtbot.waitUntil(lambda: not shiboken6.isValid(meeting_window) or not meeting_window.isVisible(), timeout=5000)
    assert window.ctx is not work_ctx and window.ctx.database_display == str(other)
    assert window.database_label.text() == f"ฐานข้อมูล: {other}"
    assert str(other) in page.ui.currentDatabase.text()
    assert settings.value(LAST_DATABASE_KEY) == str(other)
    assert window.page("meetings") is not old_meetings  # pages were built again on the new database
    window.show_page("meetings")
    wait_ops()
    assert window.page("meetings").model.rowCount() == 0  # type: ignore[attr-defined]
    assert window.page("meetings").ctx is window.ctx
    assert window.ctx.actor.login == "admin2" and "ผู้ดูแลสำนักงานใหม่" in window.user_label.text()


def test_file_open_switches_database_before_settings_was_ever_shown(
    qtbot: QtBot, work_ctx: AppContext, settings: QSettings, wait_ops: Wait, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Pages are built on first show: File → เปิดไฟล์ฐานข้อมูล… (Ctrl+O) builds the Settings page
    it works through, and a page first shown after the switch reads the new database."""
    other = tmp_path / "other-office.db"
    open_app(str(other), create=True).close()
    monkeypatch.setattr(settings_module, "choose_database_file", lambda parent, start: str(other))
    monkeypatch.setattr(settings_module, "sign_in_to", _first_admin)
    win = MainWindow(work_ctx, settings)
    win.close_context = lambda old: None  # work_ctx is the fixture's to close
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    wait_ops()
    assert win.settings_page is None  # never shown, so never built
    try:
        win.menus.open_action.trigger()
        wait_ops()
        assert win.ctx is not work_ctx and win.ctx.database_display == str(other)
        assert win.settings_page is not None and win.settings_page.ctx is win.ctx
        win.show_page("people")  # first shown now, on the new (empty) database
        wait_ops()
        assert win.page("people").ctx is win.ctx
        assert win.page("people").model.rowCount() == 0  # type: ignore[attr-defined]
    finally:
        if win.ctx is not work_ctx:
            win.ctx.close()


def test_leaving_the_sign_in_keeps_the_current_database(
    window: MainWindow, work_ctx: AppContext, settings: QSettings, wait_ops: Wait, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    other = tmp_path / "other-office.db"
    open_app(str(other), create=True).close()
    monkeypatch.setattr(settings_module, "choose_database_file", lambda parent, start: str(other))
    monkeypatch.setattr(settings_module, "sign_in_to", lambda db, parent: None)
    page = _page(window)
    page.ui.openFileButton.click()
    wait_ops()
    assert window.ctx is work_ctx
    assert page.ui.databaseMessage.text() == "ไม่ได้ลงชื่อเข้าใช้ — ยังใช้ฐานข้อมูลเดิม"
    assert settings.value(LAST_DATABASE_KEY) is None
    open_app(str(other)).close()  # the file was closed again (its one-program lock released)


@pytest.mark.pg
def test_server_test_and_connect_never_keep_the_password(
    window: MainWindow, work_ctx: AppContext, settings: QSettings, wait_ops: Wait, pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from sqlalchemy.engine import make_url

    with_password = make_url(pg_url).set(password="S3cret-pw").render_as_string(hide_password=False)
    monkeypatch.setattr(settings_module, "sign_in_to", _first_admin)
    page = _page(window)
    assert "พร้อมใช้งาน" in _tested(page, with_password, wait_ops)  # the test cluster trusts local users
    page.ui.connectButton.click()
    wait_ops()
    assert window.ctx.is_server
    remembered = str(settings.value(LAST_DATABASE_KEY))
    assert remembered.startswith("postgresql+psycopg://") and "S3cret-pw" not in remembered
    assert "S3cret-pw" not in window.database_label.text() + page.ui.currentDatabase.text()


def test_language_choice_is_remembered_per_machine(window: MainWindow, settings: QSettings, qtbot: QtBot) -> None:
    page = _page(window)
    try:
        page.choose_language("en")
        assert settings.value(i18n.SETTINGS_KEY) == "en"
        qtbot.waitUntil(lambda: page.ui.saveButton.text() == "Save settings", timeout=5000)
        assert page.ui.languageCombo.currentData() == "en"
    finally:
        page.choose_language("th")
    assert settings.value(i18n.SETTINGS_KEY) == "th" and i18n.current_language() == "th"


def test_new_meeting_starts_in_the_default_series(qtbot: QtBot, work_ctx: AppContext) -> None:
    from sbpac_desktop.gui.dialogs.meeting_dialog import MeetingDialog

    second = meetings.create_series(work_ctx.db, work_ctx.actor, "หารือคณะทำงานด้านเศรษฐกิจ")  # sorts last
    first = meetings.list_series(work_ctx.db, work_ctx.actor)[0]
    assert first.id != second.id
    dialog = MeetingDialog(work_ctx)
    qtbot.addWidget(dialog)
    lists_filled(qtbot, dialog)
    assert dialog.series.value() == first.id  # without a default: the first series
    current = org_settings.get_settings(work_ctx.db, work_ctx.actor)
    org_settings.update_settings(work_ctx.db, work_ctx.actor, SettingsInput(True, second.id), current.version)
    dialog = MeetingDialog(work_ctx)
    qtbot.addWidget(dialog)
    lists_filled(qtbot, dialog)
    assert dialog.series.value() == second.id
    assert dialog.title_edit.text() == "หารือคณะทำงานด้านเศรษฐกิจ"  # the series' name, no meeting yet


def test_switching_to_a_database_with_accounts_asks_for_a_sign_in(
    window: MainWindow, work_ctx: AppContext, wait_ops: Wait, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:  # fmt: skip
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sbpac_desktop.gui.dialogs.sign_in import SignInDialog
    from sbpac_desktop.services.app import open_unsigned

    other = tmp_path / "accounts.db"
    db = open_unsigned(str(other), create=True)
    auth.create_first_admin(db, "somchai", "นายสมชาย ใจดี", PASSWORD)
    db.close()
    monkeypatch.setattr(settings_module, "choose_database_file", lambda parent, start: str(other))

    def type_password() -> None:  # what the clerk does in the real dialog
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible())
        dialog.login.setText("somchai")
        dialog.password.setText(PASSWORD)
        dialog.submit()

    _page(window).ui.openFileButton.click()
    QTimer.singleShot(200, type_password)
    wait_ops()
    qtbot.waitUntil(lambda: window.ctx is not work_ctx, timeout=5000)
    assert window.ctx.actor.login == "somchai" and window.ctx.database_display == str(other)


def test_start_up_reopens_the_remembered_database_or_falls_back(tmp_path: Path, qapp: object) -> None:
    from sbpac_desktop.gui import app as gui_app
    from sbpac_desktop.gui.main_window import app_settings

    remembered = tmp_path / "remembered.db"
    open_app(str(remembered), create=True).close()
    machine = app_settings()
    try:
        machine.setValue(LAST_DATABASE_KEY, str(remembered))
        ctx = gui_app._open_context(None, {}, smoke=True)
        assert ctx is not None and ctx.database_display == str(remembered)
        ctx.close()
        other = tmp_path / "given.db"  # --db / SBPAC_DB still win over the remembered one
        open_app(str(other), create=True).close()
        ctx = gui_app._open_context(str(other), {}, smoke=True)
        assert ctx is not None and ctx.database_display == str(other)
        ctx.close()
        remembered.unlink()  # moved away since: the default database opens instead
        ctx = gui_app._open_context(None, {}, smoke=True)
        assert ctx is not None and ctx.db.location.is_default
        ctx.close()
    finally:
        machine.remove(LAST_DATABASE_KEY)


def _add_series(qtbot: QtBot, page: SeriesPage, name: str, wait_ops: Wait) -> None:
    """Through the series page's own dialog, as a secretary adds one (a name is all it needs)."""
    qtbot.waitUntil(page.add_button.isEnabled)
    page.add_button.click()
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.name_edit, name)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save_button.click()
    wait_ops()


def _deactivate(qtbot: QtBot, page: SeriesPage, name: str, wait_ops: Wait) -> None:
    page.select(next(s.id for s in page.rows if s.name == name))
    assert page.active_button.text() == "ระงับการใช้งาน"
    page.active_button.click()
    wait_ops()
    qtbot.waitUntil(lambda: not next(s for s in page.rows if s.name == name).active)


def test_a_series_added_or_deactivated_later_is_offered_without_losing_the_form(
    qtbot: QtBot,
    first_admin_window: MainWindow,  # noqa: F811 - pytest passes the imported fixture by name
    wait_ops: Wait,
) -> None:
    """A fresh office: the settings page was seen before any series existed. The series page's
    saves must reach its list at once, and the unsaved digits choice and series pick must stay."""
    window = first_admin_window
    window.show_page("settings")
    wait_ops()
    page = _page(window)
    combo = page.ui.seriesCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["— ไม่ระบุ —"]
    page.ui.arabicDigitsRadio.setChecked(True)  # changed, not saved
    window.show_page("series")
    wait_ops()
    series_page = window.page("series")
    assert isinstance(series_page, SeriesPage)
    first, second = "การประชุมคณะทำงานขับเคลื่อนการพัฒนา", "การประชุมหัวหน้าส่วนราชการ"
    _add_series(qtbot, series_page, first, wait_ops)
    _add_series(qtbot, series_page, second, wait_ops)
    window.show_page("settings")
    wait_ops()
    assert sorted(combo.itemText(i) for i in range(1, combo.count())) == sorted([first, second])
    assert page.ui.arabicDigitsRadio.isChecked()
    combo.setCurrentIndex(combo.findText(second))  # picked, not saved
    window.show_page("series")
    _deactivate(qtbot, series_page, first, wait_ops)
    assert [combo.itemText(i) for i in range(combo.count())] == ["— ไม่ระบุ —", second]
    assert combo.currentText() == second and page.ui.arabicDigitsRadio.isChecked()
    window.show_page("settings")
    shot(window, "settings_series_kept")
    window.show_page("series")
    _deactivate(qtbot, series_page, second, wait_ops)  # the picked one is gone: none, the rest kept
    assert [combo.itemText(i) for i in range(combo.count())] == ["— ไม่ระบุ —"]
    assert combo.currentData() is None and page.ui.arabicDigitsRadio.isChecked()
    assert page.form_input() == SettingsInput(False, None)
    window.show_page("settings")
    shot(window, "settings_after_series_deactivated")
