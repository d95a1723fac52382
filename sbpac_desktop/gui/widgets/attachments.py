"""Files attached to an agenda item, a meeting or a progress report (ไฟล์แนบ).

Add (a file dialog), open (a read-only temporary copy, shown by the desktop's viewer) and
remove. Before the record exists (a new agenda item or report), picked files wait in the
list and `attach_all` stores them with the record's save, in the same background job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.errors import confirm, present_error
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services import attachments
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.attachment_names import safe_file_name
from sbpac_desktop.services.attachments import AttachmentView, OwnerKind

ROLE_VIEW = Qt.ItemDataRole.UserRole + 1  # AttachmentView, or the Path of a file still to attach

T = TypeVar("T")


@dataclass(frozen=True)
class AttachFailure:
    name: str
    message: str


def attach_all(ctx: AppContext, kind: OwnerKind, owner_id: int, paths: Sequence[Path]) -> list[AttachFailure]:
    """Worker thread: store each waiting file; a file that fails is reported, not fatal."""
    failures = []
    for path in paths:
        try:
            attachments.add_attachment(ctx.db, ctx.actor, kind, owner_id, path)
        except AppError as error:
            failures.append(AttachFailure(safe_file_name(path.name), error_text(error)))
    return failures


def report_failures(parent: QWidget | None, failures: Sequence[AttachFailure]) -> None:
    if not failures:
        return
    lines = [QCoreApplication.translate("attachments", "บันทึกแล้ว แต่แนบไฟล์ต่อไปนี้ไม่สำเร็จ:")]
    lines += [f"• {failure.message}" for failure in failures]
    present_error(parent, AppError("\n".join(lines), "Saved, but some files were not attached"))


def open_with_desktop(path: Path) -> bool:
    """Module-level so tests can stand in for the desktop's file viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsWidget(QWidget):
    changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        kind: OwnerKind,
        owner_id: int | None = None,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        allow_pending: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachments")
        self.ctx = ctx
        self.kind = kind
        self.owner_id = owner_id
        self.read_only = read_only
        self.allow_pending = allow_pending  # False: with no record shown there is nothing to attach to
        self.operation: Operation[Any] | None = None  # the one call running, whatever it returns
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setMinimumHeight(60)
        self.list.setMaximumHeight(120)  # a few files; the form keeps its room
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_button = QPushButton(self.tr("แนบไฟล์…"), self)
        self.add_button.setObjectName("addAttachment")
        self.open_button = QPushButton(self.tr("เปิดดู"), self)
        self.open_button.setObjectName("openAttachment")
        self.remove_button = QPushButton(self.tr("นำออก"), self)
        self.remove_button.setObjectName("removeAttachment")
        self.note = QLabel(self)
        self.note.setObjectName("attachmentNote")
        self.note.setWordWrap(True)
        self.add_button.clicked.connect(self.choose_and_add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = flush(QHBoxLayout())
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = flush(QVBoxLayout(self), spacing=4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._show_note()
        if owner_id is not None:
            self.reload()
        self._update_buttons()

    # --- state -----------------------------------------------------------------------
    def views(self) -> list[AttachmentView]:
        items = (self.list.item(row).data(ROLE_VIEW) for row in range(self.list.count()))
        return [item for item in items if isinstance(item, AttachmentView)]

    def pending_paths(self) -> list[Path]:
        items = (self.list.item(row).data(ROLE_VIEW) for row in range(self.list.count()))
        return [item for item in items if isinstance(item, Path)]

    def set_owner(self, owner_id: int | None) -> None:
        """Follow the record shown beside the list (the agenda editor's selected item)."""
        self.owner_id = owner_id
        self.list.clear()
        self._show_note()
        self.reload()
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def _show_note(self) -> None:
        limit = digits(str(attachments.MAX_ATTACHMENT_BYTES // (1024 * 1024)))
        text = self.tr("ไฟล์ละไม่เกิน {limit} MB; เปิดดูเป็นสำเนาอ่านอย่างเดียว").format(limit=limit)
        if self.owner_id is None and self.allow_pending:
            text = self.tr("ไฟล์จะถูกแนบเมื่อกดบันทึก — ") + text
        self.note.setText(text)

    def _update_buttons(self) -> None:
        busy = self.operation is not None
        selected = self.list.currentItem() is not None
        has_owner = self.owner_id is not None or self.allow_pending
        self.add_button.setEnabled(not self.read_only and not busy and has_owner)
        self.open_button.setEnabled(selected and not busy and self._selected_view() is not None)
        self.remove_button.setEnabled(selected and not self.read_only and not busy)

    def _selected_view(self) -> AttachmentView | None:
        item = self.list.currentItem()
        value = item.data(ROLE_VIEW) if item else None
        return value if isinstance(value, AttachmentView) else None

    def _fill(self, views: Sequence[AttachmentView], pending: Sequence[Path] = ()) -> None:
        self.list.clear()
        for view in views:
            item = QListWidgetItem(f"{view.name}  ({digits(view.size_text())})")
            item.setData(ROLE_VIEW, view)
            item.setToolTip(f"SHA-256 {view.sha256}")
            self.list.addItem(item)
        for path in pending:
            item = QListWidgetItem(self.tr("{name}  (รอบันทึก)").format(name=safe_file_name(path.name)))
            item.setData(ROLE_VIEW, path)
            self.list.addItem(item)
        self._update_buttons()

    # --- actions ---------------------------------------------------------------------
    def _run(self, call: Callable[[], T], done: Callable[[T], object]) -> None:
        def finished(result: T) -> None:
            self.operation = None
            done(result)
            self._update_buttons()

        def failed(error: BaseException) -> None:
            self.operation = None
            self._update_buttons()
            present_error(self, error)

        operation = Operation(self, call)
        self.operation = operation
        operation.success(finished).failure(failed).run()
        self._update_buttons()

    def reload(self) -> None:
        if self.owner_id is None:
            return
        ctx, kind, owner = self.ctx, self.kind, self.owner_id
        self._run(lambda: attachments.list_attachments(ctx.db, ctx.actor, kind, owner), self._loaded)

    def _loaded(self, views: list[AttachmentView]) -> None:
        self._fill(views)

    def choose_and_add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("เลือกไฟล์ที่จะแนบ"))
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Check each file now (exists, readable, size); store it now or with the record's save."""
        ctx, kind, owner = self.ctx, self.kind, self.owner_id
        chosen = list(paths)
        if owner is None:

            def check() -> list[Path]:
                for path in chosen:
                    attachments.read_source(path)  # a missing or too-big file is refused at once
                return chosen

            self._run(check, lambda ok: self._fill(self.views(), [*self.pending_paths(), *ok]))
            return

        def store() -> tuple[list[AttachFailure], list[AttachmentView]]:
            failures = attach_all(ctx, kind, owner, chosen)
            return failures, attachments.list_attachments(ctx.db, ctx.actor, kind, owner)

        self._run(store, self._stored)

    def _stored(self, result: tuple[list[AttachFailure], list[AttachmentView]]) -> None:
        failures, views = result
        self._fill(views)
        self.changed.emit()
        if failures:
            present_error(self, AppError("\n".join(f.message for f in failures), "Some files were not attached"))

    def open_selected(self) -> None:
        view = self._selected_view()
        if view is None:
            return
        ctx = self.ctx
        self._run(lambda: attachments.open_copy(ctx.db, ctx.actor, view.id), self._opened)

    def _opened(self, path: Path) -> None:
        if not open_with_desktop(path):
            message = self.tr("เปิดไฟล์ไม่ได้ เพราะไม่มีโปรแกรมสำหรับไฟล์ชนิดนี้ — สำเนาอยู่ที่ {path}").format(path=path)
            present_error(self, AppError(message, f"No application opens {path}"))

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.read_only:
            return
        value = item.data(ROLE_VIEW)
        if isinstance(value, Path):  # not stored yet: just drop it from the list
            self.list.takeItem(self.list.row(item))
            self._update_buttons()
            return
        question = self.tr("นำไฟล์ {name} ออกจากรายการแนบ?").format(name=value.name)
        if not confirm(self, self.tr("นำไฟล์แนบออก"), question):
            return
        ctx, kind, owner = self.ctx, self.kind, self.owner_id
        assert owner is not None

        def remove() -> list[AttachmentView]:
            attachments.remove_attachment(ctx.db, ctx.actor, value.id)
            return attachments.list_attachments(ctx.db, ctx.actor, kind, owner)

        self._run(remove, self._removed)

    def _removed(self, views: list[AttachmentView]) -> None:
        self._fill(views)
        self.changed.emit()
