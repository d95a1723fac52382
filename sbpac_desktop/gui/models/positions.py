"""Positions (posts) with their unit and current holder."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.text import or_blank, wrappable
from sbpac_desktop.services.org import PositionView


class PositionsModel(DtoTableModel[PositionView]):
    COL_TITLE = 0
    COL_UNIT = 1
    COL_HOLDER = 2
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_TITLE: 3, COL_UNIT: 3, COL_HOLDER: 2}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("ตำแหน่ง"),
            self.tr("หน่วยงาน"),
            self.tr("ผู้ดำรงตำแหน่ง"),
        )

    def display(self, row: PositionView, column: int) -> str:
        if column == self.COL_TITLE:
            return wrappable(row.title)
        if column == self.COL_UNIT:
            return wrappable(row.org_unit_name)
        return or_blank(row.holder_name)

    def sort_value(self, row: PositionView, column: int) -> Any:
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_UNIT:
            return row.org_unit_name
        return row.holder_name
