"""What every editing dialog shares: Save (Ctrl+S) and Cancel, messages next to fields,
the save running as a background operation, and the dialog staying open on any error so
nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import ConflictError, FieldProblem, ValidationError
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.widgets.field_errors import FieldErrors, error_label
from sbpac_desktop.gui.widgets.loading import read_choices
from sbpac_desktop.services.app import AppContext


class ConflictHandler(Protocol):
    """What a dialog that edits a stored record does when its save meets a newer version
    (gui/dialogs/conflict_dialog.ConflictFlow)."""

    def start(self, error: ConflictError) -> QDialog: ...

InputT = TypeVar("InputT")  # what `collect` reads from the fields: the service's input
ResultT = TypeVar("ResultT")  # what the service call answers: its view of the saved record
ChoicesT = TypeVar("ChoicesT")  # what a dialog's pick lists are read into


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


class _FillingLayout(QVBoxLayout):
    """Says it has no height-for-width, so the scroll area fits the fields to its height (down to
    their minimum) instead of stretching them to their preferred height because a wrapped label
    inside has one."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


def scrolled(parent: QWidget, *parts: QWidget | QLayout, name: str = "formScroll") -> QScrollArea:
    """The fields of a long form in a vertical scroll area, so the dialog (and its Save button)
    fits a 1366x768 screen whatever the fields ask for; the buttons stay outside, always visible."""
    inner = QWidget()
    layout = _FillingLayout(inner)
    layout.setContentsMargins(0, 0, 8, 0)  # room for the scroll bar beside the fields
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    area = QScrollArea(parent)
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(inner)
    return area


class FormDialog(QDialog, Generic[InputT, ResultT]):
    """Subclasses build their fields into `self.body` and implement `collect` and `save_call`;
    FormDialog[PositionInput, PositionView] reads a PositionInput and saves it into a PositionView."""

    saved = Signal(object)  # the DTO the service returned

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: ResultT | None = None
        self.operation: Operation[ResultT] | None = None
        self.conflict_flow: ConflictHandler | None = None  # set by dialogs that edit a stored record
        self.choices_pending = False  # True while the pick lists are being read (read_choices)
        self.general_error = error_label(self)
        self.general_error.setObjectName("generalError")
        self.errors = FieldErrors(self.general_error)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("บันทึก"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("บันทึก (Ctrl+S)"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("ยกเลิก"))
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.submit)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    # --- to implement -------------------------------------------------------------
    def collect(self, problems: list[FieldProblem]) -> InputT | None:
        """Read the fields into the service's input DTO; append problems found on the way
        (None: the fields do not make one, and `problems` says why)."""
        raise NotImplementedError

    def save_call(self, data: InputT) -> Callable[[], ResultT]:
        """The service call to run in the background."""
        raise NotImplementedError

    def after_save(self, result: ResultT) -> None:
        """Notify the rest of the application (events)."""

    # --- pick lists -------------------------------------------------------------------
    def read_choices(
        self, fetch: Callable[[], ChoicesT], then: Callable[[ChoicesT], None], hold: Sequence[QWidget] = ()
    ) -> None:
        """Read the pick lists on the database thread; Save (and `hold`) wait until `then` filled them."""
        self.choices_pending = True
        self.save_button.setEnabled(False)

        def filled(choices: ChoicesT) -> None:
            self.choices_pending = False
            self.save_button.setEnabled(True)  # first: `then` may disable it (a record that cannot change)
            # While Save was disabled Qt gave focus (and Enter) to Cancel: Enter saves again, as before
            self.save_button.setDefault(True)
            if self.cancel_button.hasFocus():
                self.save_button.setFocus()
            then(choices)

        read_choices(self, fetch, filled, hold=hold, message=self.tr("กำลังโหลด…"))

    # --- flow -----------------------------------------------------------------------
    def submit(self) -> None:
        if self.operation is not None or self.choices_pending:
            return  # already saving (one click is enough), or the lists are not there yet (Ctrl+S)
        self.errors.clear()
        problems: list[FieldProblem] = []
        data = self.collect(problems)
        if problems:
            self.errors.show(problems)
            return
        if data is not None:
            self.run_save(self.save_call(data))

    def run_save(self, call: Callable[[], ResultT]) -> None:
        """Run a save in the background; its answer closes the dialog or shows the error."""
        self.operation = Operation(self, call, busy=[self.save_button])
        self.operation.success(self._saved).failure(self._failed).run()

    def _saved(self, result: ResultT) -> None:
        self.operation = None
        self.result_value = result
        self.after_save(result)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.operation = None
        if isinstance(error, ValidationError):
            self.errors.show_error(error)
            return
        if isinstance(error, ConflictError) and error.details is not None and self.conflict_flow is not None:
            self.conflict_flow.start(error)  # yours / theirs, reload and re-apply, keep theirs, overwrite
            return
        present_error(self, error)

    def reject(self) -> None:
        if self.operation is not None:
            return  # the save is under way; its answer still needs this dialog
        super().reject()


# a page that opens any of its dialogs the same way keeps each one's own type
DialogT = TypeVar("DialogT", bound=FormDialog[Any, Any])
