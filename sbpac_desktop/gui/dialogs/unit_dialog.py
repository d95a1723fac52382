"""Add or edit an org unit (ui/org_unit_form.ui): name, short name, kind, parent unit."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.enums import OrgUnitKind
from sbpac_desktop.domain.errors import FieldProblem
from sbpac_desktop.gui.dialogs.designer import bind_all, mount, replace_widget
from sbpac_desktop.gui.dialogs.form import FormDialog, set_tab_order
from sbpac_desktop.gui.forms.ui_org_unit_form import Ui_OrgUnitForm
from sbpac_desktop.gui.widgets.pickers import EnumCombo
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.people import org
from sbpac_desktop.services.people.org import OrgUnitInput, OrgUnitView


def unit_label(unit: OrgUnitView) -> str:
    return f"{unit.name} ({unit.short_name})" if unit.short_name else unit.name


class OrgUnitDialog(FormDialog[OrgUnitInput, OrgUnitView]):
    def __init__(
        self,
        ctx: AppContext,
        units: Sequence[OrgUnitView],
        parent: QWidget | None = None,
        *,
        unit: OrgUnitView | None = None,
        parent_id: int | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.unit = unit
        self.setObjectName("orgUnitDialog")
        self.setWindowTitle(self.tr("แก้ไขหน่วยงาน") if unit else self.tr("เพิ่มหน่วยงาน"))
        self.ui, form = mount(Ui_OrgUnitForm(), self)
        self.kind = replace_widget(self.ui.kind, EnumCombo(OrgUnitKind))
        self.ui.parent.none_label = self.tr("— ไม่มี (หน่วยงานระดับบนสุด) —")
        # a unit cannot sit under itself; the service also refuses deeper cycles
        own = unit.id if unit else None
        self.ui.parent.set_items([(unit_label(u), u.id) for u in units if u.id != own and u.active])
        bind_all(
            self.errors,
            {"name": self.ui.name, "short_name": self.ui.shortName, "kind": self.kind, "parent_id": self.ui.parent},
        )
        self.body.addWidget(form)
        set_tab_order((self.ui.name, self.ui.shortName, self.kind, self.ui.parent, self.save_button))
        if unit is not None:
            self.ui.name.setText(unit.name)
            self.ui.shortName.setText(unit.short_name or "")
            self.kind.set_value(unit.kind)
            self.ui.parent.set_value(unit.parent_id)
        else:
            self.kind.set_value(OrgUnitKind.DIVISION if parent_id else OrgUnitKind.OTHER)
            self.ui.parent.set_value(parent_id)
        self.ui.name.setCursorPosition(0)
        self.resize(680, self.sizeHint().height())

    def collect(self, problems: list[FieldProblem]) -> OrgUnitInput:
        return OrgUnitInput(self.ui.name.text(), self.kind.value(), self.ui.shortName.text(), self.ui.parent.value())

    def save_call(self, data: OrgUnitInput) -> Callable[[], OrgUnitView]:
        db, actor, unit = self.ctx.db, self.ctx.actor, self.unit
        if unit is not None:
            return lambda: org.update_org_unit(db, actor, unit.id, unit.version, data)
        return lambda: org.create_org_unit(db, actor, data)
