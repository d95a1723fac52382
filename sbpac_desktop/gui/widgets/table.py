"""A read-only table for DTO models: sortable, whole Thai lines, rows as tall as their text.

Column widths: short columns (numbers, dates, statuses) fit their content; the long text
columns a model lists in COLUMN_WEIGHTS share the rest of the width in proportion, so the
directive text stays the widest column at any window size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from sbpac_desktop.gui.models.base import ITEM_ROLE, DtoTableModel, SortProxyModel

MAX_CONTENT_WIDTH = 280  # a content-sized column never grows past this; its text wraps
MIN_WEIGHTED_WIDTH = 120
MIN_CONTENT_WIDTH = 64
CONTENT_SHARE = 0.5  # on a narrow window the short columns give way (and wrap) beyond half the width
COLUMN_PADDING = 18
ONE_LINE_PADDING = 8  # a one-line column: its text and margins exactly, a little air, no more
EAGER_ROW_FIT = 60  # up to this many rows are all measured at once
COLUMN_SAMPLE_ROWS = 60
ROW_PADDING = 10  # Thai stacks marks above and below the line: give them air
HEADER_PADDING = 14


class PaddedDelegate(QStyledItemDelegate):
    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)


class DtoTableView(QTableView):
    def __init__(self, model: DtoTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_model = model
        self.proxy = SortProxyModel(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setItemDelegate(PaddedDelegate(self))
        self._content_widths: dict[int, int] = {}
        self._one_line: dict[int, int] = {}  # columns that never wrap: their width from the font
        self._configure()
        self._row_timer = QTimer(self, singleShot=True, interval=0)
        self._row_timer.timeout.connect(self.fit_rows)
        self._fitted_rows: set[int] = set()
        model.modelReset.connect(self.fit_columns)
        model.modelReset.connect(self.forget_row_heights)
        model.rowsInserted.connect(self._schedule_row_fit)
        self.verticalScrollBar().valueChanged.connect(self._schedule_row_fit)
        self.horizontalHeader().sectionResized.connect(self.forget_row_heights)

    def row_of(self, matches: Callable[[object], bool]) -> int | None:
        """The view row whose DTO satisfies `matches` (in sorted order), or None."""
        for row in range(self.proxy.rowCount()):
            if matches(self.proxy.index(row, 0).data(ITEM_ROLE)):
                return row
        return None

    def _configure(self) -> None:
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumHeight(header.fontMetrics().height() + HEADER_PADDING)
        header.setResizeContentsPrecision(COLUMN_SAMPLE_ROWS)  # fitting a column samples rows, not all of them
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order at first
        self.setSortingEnabled(True)

    def weights(self) -> dict[int, int]:
        weights = self.source_model.COLUMN_WEIGHTS
        return dict(weights) if weights else {self.source_model.columnCount() - 1: 1}

    def fit_columns(self) -> None:
        """Measure the short columns once per reload, then share out the width. A one-line column
        is as wide as its model's samples in this font (or its header), whatever the rows."""
        weights = self.weights()
        self._one_line = self.one_line_widths()
        self._content_widths = dict(self._one_line)
        for column in range(self.source_model.columnCount()):
            if column not in weights and column not in self._one_line:
                self.resizeColumnToContents(column)
                width = self.columnWidth(column) + COLUMN_PADDING
                self._content_widths[column] = min(width, MAX_CONTENT_WIDTH)
        self.distribute_width()

    def one_line_widths(self) -> dict[int, int]:
        metrics = self.fontMetrics()
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1)
        header = self.horizontalHeader()
        return {
            column: max(max(metrics.horizontalAdvance(text) for text in samples) + margin + ONE_LINE_PADDING,
                        header.sectionSizeFromContents(column).width())
            for column, samples in self.source_model.one_line_samples().items()
        }  # fmt: skip

    def header_width(self, column: int) -> int:
        """The width the column's header text needs in this font (a header never wraps)."""
        return self.horizontalHeader().sectionSizeFromContents(column).width()

    def _shrunk_content_widths(self) -> dict[int, int]:
        fixed = self._one_line
        available = self.viewport().width() * CONTENT_SHARE - sum(fixed.values())
        shrinkable = {c: w for c, w in self._content_widths.items() if c not in fixed}
        wanted = sum(shrinkable.values())
        if not wanted or wanted <= available:
            return dict(self._content_widths)
        factor = max(available, 0) / wanted
        least = {c: max(MIN_CONTENT_WIDTH, self.header_width(c)) for c in shrinkable}  # the cells wrap, not the header
        return {**fixed, **{c: max(least[c], int(w * factor)) for c, w in shrinkable.items()}}

    def distribute_width(self) -> None:
        weights = self.weights()
        content = self._shrunk_content_widths()
        for column, width in content.items():
            self.setColumnWidth(column, width)
        spare = self.viewport().width() - sum(content.values())
        total = sum(weights.values())
        least = {c: max(MIN_WEIGHTED_WIDTH, self.header_width(c)) for c in weights}
        widths = {c: max(least[c], spare * w // total) for c, w in weights.items()}
        leftover = spare - sum(widths.values())
        first = min(widths)
        widths[first] = max(least[first], widths[first] + leftover)
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.forget_row_heights()

    def _schedule_row_fit(self, *_: object) -> None:
        self._row_timer.start()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped text. Measuring a row lays out every cell's Thai text,
        so a long (paged) table measures only the rows on screen, as they scroll into view."""
        if self.model().rowCount() <= EAGER_ROW_FIT:
            self._fitted_rows.clear()
            self.resizeRowsToContents()
            return
        row = max(self.rowAt(0), 0)
        bottom = self.viewport().height() * 2  # one more screen below, so scrolling lands on measured rows
        used = 0
        while row < self.model().rowCount() and used < bottom:
            if row not in self._fitted_rows:
                self.resizeRowToContents(row)
                self._fitted_rows.add(row)
            used += self.rowHeight(row)
            row += 1

    def forget_row_heights(self) -> None:
        """Column widths changed or the rows were replaced: every height is measured again."""
        self._fitted_rows.clear()
        self._schedule_row_fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.distribute_width()


class SharedColumns(QObject):
    """Columns of set widths beside one stretching column: on a narrow window (the least size,
    960 px) the set widths shrink in proportion, never below their header text, so the stretching
    column keeps `least` px instead of being squeezed to a few letters. A width the user drags
    becomes that column's set width: later resizes (the window, a scroll bar appearing as rows
    are added) share it out again instead of putting the old width back."""

    def __init__(self, table: QTableView, widths: dict[int, int], least: int) -> None:
        super().__init__(table)
        self.table, self.widths, self.least = table, dict(widths), least
        self.factor = 1.0  # how far the set widths are shrunk now
        self.sharing = False  # the header's resizes come from share(), not from the user
        table.viewport().installEventFilter(self)  # its width is the one shared out
        table.horizontalHeader().sectionResized.connect(self.dragged)
        self.share()

    def share(self) -> None:
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - self.least
        self.factor = min(1.0, max(room, 0) / sum(self.widths.values()))
        self.sharing = True
        try:
            for column, width in self.widths.items():
                least = header.sectionSizeFromContents(column).width()
                header.resizeSection(column, max(int(width * self.factor), least))
        finally:
            self.sharing = False

    def dragged(self, column: int, _old: int, new: int) -> None:
        if not self.sharing and column in self.widths and self.factor > 0:
            self.widths[column] = round(new / self.factor)  # as wide as dragged at today's width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.share()
        return False
