"""Posts with their short code, the unit they belong to or are seconded from, and the current
holder; deactivated posts are greyed and say so."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtGui import QColor

from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.text import or_blank, wrappable
from sbpac_desktop.services.people.org import PositionView

INACTIVE_COLOUR = QColor("#8a8a8a")


class PositionsModel(DtoTableModel[PositionView]):
    COL_CODE, COL_TITLE, COL_UNIT, COL_HOLDER = range(4)
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_TITLE: 3, COL_UNIT: 3, COL_HOLDER: 2}

    def headers(self) -> Sequence[str]:
        return (self.tr("ชื่อย่อ"), self.tr("ตำแหน่ง"), self.tr("หน่วยงานต้นสังกัด"), self.tr("ผู้ดำรงตำแหน่งปัจจุบัน"))

    def display(self, row: PositionView, column: int) -> str:
        if column == self.COL_CODE:
            return or_blank(row.short_code)
        if column == self.COL_TITLE:
            title = row.title if row.active else self.tr("{title} (ระงับแล้ว)").format(title=row.title)
            return wrappable(title)
        if column == self.COL_UNIT:
            return wrappable(row.org_unit_name) if row.org_unit_name else or_blank(None)
        return or_blank(row.holder_name) if row.active or row.holder_name else or_blank(None)

    def sort_value(self, row: PositionView, column: int) -> Any:
        return (row.short_code, row.title, row.org_unit_name, row.holder_name)[column]

    def foreground(self, row: PositionView, column: int) -> QColor | None:
        return None if row.active else INACTIVE_COLOUR
