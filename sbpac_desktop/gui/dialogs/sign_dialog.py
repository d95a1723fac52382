"""ลงนามดิจิทัล: sign a copy of a printed document (the certified minutes) with the user's
PKCS#12 certificate. The signing runs in the background (FormDialog's operation); a wrong
passphrase or a file that is not a certificate is shown next to its field and the dialog
stays open. The passphrase is never stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.text import ThaiLabel
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services.app import AppContext


@dataclass(frozen=True)
class SignRequest:
    source: Path
    cert: Path
    passphrase: str
    output: Path
    pdfa: bool


class SignDialog(FormDialog[SignRequest, Path]):
    def __init__(self, ctx: AppContext, source: Path, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.source = source
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("ลงนามดิจิทัล"))
        self.save_button.setText(self.tr("ลงนาม"))
        self.save_button.setToolTip(self.tr("ลงนามและบันทึกไฟล์ (Ctrl+S)"))
        self.cert_edit = QLineEdit(self)
        self.cert_edit.setObjectName("certPath")
        self.cert_edit.setPlaceholderText(self.tr("ไฟล์ใบรับรอง .p12 หรือ .pfx"))
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.output_edit = QLineEdit(str(suggested), self)
        self.output_edit.setObjectName("outputPath")
        self.pdfa_check = QCheckBox(self.tr("แปลงเป็น PDF/A-2u สำหรับเก็บถาวรก่อนลงนาม"), self)
        self.pdfa_check.setObjectName("pdfaCheck")
        self.pdfa_check.setChecked(True)
        note = ThaiLabel(self.tr("ระบบไม่เก็บรหัสผ่านของใบรับรอง ไฟล์ที่ลงนามแล้วตรวจได้ด้วยคำสั่ง sbpac-desktop verify"), self)
        form = QFormLayout()
        cert_row = self._with_browse(self.cert_edit, self.choose_cert)
        output_row = self._with_browse(self.output_edit, self.choose_output)
        form.addRow(self.tr("ใบรับรอง"), self.errors.bind("cert", cert_row))
        form.addRow(self.tr("รหัสผ่านของใบรับรอง"), self.errors.bind("passphrase", self.passphrase_edit))
        form.addRow(self.tr("บันทึกไฟล์ที่ลงนามเป็น"), self.errors.bind("output", output_row))
        form.addRow("", self.pdfa_check)
        self.body.addLayout(form)
        self.body.addWidget(note)
        set_tab_order((self.cert_edit, self.passphrase_edit, self.output_edit, self.pdfa_check, self.save_button))
        self.resize(640, self.sizeHint().height())

    def _with_browse(self, edit: QLineEdit, choose: Callable[[], None]) -> QWidget:
        row = QWidget(self)
        layout = flush(QHBoxLayout(row))
        layout.addWidget(edit, 1)
        button = QPushButton(self.tr("เลือก…"), row)
        button.setObjectName(f"{edit.objectName()}Browse")
        button.clicked.connect(choose)
        layout.addWidget(button)
        return row

    def choose_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("เลือกใบรับรอง"), self.cert_edit.text(), self.tr("ใบรับรอง PKCS#12 (*.p12 *.pfx)")
        )
        if path:
            self.cert_edit.setText(path)

    def choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("บันทึกไฟล์ที่ลงนาม"), self.output_edit.text(), self.tr("ไฟล์ PDF (*.pdf)")
        )
        if path:
            self.output_edit.setText(path)

    def collect(self, problems: list[FieldProblem]) -> SignRequest:
        cert = Path(self.cert_edit.text().strip()).expanduser()
        output = Path(self.output_edit.text().strip()).expanduser()
        if not self.cert_edit.text().strip():
            self.errors.add(problems, "cert", self.tr("กรุณาเลือกไฟล์ใบรับรอง (.p12 หรือ .pfx)"))
        elif not cert.is_file():
            self.errors.add(problems, "cert", self.tr("ไม่พบไฟล์ใบรับรองนี้"))
        if not self.output_edit.text().strip():
            self.errors.add(problems, "output", self.tr("กรุณาระบุไฟล์ที่จะบันทึก"))
        elif output.suffix.lower() != ".pdf":
            self.errors.add(problems, "output", self.tr("ไฟล์ที่ลงนามต้องลงท้ายด้วย .pdf"))
        return SignRequest(self.source, cert, self.passphrase_edit.text(), output, self.pdfa_check.isChecked())

    def save_call(self, data: SignRequest) -> Callable[[], Path]:
        from sbpac_desktop.reporting.signing import sign_copy

        return lambda: sign_copy(data.source, data.cert, data.passphrase, data.output, pdfa=data.pdfa)
