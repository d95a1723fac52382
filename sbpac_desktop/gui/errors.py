"""The one error presenter (cf. Anki's aqt/errors.py).

AppError subclasses carry a Thai sentence written for a clerk: it is shown as it is.
Anything else is a bug: its traceback goes to the rotating log and the user gets one
dialog with a Thai sentence and copyable details. Nothing here closes the window that
asked, so whatever the user typed stays where it was.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop import logs
from sbpac_desktop.domain.errors import AppError, ConflictError, PermissionDenied, ValidationError
from sbpac_desktop.gui.i18n import error_text, problem_text
from sbpac_desktop.gui.operations import DETAILS_ATTRIBUTE
from sbpac_desktop.gui.text import ThaiLabel, breakable

log = logging.getLogger(__name__)


def conflict_message(error: ConflictError) -> str:
    lead = QCoreApplication.translate(
        "errors",
        "มีผู้อื่นแก้ไขข้อมูลนี้ไปแล้ว — ข้อมูลที่คุณพิมพ์ยังอยู่ในหน้าจอ โปรดคัดลอกเก็บไว้ แล้วเปิดรายการใหม่เพื่อแก้ไขอีกครั้ง",
    )
    return f"{lead}\n\n{error_text(error)}"


def user_message(error: BaseException) -> str:
    """The plain-Thai sentence for any error."""
    if isinstance(error, ValidationError):
        lines = [QCoreApplication.translate("errors", "ข้อมูลยังไม่ถูกต้อง:")]
        lines += [f"• {problem_text(problem)}" for problem in error.problems]
        return "\n".join(lines)
    if isinstance(error, ConflictError):
        return conflict_message(error)
    if isinstance(error, AppError):
        return error_text(error)
    text = QCoreApplication.translate(
        "errors", "เกิดข้อผิดพลาดที่ไม่คาดคิด ({kind}) — บันทึกรายละเอียดไว้ในไฟล์ {path} แล้ว โปรดแจ้งผู้ดูแลระบบ"
    )
    return text.format(kind=type(error).__name__, path=logs.log_path())


def error_details(error: BaseException) -> str:
    details = getattr(error, DETAILS_ATTRIBUTE, None)
    if details:
        return str(details)
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


class ThaiMessageBox(QMessageBox):
    """A message box whose long Thai sentence wraps between words; text() gives it back unmarked."""

    def __init__(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        buttons: QMessageBox.StandardButton,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(icon, title, "", buttons, parent)
        self._raw = ""
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._raw = text
        super().setText(breakable(text))

    def text(self) -> str:
        return self._raw


class ErrorDetailsDialog(QDialog):
    """For bugs only: one Thai sentence, the traceback to copy, a copy button."""

    def __init__(self, message: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("เกิดข้อผิดพลาด"))
        self.setObjectName("errorDetailsDialog")
        self.message = ThaiLabel(message, self)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("ปิด"))
        self.copy_button = QPushButton(self.tr("คัดลอกรายละเอียด"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("รายละเอียดสำหรับผู้ดูแลระบบ:"), self))
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.message.text()}\n\n{self.details.toPlainText()}")


def _message_box(parent: QWidget | None, error: AppError) -> QMessageBox:
    icon = QMessageBox.Icon.Warning
    if isinstance(error, PermissionDenied):
        icon = QMessageBox.Icon.Critical
    if isinstance(error, ValidationError | ConflictError):
        title = QCoreApplication.translate("errors", "บันทึกไม่สำเร็จ")
    else:
        title = QCoreApplication.translate("errors", "ข้อผิดพลาด")
    box = ThaiMessageBox(icon, title, user_message(error), QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setObjectName("appErrorBox")
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("errors", "ตกลง"))
    return box


def present_error(parent: QWidget | None, error: BaseException) -> QDialog:
    """Show `error` without blocking (window-modal `open()`); return the dialog for tests."""
    dialog: QDialog
    if isinstance(error, AppError):
        log.info("User-facing error: %s", error.message_en)
        dialog = _message_box(parent, error)
    else:
        log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
        dialog = ErrorDetailsDialog(user_message(error), error_details(error), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """A yes/no question (blocking; "no" is the default); one function, so tests can answer it."""
    box = ThaiMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(QCoreApplication.translate("errors", "ใช่"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(QCoreApplication.translate("errors", "ไม่ใช่"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes
