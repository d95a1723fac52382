"""ประวัติการแก้ไข: a record's audit trail, newest first — when, who, what, and each field
before → after in Thai (services.directives.history). Read only; loaded in the background."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import datetime_text, digits, wrappable
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives.history import HistoryEntry, record_history

_ACTION_COLOURS = {"create": "#1b5e20", "update": "#0d47a1", "delete": "#b71c1c", "overwrite": "#e65100"}


def history_html(entries: list[HistoryEntry], own_entity: str) -> str:
    if not entries:
        return f"<p>{escape(QCoreApplication.translate('history', 'ยังไม่มีประวัติ'))}</p>"
    blocks = []
    for entry in entries:
        colour = _ACTION_COLOURS.get(entry.action, "#333333")
        what = entry.action_label + ("" if entry.entity == own_entity else f" {entry.entity_label}")
        head = (
            f"<b>{escape(datetime_text(entry.at))}</b> · {escape(entry.user_name)} · "
            f"<span style='color:{colour}'><b>{escape(what)}</b></span>"
        )
        rows = "".join(
            "<tr>"
            f"<td style='padding:2px 8px 2px 0; color:#555'>{escape(change.label)}</td>"
            f"<td style='padding:2px 8px'>{escape(wrappable(digits(change.before)))}</td>"
            "<td style='padding:2px 4px'>→</td>"
            f"<td style='padding:2px 8px'>{escape(wrappable(digits(change.after)))}</td>"
            "</tr>"
            for change in entry.changes
        )
        table = f"<table cellspacing='0'>{rows}</table>" if rows else ""
        blocks.append(f"<p style='margin-bottom:2px'>{head}</p>{table}")
    return "<hr>".join(blocks)


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, entity: str, entity_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.entries: list[HistoryEntry] | None = None
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("ประวัติการแก้ไข — {title}").format(title=title))
        heading = QLabel(self.tr("ประวัติการแก้ไข: {title} (ล่าสุดอยู่บน)").format(title=title), self)
        heading.setWordWrap(True)
        heading.setObjectName("historyHeading")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("historyText")
        self.browser.setOpenLinks(False)
        self.browser.setPlainText(self.tr("กำลังโหลด…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        db, actor = ctx.db, ctx.actor
        self.operation = Operation(
            self, lambda: record_history(db, actor, entity, entity_id), message=self.tr("กำลังโหลด…")
        )
        self.operation.success(self._loaded).failure(self._failed).run()

    def _loaded(self, entries: list[HistoryEntry]) -> None:
        self.entries = entries
        self.browser.setHtml(history_html(entries, self.entity))

    def _failed(self, error: BaseException) -> None:
        self.browser.setPlainText("")
        present_error(self, error)


def open_history(ctx: AppContext, entity: str, entity_id: int, title: str, parent: QWidget | None) -> HistoryDialog:
    dialog = HistoryDialog(ctx, entity, entity_id, title, parent)
    dialog.open()
    return dialog
