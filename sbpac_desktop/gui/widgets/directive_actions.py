"""Workflow buttons under the selected directive: block / unblock, ask for an extension,
decide on it, ask for closure, acknowledge closure. Only the actions the signed-in user may
take on this directive (services.directives.workflow says which) are shown."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QPushButton, QWidget

from sbpac_desktop.gui.dialogs.form import DialogT
from sbpac_desktop.gui.dialogs.workflow_dialogs import (
    BlockDialog,
    ClosureDecisionDialog,
    ClosureRequestDialog,
    ExtensionDecisionDialog,
    ExtensionRequestDialog,
)
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import blocking
from sbpac_desktop.services.directives.directives import DirectiveDetail
from sbpac_desktop.services.directives.workflow import WorkflowView


class DirectiveActions(QWidget):
    changed = Signal(object)  # the DirectiveDetail a service returned

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today
        self.detail: DirectiveDetail | None = None
        self.workflow: WorkflowView | None = None
        self.dialog: QDialog | None = None
        self.operation: Operation[Any] | None = None
        self.block_button = self._button("blockButton", self.tr("แจ้งติดขัด…"), self.block)
        self.unblock_button = self._button("unblockButton", self.tr("ยกเลิกติดขัด"), self.unblock)
        self.extend_button = self._button("extendButton", self.tr("ขอขยายเวลา…"), self.request_extension)
        self.decide_button = self._button("decideExtensionButton", self.tr("พิจารณาขยายเวลา…"), self.decide_extension)
        self.request_close_button = self._button("requestClosureButton", self.tr("ขอปิดเรื่อง…"), self.request_closure)
        self.close_button = self._button("acknowledgeClosureButton", self.tr("รับทราบ/ปิดเรื่อง…"), self.decide_closure)
        self.buttons = (
            self.block_button,
            self.unblock_button,
            self.extend_button,
            self.decide_button,
            self.request_close_button,
            self.close_button,
        )
        self.grid = flush(QGridLayout(self), spacing=4)
        self.set_directive(None, None)

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def set_directive(self, detail: DirectiveDetail | None, workflow: WorkflowView | None) -> None:
        self.detail, self.workflow = detail, workflow
        w = workflow
        open_ = bool(w and w.is_open)
        acts = bool(w and w.can_act and open_)
        decides = bool(w and w.can_decide and open_)
        shown = {
            self.block_button: acts and w is not None and w.blocked_reason is None,
            self.unblock_button: acts and w is not None and w.blocked_reason is not None,
            self.extend_button: acts and w is not None and w.pending_extension is None,
            self.decide_button: decides and w is not None and w.pending_extension is not None,
            self.request_close_button: acts and not decides and w is not None and w.pending_closure is None,
            self.close_button: decides,
        }
        for button in self.buttons:
            self.grid.removeWidget(button)
            button.setVisible(shown[button])
        visible = [b for b in self.buttons if shown[b]]
        for index, button in enumerate(visible):  # two a row: the pane is narrow
            self.grid.addWidget(button, index // 2, index % 2)
        self.setVisible(bool(visible))

    # --- actions ---------------------------------------------------------------------
    def _open(self, dialog: DialogT) -> DialogT:
        dialog.saved.connect(self.changed.emit)
        self.dialog = dialog
        dialog.open()
        return dialog

    def block(self) -> QDialog | None:
        if self.ctx is None or self.detail is None:
            return None
        return self._open(BlockDialog(self.ctx, self.detail, self, today=self.today))

    def unblock(self) -> None:
        if self.ctx is None or self.detail is None or self.operation is not None:
            return
        db, actor, row, today = self.ctx.db, self.ctx.actor, self.detail.row, self.today
        self.operation = Operation(
            self,
            lambda: blocking.unblock(db, actor, row.id, expected_version=row.version, today=today),
            busy=[self.unblock_button],
        )
        self.operation.success(self._unblocked).failure(self._failed).run()

    def _unblocked(self, detail: DirectiveDetail) -> None:
        self.operation = None
        app_events().directives_changed.emit()
        self.changed.emit(detail)

    def _failed(self, error: BaseException) -> None:
        self.operation = None
        present_error(self, error)

    def request_extension(self) -> QDialog | None:
        if self.ctx is None or self.detail is None:
            return None
        return self._open(ExtensionRequestDialog(self.ctx, self.detail, self, today=self.today))

    def decide_extension(self) -> QDialog | None:
        pending = self.workflow.pending_extension if self.workflow else None
        if self.ctx is None or self.detail is None or pending is None:
            return None
        return self._open(ExtensionDecisionDialog(self.ctx, self.detail, pending, self, today=self.today))

    def request_closure(self) -> QDialog | None:
        if self.ctx is None or self.detail is None:
            return None
        return self._open(ClosureRequestDialog(self.ctx, self.detail, self, today=self.today))

    def decide_closure(self) -> QDialog | None:
        if self.ctx is None or self.detail is None or self.workflow is None:
            return None
        return self._open(ClosureDecisionDialog(self.ctx, self.detail, self.workflow, self, today=self.today))
