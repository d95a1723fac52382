"""The main window shell: navigation on the left, one page at a time, search and status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from sbpac_desktop.gui.menus import MainMenus
from sbpac_desktop.gui.opening import DEFAULT_SIZE, MINIMUM_SIZE, OpeningState, first_size
from sbpac_desktop.gui.operations import busy_tracker, wait_for_idle
from sbpac_desktop.gui.page_registry import PageEntry, page_entries, preload_later

if TYPE_CHECKING:  # the frame shows before the database layer (SQLAlchemy, the models) is imported
    from sbpac_desktop.gui.pages.base import Page
    from sbpac_desktop.gui.pages.settings import SettingsPage
    from sbpac_desktop.gui.reminders import ReminderController
    from sbpac_desktop.gui.search.results import SearchResultsDialog
    from sbpac_desktop.services.app import AppContext

SETTINGS_ORGANIZATION = "SBPAC"
SETTINGS_APPLICATION = "SBPAC Desktop"
NAV_WIDTH = 180
NAV_ROW = QSize(NAV_WIDTH - 8, 38)  # an administrator's 11 rows fit 960x560 without a scroll bar
SEARCH_WIDTH = 300

PageT = TypeVar("PageT", bound="Page")


def app_settings() -> QSettings:
    return QSettings(SETTINGS_ORGANIZATION, SETTINGS_APPLICATION)


class MainWindow(QMainWindow):
    """`MainWindow(None)` is the frame shown while the database opens (gui/app.py): navigation,
    toolbar and menus disabled, the page area saying so; `attach(ctx)` makes it the window."""

    reminders: ReminderController  # from attach: it reads the signed-in user's directives

    def __init__(
        self, ctx: AppContext | None, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx: AppContext | None = None  # set by attach
        self.settings = settings if settings is not None else app_settings()
        # Closes a database the user switched away from (app.py adds the backup on close).
        self.close_context: Callable[[AppContext], None] = lambda old: old.close()
        self.settings_page: SettingsPage | None = None
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(first_size(self.screen().availableGeometry().size()))
        self.entries = page_entries(self)  # pages are built when first shown (gui/page_registry.py)
        self.nav = self._build_navigation()
        self.stack = QStackedWidget(self)
        self._build_central()
        self._build_toolbar()
        self._build_status_bar()
        self.opening = OpeningState(self)  # the page area until the database is open (gui/opening.py)
        self.menus = MainMenus(self)  # File/Edit/View/Help over the toolbar's actions (gui/menus.py)
        self._shown_once = False
        self._rebuild_queued = False
        self.nav.currentRowChanged.connect(self._switch_to)
        self._restore()
        if ctx is None:
            self.opening.hold()
            self.retranslate_ui()
        else:
            self.attach(ctx)

    @property
    def ctx(self) -> AppContext:
        if self._ctx is None:
            raise RuntimeError("the main window has no database yet (still opening)")
        return self._ctx

    @ctx.setter
    def ctx(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def is_ready(self) -> bool:
        """The database is open and someone signed in: the pages can be built."""
        return self._ctx is not None

    def attach(self, ctx: AppContext) -> None:
        """The database is open: the navigation (with the users page for an administrator), the
        reminders and the actions come alive, and the page the window opens on is built and,
        once the window is on screen, filled."""
        from sbpac_desktop.gui.reminders import install_reminders

        if self._ctx is not None:
            raise RuntimeError("the main window has its database already (switch_context changes it)")
        self._ctx = ctx
        self.reminders = install_reminders(self)  # start-up panel, tray message (gui/reminders.py)
        self.toolbar.insertAction(self.reminders_place, self.reminders.action)
        key = self.opening.key
        self.opening.finish()
        self._refill_navigation()
        self.retranslate_ui()
        self.show_page(key if key in self.page_keys() else "meetings")
        self._switch_to(self.nav.currentRow())
        if self._shown_once:
            preload_later(self)

    # --- construction ------------------------------------------------------------
    def _icon(self, pixmap: QStyle.StandardPixmap) -> QIcon:
        return self.style().standardIcon(pixmap)

    def _build_navigation(self) -> QListWidget:
        nav = QListWidget(self)
        nav.setObjectName("navigation")
        nav.setIconSize(QSize(22, 22))
        nav.setSpacing(1)
        nav.setMinimumWidth(NAV_WIDTH)
        nav.setMaximumWidth(NAV_WIDTH + 80)
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fill_navigation(nav)
        return nav

    def _fill_navigation(self, nav: QListWidget) -> None:
        for entry in self.entries:
            item = QListWidgetItem(entry.icon, entry.label, nav)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setSizeHint(NAV_ROW)

    def _refill_navigation(self) -> None:
        self.entries = page_entries(self)
        self.nav.blockSignals(True)
        self.nav.clear()
        self._fill_navigation(self.nav)
        self.nav.blockSignals(False)
        self.menus.fill_pages()
        if not self.is_ready():
            self.opening.hold_more(self.menus.page_actions)

    def _build_central(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([NAV_WIDTH, DEFAULT_SIZE.width() - NAV_WIDTH])
        self.splitter = splitter
        self.setCentralWidget(splitter)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        reload_icon = self._icon(QStyle.StandardPixmap.SP_BrowserReload)
        self.reload_action = QAction(reload_icon, "", self)
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_action.triggered.connect(self.reload_current)
        toolbar.addAction(self.reload_action)
        self.new_action = QAction(self._icon(QStyle.StandardPixmap.SP_FileIcon), "", self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(lambda: self.current_page().new_record())
        toolbar.addAction(self.new_action)
        self.report_action = QAction(self._icon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", self)
        self.report_action.triggered.connect(self.open_followup_report)
        toolbar.addAction(self.report_action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(lambda: self.current_page().focus_search())
        self.addAction(self.find_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.reminders_place = toolbar.addWidget(spacer)  # the reminders' action goes before it (attach)
        toolbar.addWidget(self._build_search(toolbar))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _build_search(self, parent: QWidget) -> QLineEdit:
        self.search = QLineEdit(parent)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setFixedWidth(SEARCH_WIDTH)
        self.search.returnPressed.connect(self.open_search_results)
        return self.search

    def open_followup_report(self) -> QWidget:
        from sbpac_desktop.gui.dialogs.followup_report_dialog import FollowUpReportDialog

        dialog = FollowUpReportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_search_results(self) -> SearchResultsDialog | None:
        from sbpac_desktop.gui.search.results import show_search_results  # on first search, not at start-up

        return show_search_results(self, self.search.text())

    def _build_status_bar(self) -> None:
        self.database_label = QLabel(self)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setContentsMargins(6, 0, 0, 0)  # the status bar starts at the window's edge: "ฐ" was cut
        self.user_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # indeterminate: "working"
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.hide()
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.user_label)
        tracker = busy_tracker()
        tracker.busy_changed.connect(self.busy_bar.setVisible)
        tracker.message_changed.connect(self.busy_label.setText)

    # --- navigation --------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [entry.key for entry in self.entries]

    def page(self, key: str) -> Page:
        """The page of `key`, built (not loaded) on first use: its module is imported only now."""
        return self._built(self.entries[self.page_keys().index(key)])

    def _built(self, entry: PageEntry) -> Page:
        if entry.page is None:
            entry.page = entry.build()
        if self.stack.indexOf(entry.page) < 0:  # Settings outlives a rebuild: it is already there
            self.stack.addWidget(entry.page)
        return entry.page

    def page_as(self, key: str, kind: type[PageT]) -> PageT:
        """The page of `key` as the class that has the calls wanted (drill-downs, search results)."""
        page = self.page(key)
        if not isinstance(page, kind):
            raise TypeError(f"page {key!r} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def current_key(self) -> str:
        if not self.is_ready():
            return self.opening.key  # the page remembered, not yet shown
        return self.entries[max(self.nav.currentRow(), 0)].key

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_keys().index(key))

    def _switch_to(self, row: int) -> None:
        if row < 0 or not self.is_ready():
            return
        page = self._built(self.entries[row])
        self.stack.setCurrentWidget(page)
        if self._shown_once:
            page.ensure_loaded()

    def current_page(self) -> Page:
        return self._built(self.entries[max(self.nav.currentRow(), 0)])

    def reload_current(self) -> None:
        self.current_page().reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """The first page loads right after the window is on screen, so it never opens late."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self, self._load_current)  # cancelled if the window is gone
            if self.is_ready():
                preload_later(self)  # the other pages' modules, in idle time (else from attach)

    def _load_current(self) -> None:
        if self.is_ready():
            self.current_page().ensure_loaded()

    # --- language and database -----------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every string of the shell; pages are rebuilt (see changeEvent)."""
        self.setWindowTitle(self.tr("SBPAC Desktop — ระบบการประชุมและติดตามข้อสั่งการ ศอ.บต."))
        self.toolbar.setWindowTitle(self.tr("แถบเครื่องมือหลัก"))
        self.reload_action.setText(self.tr("โหลดใหม่"))
        self.reload_action.setToolTip(self.tr("โหลดข้อมูลของหน้านี้ใหม่ (F5)"))
        self.new_action.setText(self.tr("สร้างใหม่"))
        self.new_action.setToolTip(self.tr("สร้างรายการใหม่ในหน้านี้ (Ctrl+N)"))
        self.find_action.setText(self.tr("ค้นหา/กรอง"))
        self.report_action.setText(self.tr("รายงานผลการติดตาม…"))
        self.report_action.setToolTip(self.tr("พิมพ์รายงานผลการติดตามข้อสั่งการเป็น PDF"))
        self.search.setPlaceholderText(self.tr("ค้นหา…"))
        self.search.setToolTip(self.tr("ค้นหาการประชุม ระเบียบวาระ รายงานการประชุม ข้อสั่งการ และรายงานความก้าวหน้า (Enter)"))
        if self.is_ready():
            self._retranslate_status()
        else:
            self.opening.retranslate()
        if getattr(self, "reminders", None) is not None:  # a QObject: no LanguageChange of its own
            self.reminders.retranslate()
        if getattr(self, "menus", None) is not None:
            self.menus.retranslate()

    def _retranslate_status(self) -> None:
        from sbpac_desktop.gui.domain_labels import domain_label  # imported once the database is open
        from sbpac_desktop.services.context import SYSTEM_LOGIN

        self.database_label.setText(self.tr("ฐานข้อมูล: {database}").format(database=self.ctx.database_display))
        actor = self.ctx.actor
        if actor.login == SYSTEM_LOGIN:  # a database without accounts yet: the name says it all
            self.user_label.setText(self.tr("ผู้ใช้: {name}").format(name=actor.display_name))
        else:
            role = domain_label(actor.role.label)
            self.user_label.setText(self.tr("ผู้ใช้: {name} ({role})").format(name=actor.display_name, role=role))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new translator was installed (Settings → language): the shell retranslates in place;
        the pages are built again, which re-reads their data in the new language's labels."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "entries"):
            self.retranslate_ui()
            if not self._rebuild_queued:
                self._rebuild_queued = True  # one rebuild for the burst of events Qt sends
                QTimer.singleShot(0, self, self.rebuild_pages)

    def rebuild_pages(self) -> None:
        """New page widgets for every page but Settings (which switched the language or database
        and must survive its own click); the current page stays selected and reloads."""
        self._rebuild_queued = False
        wait_for_idle()  # an answer for an old page must not arrive at a deleted widget
        key = self.current_key()
        for entry in self.entries:
            if entry.page is not None and entry.page is not self.settings_page:
                self._keep_open_windows(entry.page)
                self.stack.removeWidget(entry.page)
                entry.page.deleteLater()
        self._refill_navigation()  # the current page is built below, the others when shown
        if not self.is_ready():
            return  # still opening: no page yet (the remembered one may be the users page); attach shows it
        self.show_page(key)
        self._switch_to(self.nav.currentRow())

    def _keep_open_windows(self, page: Page) -> None:
        """A meeting window belongs to the page that opened it: when the page is rebuilt for a
        new language, the window (and whatever is typed in it) moves to the main window."""
        for window in page.findChildren(QWidget):
            if window.isWindow() and window.parent() is page:
                visible = window.isVisible()
                window.setParent(self, window.windowFlags())
                window.setVisible(visible)

    def _close_database_windows(self) -> None:
        """Windows working on the old database close (each saves what is pending first)."""
        for window in self.findChildren(QWidget):
            if window.isWindow() and window is not self and hasattr(window, "ctx") and window.ctx is self.ctx:
                window.close()

    def switch_context(self, ctx: AppContext) -> None:
        """Use another database (opened by the Settings page): every page reads from it now."""
        self._close_database_windows()
        wait_for_idle()
        old, self.ctx = self.ctx, ctx
        if self.settings_page is not None:
            self.settings_page.use_context(ctx)
        self.retranslate_ui()
        self.rebuild_pages()
        self.close_context(old)

    # --- window state ------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.opening.key = str(self.settings.value("window/page", "meetings"))

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page", self.current_key())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        wait_for_idle()  # a save under way finishes before the window (and database) goes
        self.save_state()
        super().closeEvent(event)
