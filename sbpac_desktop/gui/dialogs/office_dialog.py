"""ข้อมูลส่วนราชการ: the issuing office's name, address, telephone, letter prefix and the
letterhead emblem (the user's own PNG/JPEG, previewed), saved once for the whole office
through services/people/office.py and printed on every invitation letter and memo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import office
from sbpac_desktop.services.people.office import OfficeDetails, OfficeInput

PREVIEW_HEIGHT = 72


def choose_emblem_file(parent: QWidget) -> str:
    """One function, so tests can pick the file without a native dialog."""
    title = parent.tr("เลือกไฟล์ตราสัญลักษณ์")
    path, _selected = QFileDialog.getOpenFileName(parent, title, "", parent.tr("ภาพ PNG หรือ JPEG (*.png *.jpg *.jpeg)"))
    return path


class OfficeDialog(FormDialog[OfficeInput, OfficeDetails]):
    def __init__(self, ctx: AppContext, current: OfficeDetails, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current = current
        self.emblem: bytes | None = current.emblem
        self.setObjectName("officeDialog")
        self.setWindowTitle(self.tr("ข้อมูลส่วนราชการสำหรับหนังสือราชการ"))
        self.name_edit = QLineEdit(current.name, self)
        self.address_edit = QPlainTextEdit(current.address, self)
        self.address_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.phone_edit = QLineEdit(current.phone, self)
        self.prefix_edit = QLineEdit(current.letter_prefix, self)
        self.prefix_edit.setPlaceholderText(self.tr("เช่น นร 5207 (พิมพ์เป็น ที่ นร 5207/ว …)"))
        self.preview = QLabel(self)
        self.preview.setObjectName("emblemPreview")
        self.preview.setFixedHeight(PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("เลือกไฟล์ภาพ…"), self)
        self.clear_button = QPushButton(self.tr("ไม่ใช้ตราสัญลักษณ์"), self)
        self.choose_button.clicked.connect(self.choose_emblem)
        self.clear_button.clicked.connect(lambda: self.set_emblem(None))
        emblem_row = QHBoxLayout()
        emblem_row.addWidget(self.preview, 1)
        emblem_row.addWidget(self.choose_button)
        emblem_row.addWidget(self.clear_button)
        form = QFormLayout()
        form.addRow(self.tr("ชื่อส่วนราชการ"), self.errors.bind("office_name", self.name_edit))
        form.addRow(self.tr("ที่อยู่"), self.errors.bind("office_address", self.address_edit))
        form.addRow(self.tr("หมายเลขโทรศัพท์"), self.errors.bind("office_phone", self.phone_edit))
        form.addRow(self.tr("รหัสหนังสือ (ที่ …)"), self.errors.bind("letter_prefix", self.prefix_edit))
        holder = QWidget(self)
        holder.setLayout(emblem_row)
        form.addRow(self.tr("ตราสัญลักษณ์"), self.errors.bind("emblem", holder))
        self.body.addLayout(form)
        set_tab_order((self.name_edit, self.address_edit, self.phone_edit, self.prefix_edit, self.choose_button,
                       self.clear_button, self.save_button))  # fmt: skip
        self.set_emblem(current.emblem)
        self.resize(640, self.sizeHint().height())

    def set_emblem(self, data: bytes | None) -> None:
        self.emblem = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.preview.setPixmap(pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("(ไม่มีตราสัญลักษณ์)") if not data else self.tr("(แสดงภาพไม่ได้)"))
        self.clear_button.setEnabled(data is not None)

    def choose_emblem(self) -> None:
        path = choose_emblem_file(self)
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            self.errors.show([FieldProblem("emblem", self.tr("อ่านไฟล์ไม่ได้: {why}").format(why=error.strerror), "")])
            return
        self.set_emblem(data)  # the service checks the kind and the size on save

    def collect(self, problems: list[FieldProblem]) -> OfficeInput:
        return OfficeInput(self.name_edit.text(), self.address_edit.toPlainText(), self.phone_edit.text(),
                           self.prefix_edit.text(), self.emblem)  # fmt: skip

    def save_call(self, data: OfficeInput) -> Callable[[], OfficeDetails]:
        db, actor, version = self.ctx.db, self.ctx.actor, self.current.version
        return lambda: office.update_office(db, actor, data, version)
