"""Reminders (issue #5): directives due soon or overdue for the signed-in user's posts.

At start-up and from the toolbar action the window shows a non-modal panel listing them
(double-click opens the directive in the tracker) and, where the desktop has a system tray,
a tray message with the counts. Without a tray (offscreen, some Linux desktops) the tray
part is skipped quietly: the panel is enough.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QSystemTrayIcon,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.gui.domain_labels import status_text
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import date_text, digits, thai_digits, wrappable

if TYPE_CHECKING:  # installed when the window gets its database, before the ORM loads (gui/database_layer.py)
    from sbpac_desktop.gui.main_window import MainWindow
    from sbpac_desktop.services.app import AppContext
    from sbpac_desktop.services.directives.directive_views import DirectiveRow
    from sbpac_desktop.services.directives.reminders import Reminders

ID_ROLE = Qt.ItemDataRole.UserRole


class RemindersPanel(QDialog):
    """Two groups, overdue then due soon; one row per directive with its status and lead post."""

    open_directive = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersPanel")
        self.setModal(False)
        self.setWindowTitle(self.tr("ข้อสั่งการที่ต้องติดตาม"))
        self.summary = QLabel(self)
        self.summary.setObjectName("remindersSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("remindersTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("ข้อสั่งการ"), self.tr("สถานะ"), self.tr("ผู้รับผิดชอบหลัก")])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QLabel(self.tr("ดับเบิลคลิกเพื่อเปิดข้อสั่งการในหน้าติดตาม"), self))
        layout.addWidget(buttons)
        self.resize(860, 460)

    def show_reminders(self, found: Reminders) -> None:
        self.summary.setText(
            digits(
                self.tr("{scope}: {summary} (ข้อมูล ณ {date})").format(
                    scope=found.scope, summary=found.summary(), date=date_text(found.as_of)
                )
            )
        )
        self.tree.clear()
        for title, rows in ((self.tr("เกินกำหนด"), found.overdue), (self.tr("ใกล้ครบกำหนด"), found.due_soon)):
            group = QTreeWidgetItem(self.tree, [digits(f"{title} ({len(rows)})")])
            group.setFirstColumnSpanned(True)
            for row in rows:
                self._row_item(group, row)
            group.setExpanded(True)
        self.tree.setColumnWidth(0, 420)
        self.tree.setColumnWidth(1, 220)

    def _row_item(self, group: QTreeWidgetItem, row: DirectiveRow) -> None:
        text = wrappable(f"{row.number_text(thai_digits())} {row.text}")
        item = QTreeWidgetItem(group, [text, digits(status_text(row.status)), wrappable(row.lead_label or "-")])
        item.setData(0, ID_ROLE, row.id)
        item.setToolTip(0, row.text)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        directive_id = item.data(0, ID_ROLE)
        if isinstance(directive_id, int):
            self.open_directive.emit(directive_id)


class TrayNotifier(QObject):
    """A tray icon only where the platform has a tray; `notify` says whether a message went out."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("SBPAC Desktop")

    @property
    def available(self) -> bool:
        return self.tray is not None

    def notify(self, found: Reminders) -> bool:
        if self.tray is None or not found.total:
            return False
        self.tray.show()
        self.tray.showMessage(
            self.tr("ข้อสั่งการที่ต้องติดตาม"), digits(found.summary()), QSystemTrayIcon.MessageIcon.Information
        )
        return True


class ReminderController(QObject):
    """Owns the action, the panel and the tray; the window only calls `at_startup`."""

    shown = Signal(object)  # the Reminders the panel now shows (tests wait on it)

    def __init__(self, window: MainWindow, today: date | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        self.panel: RemindersPanel | None = None
        self.operation: Operation[Any] | None = None
        self.last: Reminders | None = None
        self.tray = TrayNotifier(window)
        self.action = QAction(window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), "", window)
        self.action.setObjectName("remindersAction")
        self.retranslate()
        self.action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action.triggered.connect(lambda: self.check(show_empty=True))

    def retranslate(self) -> None:
        """Also called by the main window when the interface language changes."""
        self.action.setText(self.tr("แจ้งเตือน"))
        self.action.setToolTip(self.tr("ข้อสั่งการที่ใกล้ครบกำหนดหรือเกินกำหนด (Ctrl+Shift+R)"))

    @property
    def ctx(self) -> AppContext:
        return self.window.ctx

    def at_startup(self) -> None:
        """Show the panel (and a tray message) only when something needs attention."""
        self.check(show_empty=False)

    def check(self, show_empty: bool) -> None:
        if self.operation is not None:
            return
        from sbpac_desktop.services.directives.reminders import reminders  # the ORM's: loaded after the first page

        db, actor, today = self.ctx.db, self.ctx.actor, self.today
        self.operation = Operation(self.window, lambda: reminders(db, actor, today), busy=[])
        self.operation.success(lambda found: self._loaded(found, show_empty)).failure(self._failed).run()

    def _loaded(self, found: Reminders, show_empty: bool) -> None:
        self.operation = None
        self.last = found
        if found.total or show_empty:
            panel = self._panel()
            panel.show_reminders(found)
            panel.show()
            panel.raise_()
        self.tray.notify(found)
        self.shown.emit(found)

    def _failed(self, error: BaseException) -> None:
        self.operation = None
        present_error(self.window, error)

    def _panel(self) -> RemindersPanel:
        if self.panel is None:
            self.panel = RemindersPanel(self.window)
            self.panel.open_directive.connect(self._open_directive)
        return self.panel

    def _open_directive(self, directive_id: int) -> None:
        show_page = getattr(self.window, "show_page", None)
        page_of = getattr(self.window, "page", None)
        if show_page is None or page_of is None:
            return
        show_page("directives")
        page = page_of("directives")
        apply_filter = getattr(page, "apply_filter", None)
        if apply_filter is not None:  # every filter cleared, so the directive is in the list
            from sbpac_desktop.services.directives.directive_views import DirectiveFilter

            apply_filter(DirectiveFilter(), select_id=directive_id)


def install_reminders(window: MainWindow, today: date | None = None) -> ReminderController:
    return ReminderController(window, today)
