"""The month grid of the การลงพื้นที่ page: a week a row, Monday first, each day with its visits.

It fits the width it gets (issue #15: at 1366×768 the Sunday column was cut behind a horizontal
scrollbar): the seven columns share the viewport, the day headers are short (จ. อ. … อา., the full
name as a tooltip), rows share the height, and a long visit title is elided in its line with the
whole list of titles as the cell's tooltip. The item keeps the full text (search, tests, copy)."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sbpac_desktop.gui.text import digits
from sbpac_desktop.services.field.field_visits import VisitRow
from sbpac_desktop.thai import THAI_WEEKDAYS

DATA = Qt.ItemDataRole.UserRole
VISIT_TINT = {"planned": "#e3f0fb", "done": "#e4f4e4", "cancelled": "#eeeeee"}
SHORT_WEEKDAYS = (  # Monday first, as THAI_WEEKDAYS; translated where shown
    QT_TRANSLATE_NOOP("FieldVisitsPage", "จ."),
    QT_TRANSLATE_NOOP("FieldVisitsPage", "อ."),
    QT_TRANSLATE_NOOP("FieldVisitsPage", "พ."),
    QT_TRANSLATE_NOOP("FieldVisitsPage", "พฤ."),
    QT_TRANSLATE_NOOP("FieldVisitsPage", "ศ."),
    QT_TRANSLATE_NOOP("FieldVisitsPage", "ส."),
    QT_TRANSLATE_NOOP("FieldVisitsPage", "อา."),
)  # Monday first, as THAI_WEEKDAYS
MIN_ROW_HEIGHT = 56  # the day number and one visit line


class VisitCalendar(QTableWidget):
    day_clicked = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(6, 7, parent)
        self.setObjectName("visitCalendar")
        for column, (short, full) in enumerate(zip(SHORT_WEEKDAYS, THAI_WEEKDAYS, strict=True)):
            header = QTableWidgetItem(QCoreApplication.translate("FieldVisitsPage", str(short)))
            header.setToolTip(QCoreApplication.translate("FieldVisitsPage", full))
            self.setHorizontalHeaderItem(column, header)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # One line per visit, cut with "…" at the column's edge (the tooltip has them whole); wrapping
        # made a long title push the column, and the row, wider than the screen.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        columns = self.horizontalHeader()
        columns.setMinimumSectionSize(24)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # seven columns share the viewport
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.cellClicked.connect(self._clicked)

    def show_month(self, year: int, month: int, rows: Sequence[VisitRow], today: date) -> None:
        self.clearContents()
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        self.setRowCount(len(weeks))
        for r, week in enumerate(weeks):
            for c, day in enumerate(week):
                self.setItem(r, c, self._day_item(day, month, rows, today))
        self._fit_rows()

    def _day_item(self, day: date, month: int, rows: Sequence[VisitRow], today: date) -> QTableWidgetItem:
        on_day = [v for v in rows if v.visit_on <= day <= (v.end_on or v.visit_on)]
        first = str(day.day) + (QCoreApplication.translate("FieldVisitsPage", " (วันนี้)") if day == today else "")
        item = QTableWidgetItem(digits("\n".join([first] + [f"• {v.title}" for v in on_day])))
        item.setData(DATA, day)
        item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if day.month != month:
            item.setForeground(QColor("#9e9e9e"))
        if on_day:
            item.setBackground(QColor(VISIT_TINT[on_day[0].status]))
            item.setForeground(QColor("#1f1f1f"))
            item.setToolTip(digits("\n".join(v.title for v in on_day)))
        return item

    def _fit_rows(self) -> None:
        """Rows share the viewport's height, never below MIN_ROW_HEIGHT (then the grid scrolls down)."""
        if not self.rowCount():
            return
        height = max(MIN_ROW_HEIGHT, self.viewport().height() // self.rowCount())
        for row in range(self.rowCount()):
            self.setRowHeight(row, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rows()

    def _clicked(self, row: int, column: int) -> None:
        item = self.item(row, column)
        if item is not None:
            self.day_clicked.emit(item.data(DATA))
