"""Directive tracker rows, coloured by derived status (overdue, due soon, done ...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.text import THAI_DIGITS, date_text, digits, percent_text, wrappable
from sbpac_desktop.services.directive_views import DirectiveRow

# Light tints: dark text stays readable on every one of them, in light and dark themes alike.
STATUS_COLOURS: dict[str, str] = {
    "overdue": "#f8d0cc",
    "due_soon": "#fde2b3",
    "in_progress": "#fbf3b5",
    "done": "#d3efd5",
    "not_started": "#e3e3e3",
    "cancelled": "#eeeeee",
}


class DirectivesModel(DtoTableModel[DirectiveRow]):
    COL_NUMBER = 0
    COL_TEXT = 1
    COL_LEAD = 2
    COL_DUE = 3
    COL_STATUS = 4
    COL_PERCENT = 5
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {COL_TEXT: 3, COL_LEAD: 2}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("เลขที่"),
            self.tr("ข้อสั่งการ"),
            self.tr("ผู้รับผิดชอบหลัก"),
            self.tr("กำหนดเสร็จ"),
            self.tr("สถานะ"),
            self.tr("ร้อยละ"),
        )

    def display(self, row: DirectiveRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return row.number_text(THAI_DIGITS)
        if column == self.COL_TEXT:
            return wrappable(row.text)
        if column == self.COL_LEAD:
            return wrappable(row.lead_label)
        if column == self.COL_DUE:
            return date_text(row.effective_due)
        if column == self.COL_STATUS:
            return wrappable(digits(row.status.label))
        return percent_text(row.latest_percent)

    def sort_value(self, row: DirectiveRow, column: int) -> Any:
        if column == self.COL_NUMBER:
            return row.fiscal_year * 10_000 + row.seq
        if column == self.COL_TEXT:
            return row.text
        if column == self.COL_LEAD:
            return row.lead_label
        if column == self.COL_DUE:
            return row.effective_due
        if column == self.COL_STATUS:
            return row.status.key
        return row.latest_percent

    def background(self, row: DirectiveRow, column: int) -> QColor | None:
        if column != self.COL_STATUS:
            return None
        tint = STATUS_COLOURS.get(row.status.key)
        return QColor(tint) if tint else None

    def foreground(self, row: DirectiveRow, column: int) -> QColor | None:
        return QColor("#1f1f1f") if column == self.COL_STATUS else None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == self.COL_PERCENT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def tooltip(self, row: DirectiveRow, column: int) -> str | None:
        if column == self.COL_TEXT and row.latest_result:
            return self.tr("ผลล่าสุด: {result}").format(result=row.latest_result)
        if column == self.COL_LEAD and row.lead_agency:
            return row.lead_agency
        return None
