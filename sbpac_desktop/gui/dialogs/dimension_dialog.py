"""Add or edit a development dimension (มิติการพัฒนา): its name and short name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.dimensions import DimensionInput, DimensionView


class DimensionDialog(FormDialog[DimensionInput, DimensionView]):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, dimension: DimensionView | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.dimension = dimension
        self.setObjectName("dimensionDialog")
        self.setWindowTitle(self.tr("แก้ไขมิติการพัฒนา") if dimension else self.tr("เพิ่มมิติการพัฒนา"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("เช่น การเสริมสร้างความเข้าใจ"))
        self.short_edit = QLineEdit(self)
        self.short_edit.setObjectName("shortName")
        self.short_edit.setPlaceholderText(self.tr("ใช้ในกราฟและตาราง เช่น สร้างความเข้าใจ"))
        form = QFormLayout()
        form.addRow(self.tr("ชื่อมิติการพัฒนา"), self.errors.bind("name", self.name_edit))
        form.addRow(self.tr("ชื่อย่อ"), self.errors.bind("short_name", self.short_edit))
        self.body.addLayout(form)
        set_tab_order((self.name_edit, self.short_edit, self.save_button))
        if dimension is not None:
            self.name_edit.setText(dimension.name)
            self.short_edit.setText(dimension.short_name or "")
        self.resize(560, self.sizeHint().height())

    def collect(self, problems: list[FieldProblem]) -> DimensionInput:
        return DimensionInput(self.name_edit.text(), self.short_edit.text())

    def save_call(self, data: DimensionInput) -> Callable[[], DimensionView]:
        db, actor, dimension = self.ctx.db, self.ctx.actor, self.dimension
        if dimension is not None:
            return lambda: dimensions.update_dimension(db, actor, dimension.id, dimension.version, data)
        return lambda: dimensions.create_dimension(db, actor, data)
