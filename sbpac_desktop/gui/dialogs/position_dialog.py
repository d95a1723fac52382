"""Add or edit a post (ui/position_form.ui): title, short code, kind, and the unit it belongs
to or is seconded from (ผู้ช่วยเลขาธิการ ศอ.บต. from กระทรวงพาณิชย์)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.enums import PositionKind
from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.designer import bind_all, mount, replace_widget
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.dialogs.unit_dialog import unit_label
from sbpac_desktop.gui.forms.ui_position_form import Ui_PositionForm
from sbpac_desktop.gui.widgets.pickers import EnumCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import OrgUnitView, PositionInput, PositionView


class PositionDialog(FormDialog[PositionInput, PositionView]):
    def __init__(
        self,
        ctx: AppContext,
        units: Sequence[OrgUnitView],
        parent: QWidget | None = None,
        *,
        position: PositionView | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.position = position
        self.setObjectName("positionDialog")
        self.setWindowTitle(self.tr("แก้ไขตำแหน่ง") if position else self.tr("เพิ่มตำแหน่ง"))
        self.ui, form = mount(Ui_PositionForm(), self)
        self.kind = replace_widget(self.ui.kind, EnumCombo(PositionKind))
        self.ui.orgUnit.none_label = self.tr("— ไม่ระบุ —")
        current = position.org_unit_id if position else None
        self.ui.orgUnit.set_items([(unit_label(u), u.id) for u in units if u.active or u.id == current])
        bind_all(
            self.errors,
            {
                "title": self.ui.title,
                "short_code": self.ui.shortCode,
                "kind": self.kind,
                "org_unit_id": self.ui.orgUnit,
            },
        )
        self.body.addWidget(form)
        set_tab_order((self.ui.title, self.ui.shortCode, self.kind, self.ui.orgUnit, self.save_button))
        if position is not None:
            self.ui.title.setText(position.title)
            self.ui.shortCode.setText(position.short_code or "")
            self.kind.set_value(position.kind)
            self.ui.orgUnit.set_value(position.org_unit_id)
        else:
            self.kind.set_value(PositionKind.ASSISTANT)
        self.ui.title.setCursorPosition(0)
        self.resize(720, self.sizeHint().height())

    def collect(self, problems: list[FieldProblem]) -> PositionInput:
        return PositionInput(self.ui.title.text(), self.kind.value(), self.ui.shortCode.text(), self.ui.orgUnit.value())

    def save_call(self, data: PositionInput) -> Callable[[], PositionView]:
        db, actor, position = self.ctx.db, self.ctx.actor, self.position
        if position is not None:
            return lambda: org.update_position(db, actor, position.id, position.version, data)
        return lambda: org.create_position(db, actor, data)
