"""A generic read-only table model over a list of frozen DTOs.

Subclasses declare column constants, their headers and three small functions:
the text shown, the raw value to sort by and (optionally) a background colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from sbpac_desktop.gui.text import BLANK
from sbpac_desktop.thai import strip_break_opportunities, thai_sort_key

SORT_ROLE = Qt.ItemDataRole.UserRole  # raw value: date, int or str (None when blank)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole DTO of the row

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex


class DtoTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows are replaced as a whole by `set_rows`; cells are never edited in place."""

    # Long text columns and their share of the spare width (see widgets.table); others fit content.
    COLUMN_WEIGHTS: ClassVar[dict[int, int]] = {}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._column_count: int | None = None  # headers() translates every name: asked once

    # --- to implement -------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def display(self, row: RowT, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: RowT, column: int) -> Any:
        raise NotImplementedError

    def background(self, row: RowT, column: int) -> QColor | None:
        return None

    def foreground(self, row: RowT, column: int) -> QColor | None:
        return None

    def tooltip(self, row: RowT, column: int) -> str | None:
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def one_line_samples(self) -> dict[int, Sequence[str]]:
        """Columns that must never wrap (a directive number), each with texts as wide as its
        widest usual one: the view sizes them from the font (no row is measured for it) and
        never narrows them."""
        return {}

    # --- public -------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    # --- Qt -----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        if self._column_count is None:  # Qt asks for every cell it measures; the count never changes
            self._column_count = len(self.headers())
        return self._column_count

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        names = self.headers()
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(names):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return names[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == ITEM_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return None

    def plain_text(self, row: int, column: int) -> str:
        """The cell as a user would copy it: without the invisible wrap marks."""
        return strip_break_opportunities(self.display(self._rows[row], column))


def sort_key(value: Any) -> tuple:
    """Blanks first, Thai text in dictionary order, numbers and dates by value."""
    if value is None or value == BLANK:
        return (0,)
    if isinstance(value, str):
        return (1, thai_sort_key(value))
    if isinstance(value, date):
        return (2, value.toordinal())
    return (2, value)


class SortProxyModel(QSortFilterProxyModel):
    """Sorts by the source's raw values (compared in Python, so Thai collation applies).
    A source that sorts itself (a paged model ordering rows in SQL, with `sortable`) is
    asked to, and the proxy keeps the source's order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if hasattr(source, "sortable"):
            source.sort(column, order)
            super().sort(-1)
            return
        super().sort(column, order)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802
        source = self.sourceModel()
        if not isinstance(source, DtoTableModel):
            return super().lessThan(left, right)
        column = left.column()
        a = source.sort_value(source.row_at(left.row()), column)
        b = source.sort_value(source.row_at(right.row()), column)
        return sort_key(a) < sort_key(b)
