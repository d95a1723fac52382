"""ตั้งค่า (Settings): interface language, digits in documents, default series, database location.

The form is the Designer form ui/settings_page.ui. Language and database are choices of this
machine (QSettings); digits and the default series belong to the whole office (the database's
setting table, through services.settings). Switching database opens the new one off the GUI
thread and hands it to the main window (`database_opened`); until it opens, nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from sbpac_desktop import logs
from sbpac_desktop.domain.errors import AppError, ConflictError, ValidationError
from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.forms.ui_settings_page import Ui_SettingsPage
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import HEADING_SCALE, Page
from sbpac_desktop.gui.startup import LAST_DATABASE_KEY
from sbpac_desktop.gui.widgets.scrolling import ScrollBody, scrolling
from sbpac_desktop.services import auth
from sbpac_desktop.services import settings as org_settings
from sbpac_desktop.services.admin.database_check import DatabaseCheck, check_database, location_to_remember
from sbpac_desktop.services.app import AppContext, Database, open_unsigned
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.meetings import series as meeting_series
from sbpac_desktop.services.meetings.series import SeriesView
from sbpac_desktop.services.people import office
from sbpac_desktop.services.settings import OrgSettings, SettingsInput

OK_STYLE = "color: #1b6e20;"
PROBLEM_STYLE = "color: #b3261e;"


def remember_database(settings: QSettings, ctx: AppContext) -> None:
    """The database to reopen next time (a server's URL without its password)."""
    settings.setValue(LAST_DATABASE_KEY, location_to_remember(ctx))
    settings.sync()


def sign_in_to(db: Database, parent: QWidget) -> Actor | None:
    """Who acts on the database just opened: the same dialogs as at start-up (the first
    administrator on a database without accounts, else a sign-in). None: the user gave up."""
    from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog, SignInDialog

    where = db.location.display
    dialog: FirstAdminDialog | SignInDialog
    if auth.needs_first_admin(db):
        dialog = FirstAdminDialog(lambda login, name, pw: auth.create_first_admin(db, login, name, pw), where, parent)
    else:
        dialog = SignInDialog(lambda login, password: auth.sign_in(db, login, password), where, parent)
    return dialog.actor if dialog.exec() else None


def choose_database_file(parent: QWidget, start: str) -> str:
    """One function, so tests can pick the file without a native dialog."""
    title = QCoreApplication.translate("SettingsPage", "เปิดไฟล์ฐานข้อมูล")
    filters = QCoreApplication.translate("SettingsPage", "ฐานข้อมูล SQLite (*.db *.sqlite *.sqlite3);;ทุกไฟล์ (*)")
    path, _selected = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


class SettingsPage(Page):
    language_changed = Signal(str)
    database_opened = Signal(object)  # a new AppContext; the main window takes it over

    def __init__(self, ctx: AppContext, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.settings = settings
        self.ui = Ui_SettingsPage()
        self.body = ScrollBody(self)  # the form scrolls on a short window (960x560) instead of squeezing
        self.ui.setupUi(self.body)
        self.scroll_area = scrolling(self, self.body, "settingsScroll")
        font = QFont(self.ui.heading.font())
        font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        font.setBold(True)
        self.ui.heading.setFont(font)
        self.current: OrgSettings | None = None
        self.series: list[SeriesView] = []
        self.ui.documentsMessage.hide()
        self.ui.databaseMessage.hide()
        self._fill_languages()
        self._add_office_button()
        self._connect()
        self.show_location()
        # the series were read when the page first showed: one added or deactivated since on the
        # series page must be offered (or withdrawn) without a restart
        app_events().series_changed.connect(self._series_changed)  # bound method: disconnected on delete

    def _connect(self) -> None:
        ui = self.ui
        ui.languageCombo.activated.connect(lambda _index: self.choose_language(ui.languageCombo.currentData()))
        ui.saveButton.clicked.connect(self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        ui.openFileButton.clicked.connect(self.open_file)
        ui.testButton.clicked.connect(self.test_connection)
        ui.connectButton.clicked.connect(lambda: self.open_database(ui.urlEdit.text()))
        ui.urlEdit.returnPressed.connect(self.test_connection)
        ui.urlEdit.textEdited.connect(lambda _text: self._say(ui.databaseMessage, "", ok=True))

    # --- the issuing office for letters (the database) ---------------------------------------
    def _add_office_button(self) -> None:
        self.office_button = QPushButton(self.tr("ข้อมูลส่วนราชการและตราสัญลักษณ์…"), self.ui.documentsGroup)
        self.office_button.setObjectName("officeButton")
        self.office_button.setToolTip(self.tr("ชื่อ ที่อยู่ โทรศัพท์ รหัสหนังสือ และตราสัญลักษณ์ ที่พิมพ์บนหนังสือราชการ"))
        self.office_button.clicked.connect(self.edit_office)
        self.ui.documentsForm.addRow(self.office_button)

    def edit_office(self) -> None:
        """Load the office's details off the GUI thread, then open the dialog on them."""
        ctx = self.ctx
        op = Operation(self, lambda: office.get_office(ctx.db, ctx.actor), message=self.tr("กำลังโหลด…"))
        op.success(self._open_office).failure(lambda error: self._failed(self.ui.documentsMessage, error)).run()

    def _open_office(self, current: office.OfficeDetails) -> None:
        from sbpac_desktop.gui.dialogs.office_dialog import OfficeDialog

        self.office_dialog = OfficeDialog(self.ctx, current, self)
        self.office_dialog.open()

    # --- language (this machine) ----------------------------------------------------
    def _fill_languages(self) -> None:
        combo = self.ui.languageCombo
        combo.clear()
        for code, name in i18n.language_names().items():
            combo.addItem(name, code)
        combo.setCurrentIndex(combo.findData(i18n.current_language()))

    def choose_language(self, language: str) -> None:
        if language == i18n.current_language():
            return
        i18n.install_language(language)  # Qt sends LanguageChange to every widget
        i18n.save_language(self.settings, i18n.current_language())
        self.language_changed.emit(i18n.current_language())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.office_button.setText(self.tr("ข้อมูลส่วนราชการและตราสัญลักษณ์…"))
        self._fill_languages()
        self._fill_series()
        self.show_location()

    # --- office settings (the database) ---------------------------------------------------
    def reload(self) -> None:
        super().reload()
        ctx = self.ctx
        self.show_location()

        def load() -> tuple[OrgSettings, list[SeriesView]]:
            # the active series only: a new meeting (which the default preselects) cannot go to another
            return org_settings.get_settings(ctx.db, ctx.actor), meeting_series.list_series(ctx.db, ctx.actor)

        op = Operation(self, load, message=self.tr("กำลังโหลดการตั้งค่า…"))
        op.success(self._show_settings).failure(lambda error: self._failed(self.ui.documentsMessage, error)).run()

    def _show_settings(self, loaded: tuple[OrgSettings, list[SeriesView]]) -> None:
        self.current, self.series = loaded
        radio = self.ui.thaiDigitsRadio if self.current.thai_digits else self.ui.arabicDigitsRadio
        radio.setChecked(True)
        self._fill_series()

    def _fill_series(self) -> None:
        combo = self.ui.seriesCombo
        wanted = combo.currentData() if combo.count() else (self.current and self.current.default_series_id)
        combo.clear()
        combo.addItem(self.tr("— ไม่ระบุ —"), None)
        for series in self.series:
            combo.addItem(series.name, series.id)
        index = combo.findData(wanted)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _series_changed(self) -> None:
        """Read only the list of series again: the digits choice and a series picked but not yet
        saved stay as the user left them (a pick whose series is gone falls back to none)."""
        if self.current is None:  # not read yet, or another database opening: its reload reads them
            return
        ctx = self.ctx
        op = Operation(self, lambda: meeting_series.list_series(ctx.db, ctx.actor))
        op.success(self._series_read).failure(lambda error: self._failed(self.ui.documentsMessage, error)).run()

    def _series_read(self, series: list[SeriesView]) -> None:
        self.series = series
        self._fill_series()

    def form_input(self) -> SettingsInput:
        return SettingsInput(self.ui.thaiDigitsRadio.isChecked(), self.ui.seriesCombo.currentData())

    def save(self) -> None:
        ctx, data = self.ctx, self.form_input()
        version = self.current.version if self.current else None
        self._say(self.ui.documentsMessage, "", ok=True)
        op = Operation(self, lambda: org_settings.update_settings(ctx.db, ctx.actor, data, version))
        op.success(self._saved).failure(lambda error: self._failed(self.ui.documentsMessage, error))
        op.busy_widgets.append(self.ui.saveButton)
        op.run()

    def _saved(self, saved: OrgSettings) -> None:
        self.current = saved
        self._say(self.ui.documentsMessage, self.tr("บันทึกการตั้งค่าแล้ว"), ok=True)

    # --- database (this machine) ------------------------------------------------------
    def show_location(self) -> None:
        kind = self.tr("เซิร์ฟเวอร์ PostgreSQL") if self.ctx.is_server else self.tr("ไฟล์ SQLite")
        self.ui.currentDatabase.setText(f"{self.ctx.database_display}  ({kind})")
        self.ui.logPath.setText(str(logs.log_path()))

    def open_file(self) -> None:
        start = "" if self.ctx.is_server else self.ctx.database_display
        path = choose_database_file(self, start)
        if path:
            self.open_database(path)

    def test_connection(self) -> None:
        raw = self.ui.urlEdit.text()
        self._say(self.ui.databaseMessage, self.tr("กำลังทดสอบการเชื่อมต่อ…"), ok=True)
        op = Operation(self, lambda: check_database(raw), message=self.tr("กำลังทดสอบการเชื่อมต่อ…"))
        op.success(self._tested).failure(lambda error: self._failed(self.ui.databaseMessage, error))
        op.busy_widgets += [self.ui.testButton, self.ui.connectButton]
        op.run()

    def _tested(self, result: DatabaseCheck) -> None:
        self._say(self.ui.databaseMessage, result.message(i18n.current_language()), ok=result.usable)

    def open_database(self, raw: str) -> None:
        """Open `raw` in the background; on success the main window switches to it."""
        if not raw.strip():
            self._say(self.ui.databaseMessage, self.tr("กรุณาระบุไฟล์ฐานข้อมูลหรือที่อยู่เซิร์ฟเวอร์"), ok=False)
            return
        if raw.strip() in (self.ctx.database_display, str(self.ctx.db.location.url)):
            self._say(self.ui.databaseMessage, self.tr("กำลังใช้ฐานข้อมูลนี้อยู่แล้ว"), ok=True)
            return
        self._say(self.ui.databaseMessage, self.tr("กำลังเปิดฐานข้อมูล…"), ok=True)
        buttons = [self.ui.openFileButton, self.ui.testButton, self.ui.connectButton]
        op = Operation(self, lambda: open_unsigned(raw.strip()), message=self.tr("กำลังเปิดฐานข้อมูล…"), busy=buttons)
        op.success(self._opened).failure(lambda error: self._failed(self.ui.databaseMessage, error))
        op.run()

    def _opened(self, db: Database) -> None:
        try:
            actor = sign_in_to(db, self)
        except BaseException:
            db.close()
            raise
        if actor is None:
            db.close()
            self._say(self.ui.databaseMessage, self.tr("ไม่ได้ลงชื่อเข้าใช้ — ยังใช้ฐานข้อมูลเดิม"), ok=False)
            return
        ctx = AppContext(db, actor)
        remember_database(self.settings, ctx)
        self._say(self.ui.databaseMessage, self.tr("เปิดฐานข้อมูลแล้ว"), ok=True)
        self.database_opened.emit(ctx)

    def use_context(self, ctx: AppContext) -> None:
        """The main window switched: show the new database and reload its settings."""
        self.ctx = ctx
        self.current = None
        self.ui.seriesCombo.clear()
        self.show_location()
        if self.loaded:
            self.reload()

    # --- messages next to the fields ----------------------------------------------------
    def _say(self, label: QLabel, text: str, *, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)
        label.setText(text)
        label.setVisible(bool(text))

    def _failed(self, label: QLabel, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            text = "\n".join(i18n.problem_text(problem) for problem in error.problems)
        elif isinstance(error, ConflictError | AppError):
            text = i18n.error_text(error)
        else:
            from sbpac_desktop.gui.errors import present_error  # a bug: the one error dialog

            present_error(self, error)
            return
        self._say(label, text, ok=False)
