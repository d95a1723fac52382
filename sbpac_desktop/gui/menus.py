"""The main window's menu bar: ไฟล์ (open a database, back up, export, follow-up report, quit),
แก้ไข (new, find), มุมมอง (every page with Ctrl+1..n, reload) and ช่วยเหลือ (the user guide, the
keyboard shortcuts read from the window's own actions, about). The menus reuse the toolbar's
actions, so a shortcut is defined once; page actions are rebuilt with the pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from sbpac_desktop import __version__
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.shortcuts_dialog import ShortcutsDialog

if TYPE_CHECKING:
    from sbpac_desktop.gui.main_window import MainWindow
    from sbpac_desktop.services.admin.maintenance import BackupResult

PAGE_KEYS = 9  # Ctrl+1 .. Ctrl+9


def menu_text(label: str) -> str:
    """A page name as a menu item: '&' is Qt's mnemonic mark, 'People & units' needs '&&'."""
    return label.replace("&", "&&")


def _action(
    parent: QObject, slot: Callable[[], object], shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
) -> QAction:
    action = QAction(parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


class MainMenus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QWidget | None = None  # the last dialog opened from a menu (kept alive, tests read it)
        self.operation: Operation[Any] | None = None
        bar = window.menuBar()
        bar.setObjectName("menuBar")
        self.file_menu = self._file_menu(bar.addMenu(""))
        self.edit_menu = self._edit_menu(bar.addMenu(""))
        self.view_menu = bar.addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.page_actions: list[QAction] = []
        self.fill_pages()
        self.help_menu = self._help_menu(bar.addMenu(""))
        self.retranslate()

    # --- construction ------------------------------------------------------------------
    def _file_menu(self, menu: QMenu) -> QMenu:
        menu.setObjectName("fileMenu")
        self.open_action = _action(self, self.open_database, QKeySequence.StandardKey.Open)
        self.backup_action = _action(self, self.backup)
        self.export_action = _action(self, self.export_directives)
        self.quit_action = _action(self, self.window.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        menu.addActions([self.open_action, self.backup_action])
        menu.addSeparator()
        menu.addActions([self.export_action, self.window.report_action])
        menu.addSeparator()
        menu.addAction(self.quit_action)
        return menu

    def _edit_menu(self, menu: QMenu) -> QMenu:
        menu.setObjectName("editMenu")
        self.search_action = _action(self, self.focus_search, "Ctrl+K")
        menu.addActions([self.window.new_action, self.window.find_action, self.search_action])
        return menu

    def _help_menu(self, menu: QMenu) -> QMenu:
        menu.setObjectName("helpMenu")
        self.guide_action = _action(self, self.open_guide, QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = _action(self, self.show_shortcuts)
        self.about_action = _action(self, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        menu.addActions([self.guide_action, self.shortcuts_action])
        menu.addSeparator()
        menu.addAction(self.about_action)
        return menu

    def free_actions(self) -> list[QAction]:
        """The actions that need no open database: they stay live while the window opens (About
        names the database, so it waits)."""
        return [self.quit_action, self.guide_action, self.shortcuts_action]

    def fill_pages(self) -> None:
        """One action per page of the navigation, Ctrl+1..n in its order; then reload (F5)."""
        self.view_menu.clear()
        for action in self.page_actions:
            action.deleteLater()
        self.page_actions = []
        for number, entry in enumerate(self.window.entries, start=1):
            action = _action(self, functools.partial(self.window.show_page, entry.key))
            action.setText(menu_text(entry.label))
            action.setIcon(entry.icon)
            if number <= PAGE_KEYS:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            self.page_actions.append(action)
        self.view_menu.addActions(self.page_actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.window.reload_action)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("ไฟล์"))
        self.edit_menu.setTitle(self.tr("แก้ไข"))
        self.view_menu.setTitle(self.tr("มุมมอง"))
        self.help_menu.setTitle(self.tr("ช่วยเหลือ"))
        self.open_action.setText(self.tr("เปิดไฟล์ฐานข้อมูล…"))
        self.backup_action.setText(self.tr("สำรองข้อมูล…"))
        self.export_action.setText(self.tr("ส่งออกข้อสั่งการ…"))
        self.quit_action.setText(self.tr("ออกจากโปรแกรม"))
        self.search_action.setText(self.tr("ค้นหาทั้งระบบ"))
        self.guide_action.setText(self.tr("คู่มือการใช้งาน"))
        self.shortcuts_action.setText(self.tr("แป้นพิมพ์ลัด"))
        self.about_action.setText(self.tr("เกี่ยวกับโปรแกรม"))
        for action, entry in zip(self.page_actions, self.window.entries, strict=False):
            action.setText(menu_text(entry.label))

    # --- what the actions do -------------------------------------------------------------
    def open_database(self) -> None:
        from sbpac_desktop.gui.pages.settings import SettingsPage

        # The Settings page opens it and hands the window the new database (built now if not yet shown).
        self.window.page_as("settings", SettingsPage).open_file()

    def focus_search(self) -> None:
        self.window.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.search.selectAll()

    def export_directives(self) -> None:
        self.window.show_page("directives")
        from sbpac_desktop.gui.pages.directives import DirectivesPage

        self.window.page_as("directives", DirectivesPage).export_tracker()

    def backup(self) -> None:
        """A verified copy of the database file where the user chooses (a USB stick, a share)."""
        from sbpac_desktop.services.admin import maintenance

        location = self.window.ctx.db.location
        database = str(location.sqlite_path) if location.sqlite_path else location.url.render_as_string(False)
        target = choose_backup_file(self.window, f"sbpac-backup-{date.today():%Y%m%d}.db")
        if not target:
            return

        def run() -> BackupResult:
            return maintenance.backup_to_file(database, target, overwrite=True)

        self.operation = Operation(self.window, run, message=self.tr("กำลังสำรองข้อมูล…"))
        self.operation.success(self._backed_up).failure(self._failed).run()

    def _backed_up(self, result: BackupResult) -> None:
        from sbpac_desktop.gui.text import digits  # Thai text tools: not needed for the frame (issue #16)

        self.operation = None
        text = self.tr("สำรองข้อมูลแล้ว: {path} ({size} กิโลไบต์) ตรวจความสมบูรณ์ผ่าน")
        size = digits(f"{max(result.size_bytes // 1024, 1):,}")
        self.window.statusBar().showMessage(text.format(path=result.path, size=size), 20_000)

    def _failed(self, error: BaseException) -> None:
        from sbpac_desktop.gui.errors import present_error

        self.operation = None
        self.dialog = present_error(self.window, error)

    def open_guide(self) -> QWidget:
        from sbpac_desktop.gui.help import GuideWindow

        window = GuideWindow(self.window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        self.dialog = window
        return window

    def show_shortcuts(self) -> QWidget:
        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def show_about(self) -> QMessageBox:
        box = about_box(self.window, self.window.ctx.database_display)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.dialog = box
        return box


def choose_backup_file(parent: QWidget, default_name: str) -> str:
    """One function, so tests can pick the file without a native dialog."""
    title = QCoreApplication.translate("MainMenus", "สำรองข้อมูลไปที่ไฟล์")
    filters = QCoreApplication.translate("MainMenus", "ฐานข้อมูล SQLite (*.db)")
    path, _selected = QFileDialog.getSaveFileName(parent, title, str(Path.home() / default_name), filters)
    return path


def about_box(parent: QWidget, database: str) -> QMessageBox:
    from sbpac_desktop.gui.text import digits

    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("MainMenus", "เกี่ยวกับโปรแกรม"))
    box.setText(
        QCoreApplication.translate("MainMenus", "SBPAC Desktop รุ่น {version}").format(version=digits(__version__))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "MainMenus", "ระบบการประชุมและติดตามข้อสั่งการ ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้ (ศอ.บต.)\nฐานข้อมูล: {database}"
        ).format(database=database)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.button(QMessageBox.StandardButton.Close).setText(QCoreApplication.translate("MainMenus", "ปิด"))
    return box
