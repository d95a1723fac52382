"""Directive tracker rows, coloured by derived status (overdue, due soon, done ...).

The tracker holds ten years of directives, so the model never loads them all: it asks the
tracker service for a page (filtered and sorted in SQL), off the GUI thread through
gui.operations, and asks for the next page when the view scrolls near the end
(canFetchMore / fetchMore). Clicking a header re-queries in the new order; columns the
database cannot order by an index (the directive text, the lead) are not sortable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.numbering import directive_number_text
from sbpac_desktop.gui.domain_labels import status_text
from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import date_text, digits, percent_text, thai_digits, wrappable
from sbpac_desktop.services.directives.directive_views import DirectiveRow
from sbpac_desktop.services.directives.tracker import PAGE_SIZE, TrackerPage, TrackerQuery
from sbpac_desktop.thai.segment import warm as warm_segmenter

Fetcher = Callable[[TrackerQuery, int, int], TrackerPage]  # (query, offset, limit) -> page

# Light tints: dark text stays readable on every one of them, in light and dark themes alike.
STATUS_COLOURS: dict[str, str] = {
    "overdue": "#f8d0cc",
    "due_soon": "#fde2b3",
    "in_progress": "#fbf3b5",
    "blocked": "#e3d3ec",
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
    SORT_KEYS: ClassVar[dict[int, str]] = {
        COL_NUMBER: "number",
        COL_DUE: "due",
        COL_STATUS: "status",
        COL_PERCENT: "percent",
    }

    page_loaded = Signal(int)  # offset of the page that just arrived
    load_failed = Signal(object)  # the exception

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch: Fetcher | None = None
        self._context: QWidget | None = None
        self._query = TrackerQuery()
        self._has_more = False
        self._loading = False
        self._generation = 0  # answers for an older query are dropped

    # --- paging ----------------------------------------------------------------------
    def connect_source(self, context: QWidget, fetch: Fetcher) -> None:
        self._context, self._fetch = context, fetch

    @property
    def query(self) -> TrackerQuery:
        return self._query

    @property
    def loading(self) -> bool:
        return self._loading

    def has_more(self) -> bool:
        return self._has_more

    def set_query(self, query: TrackerQuery) -> None:
        """Start over with `query`: the rows go, the first page is asked for."""
        self._query = query
        self._generation += 1
        self.set_rows([])
        self._has_more = False
        self._request(0)

    def _request(self, offset: int) -> None:
        if self._fetch is None:
            return
        fetch, query, generation = self._fetch, self._query, self._generation
        self._loading = True

        def fetch_ready_to_wrap() -> TrackerPage:
            page = fetch(query, offset, PAGE_SIZE)
            warm_segmenter()  # the texts wrap: the dictionary is built here, not on the window's thread
            return page

        Operation(self._context, fetch_ready_to_wrap, message=self.tr("กำลังโหลดข้อสั่งการ…")).success(
            lambda page: self._arrived(generation, page)
        ).failure(lambda error: self._failed(generation, error)).run()

    def _arrived(self, generation: int, page: TrackerPage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._has_more = page.has_more
        self.page_loaded.emit(page.offset)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self._has_more = False
            self.load_failed.emit(error)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._request(len(self._rows))

    def sortable(self, column: int) -> bool:
        return column in self.SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: the database orders the rows (a paged model cannot sort what it has not loaded)."""
        key = self.SORT_KEYS.get(column)
        if key is None or self._fetch is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))

    def sort_column(self) -> int:
        return next(c for c, key in self.SORT_KEYS.items() if key == self._query.sort)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("เลขที่"),
            self.tr("ข้อสั่งการ"),
            self.tr("ผู้รับผิดชอบหลัก"),
            self.tr("กำหนดเสร็จ"),
            self.tr("สถานะ"),
            self.tr("ร้อยละ"),
        )

    def one_line_samples(self) -> dict[int, Sequence[str]]:
        """ขส. ddd/2ddd for every digit d: the widest digit of the font decides (Thai or Arabic, as shown)."""
        thai = thai_digits()
        return {self.COL_NUMBER: [directive_number_text(d * 111, 2000 + d * 111, thai_digits=thai) for d in range(10)]}

    def display(self, row: DirectiveRow, column: int) -> str:
        if column == self.COL_NUMBER:
            return row.number_text(thai_digits())
        if column == self.COL_TEXT:
            return wrappable(row.text)
        if column == self.COL_LEAD:
            return wrappable(row.lead_label)
        if column == self.COL_DUE:
            return date_text(row.effective_due)
        if column == self.COL_STATUS:
            return wrappable(digits(status_text(row.status)))
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
