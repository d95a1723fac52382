"""มิติการพัฒนา: the office's development dimensions in their order — the groups of the dashboard
chart and of the follow-up report. Everyone sees the list; admin and secretary add, rename, move
up/down and deactivate (services/dimensions.py, in the background). A deactivated dimension stays
on the directives that have it and is no longer offered for new ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from sbpac_desktop.domain.errors import AppError, ConflictError
from sbpac_desktop.gui.dialogs.dimension_dialog import DimensionDialog
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.models.base import ITEM_ROLE, DtoTableModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.gui.text import digits, or_blank, wrappable
from sbpac_desktop.services import dimensions
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.dimensions import DimensionView
from sbpac_desktop.services.permissions import EDIT_MASTER_DATA

OFF_COLOUR = QColor("#8a8a8a")


def can_edit_dimensions(ctx: AppContext) -> bool:
    return ctx.actor.role in EDIT_MASTER_DATA


class DimensionsModel(DtoTableModel[DimensionView]):
    COL_ORDER, COL_NAME, COL_SHORT, COL_COUNT, COL_STATE = range(5)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_NAME: 3, COL_SHORT: 2}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("ลำดับ"), self.tr("มิติการพัฒนา"), self.tr("ชื่อย่อ"), self.tr("จำนวนข้อสั่งการ"), self.tr("สถานะ"),
        )  # fmt: skip

    def display(self, row: DimensionView, column: int) -> str:
        if column == self.COL_ORDER:
            return digits(str(row.sort_order))
        if column == self.COL_NAME:
            return wrappable(row.name)
        if column == self.COL_SHORT:
            return or_blank(row.short_name)
        if column == self.COL_COUNT:
            return digits(str(row.directive_count))
        return self.tr("ใช้งาน") if row.active else self.tr("ระงับการใช้งาน")

    def sort_value(self, row: DimensionView, column: int) -> Any:
        values = (row.sort_order, row.name, row.short_name, row.directive_count, row.active)
        return values[column]

    def foreground(self, row: DimensionView, column: int) -> QColor | None:
        return None if row.active else OFF_COLOUR

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column in (self.COL_ORDER, self.COL_COUNT):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)


class DimensionsPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, DimensionsModel(), parent)
        self.setObjectName("dimensionsPage")
        self.heading.setText(self.tr("มิติการพัฒนา"))
        self.dialog: DimensionDialog | None = None
        self.operation: Operation[Any] | None = None
        self._select_id: int | None = None
        self._error_after: str | None = None  # a refusal to show once the rows are read again
        self.add_button = self._button("addDimensionButton", self.tr("เพิ่มมิติ"), self.new_record)
        self.add_button.setToolTip(self.tr("เพิ่มมิติการพัฒนา (Ctrl+N)"))
        self.edit_button = self._button("editDimensionButton", self.tr("แก้ไข…"), self.edit_selected)
        self.up_button = self._button("moveUpButton", self.tr("เลื่อนขึ้น"), lambda: self.move_selected(-1))
        self.down_button = self._button("moveDownButton", self.tr("เลื่อนลง"), lambda: self.move_selected(+1))
        self.active_button = self._button("activeButton", self.tr("ระงับการใช้งาน"), self.toggle_active)
        self.active_button.setToolTip(self.tr("มิติที่ระงับแล้วยังคงอยู่ในข้อสั่งการเดิม แต่ไม่มีให้เลือกในข้อสั่งการใหม่"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())
        self._update_buttons()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        button.setVisible(can_edit_dimensions(self.ctx))  # others read the list only
        self.tools.addWidget(button)
        return button

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.load_rows(lambda: dimensions.list_dimensions(db, actor, include_inactive=True), then=self._after_load)

    def show_error(self, error: AppError) -> None:
        super().show_error(error)
        self._update_buttons()

    def _after_load(self) -> None:
        if self._error_after is not None:
            self.error.setText(self._error_after)
            self.error.show()
            self._error_after = None
        if self._select_id is not None:
            self.select(self._select_id)
            self._select_id = None
        self._update_buttons()

    def summary_text(self, rows: Sequence[object]) -> str:
        views = [r for r in rows if isinstance(r, DimensionView)]
        if not views:
            return self.tr("ยังไม่มีมิติการพัฒนา — กด “เพิ่มมิติ” เพื่อเริ่ม")
        off = sum(1 for v in views if not v.active)
        return self.tr("ทั้งหมด {count} มิติ · ระงับการใช้งาน {off} · ลำดับนี้ใช้ในกราฟภาพรวมและรายงาน").format(
            count=digits(str(len(views))), off=digits(str(off))
        )

    # --- selection ----------------------------------------------------------------
    def selected(self) -> DimensionView | None:
        index = self.table.currentIndex()
        row = index.data(ITEM_ROLE) if index.isValid() else None
        return row if isinstance(row, DimensionView) else None

    def select(self, dimension_id: int) -> None:
        row = self.table.row_of(lambda r: isinstance(r, DimensionView) and r.id == dimension_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        count = len(self.model.rows())
        for button in (self.edit_button, self.active_button):
            button.setEnabled(chosen is not None)
        self.up_button.setEnabled(chosen is not None and chosen.sort_order > 1)
        self.down_button.setEnabled(chosen is not None and chosen.sort_order < count)
        off = chosen is not None and not chosen.active
        self.active_button.setText(self.tr("เปิดใช้งาน") if off else self.tr("ระงับการใช้งาน"))

    # --- changes ------------------------------------------------------------------
    def new_record(self) -> DimensionDialog | None:
        if not can_edit_dimensions(self.ctx):
            return None
        return self.open_dialog(DimensionDialog(self.ctx, self), self._changed)

    def edit_selected(self) -> DimensionDialog | None:
        chosen = self.selected()
        if chosen is None or not can_edit_dimensions(self.ctx):
            return None
        return self.open_dialog(DimensionDialog(self.ctx, self, dimension=chosen), self._changed)

    def move_selected(self, step: int) -> None:
        chosen = self.selected()
        if chosen is not None:
            db, actor = self.ctx.db, self.ctx.actor
            self._select_id = chosen.id
            self._run(lambda: dimensions.move_dimension(db, actor, chosen.id, chosen.sort_order + step, chosen.version))

    def toggle_active(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            db, actor = self.ctx.db, self.ctx.actor
            self._run(lambda: dimensions.set_dimension_active(db, actor, chosen.id, chosen.version, not chosen.active))

    def _run(self, call: Callable[[], object]) -> None:
        if self.operation is not None:
            return
        self.error.hide()
        buttons = [self.up_button, self.down_button, self.active_button]
        self.operation = Operation(self, call, message=self.tr("กำลังบันทึก…"), busy=buttons)
        self.operation.success(self._changed).failure(self._refused).run()

    def _changed(self, result: object) -> None:
        self.operation = None
        if isinstance(result, DimensionView):
            self._select_id = result.id
        self.reload()

    def _refused(self, error: BaseException) -> None:
        """In red on the page (a stale version, no right to edit); anything else as usual."""
        self.operation = None
        self._update_buttons()
        if not isinstance(error, AppError):
            present_error(self, error)
            return
        message = error_text(error)
        if isinstance(error, ConflictError):  # someone saved it meanwhile: show theirs, let the user try again
            message = self.tr("มีผู้อื่นแก้ไขรายการนี้ไปแล้ว — แสดงข้อมูลล่าสุดแล้ว โปรดลองอีกครั้ง")
        text = wrappable(self.tr("ทำรายการไม่ได้: {message}").format(message=message))
        if isinstance(error, ConflictError):
            self._error_after = text
            self.reload()  # the message shows once theirs is on the page
            return
        self.error.setText(text)
        self.error.show()
