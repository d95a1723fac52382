"""The dashboard's small parts: status colours, the clickable tile, table cells, and the
drill-down request a click sends to the directive tracker."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from sbpac_desktop.domain.escalation import Tier
from sbpac_desktop.gui.models.directives import STATUS_COLOURS
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services.directives.directive_views import DirectiveFilter

BAR_COLOURS = {
    "not_started": "#9e9e9e",
    "in_progress": "#e2c02c",
    "blocked": "#8e5ba8",
    "due_soon": "#f29b26",
    "overdue": "#d2463c",
    "done": "#3f9c4a",
    "cancelled": "#5f5f5f",
}
TIER_COLOURS = {Tier.LATE: "#fde2b3", Tier.EXPEDITE: "#f9c08f", Tier.REPORT_UP: "#f8d0cc"}


@dataclass(frozen=True)
class DrillDown:
    """What a click on a number asks the directive tracker to show."""

    filter: DirectiveFilter
    select_id: int | None = None


class Tile(QFrame):
    """A big number over its label, tinted like the status; click to drill down."""

    clicked = Signal()

    def __init__(self, key: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#tile_{key} {{ background: {STATUS_COLOURS.get(key, '#eeeeee')}; border-radius: 6px; }}"
            f" QLabel {{ color: #1f1f1f; background: transparent; }}"
        )
        self.number = QLabel("—", self)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(label, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_count(self, count: int) -> None:
        self.number.setText(digits(str(count)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def table_item(text: str, data: object = None, tint: str | None = None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setData(Qt.ItemDataRole.UserRole, data)
    if tint:
        item.setBackground(QColor(tint))
        item.setForeground(QColor("#1f1f1f"))
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


NAME_COLUMN_WIDTH = 200  # a post's name in about two or three lines, header uncut
NAME_COLUMN_LEAST = 140  # narrower names wrap into one more line before the table scrolls sideways
LEAD_COLUMN_WIDTH = 240
TIER_COLUMN_WIDTH = 190


def fit_matrix_columns(table: QTableWidget, room: int) -> None:
    """Status columns as wide as their headers; the post names take the rest, NAME_COLUMN_WIDTH
    when there is room, never less than NAME_COLUMN_LEAST (the table asks the splitter for that
    much instead of squeezing them). In a window narrower than that (`room` px for the table) it
    scrolls sideways instead of being cut at the splitter."""
    header = table.horizontalHeader()
    for column in range(1, table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.resizeColumnToContents(column)
    # Not resizeColumnsToContents(): on the stretched names column it fixes the width at the
    # longest name until the next resize (English: 447 px, the status columns pushed off the edge).
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    others = sum(header.sectionSize(c) for c in range(1, table.columnCount()))
    scroll = table.verticalScrollBar().sizeHint().width()
    table.setProperty("statusWidth", others + scroll + 2 * table.frameWidth())
    if not table.property("rowsFollowNames"):
        table.setProperty("rowsFollowNames", True)
        header.sectionResized.connect(lambda column, *_: _names_resized(table, column))
    cap_matrix_width(table, room)
    table.resizeRowsToContents()


def _names_resized(table: QTableWidget, column: int) -> None:
    """A narrower name column wraps the names into more lines: the rows grow to show them (on the
    next loop turn, once the header has laid out every section)."""
    if column == 0:
        QTimer.singleShot(0, table, table.resizeRowsToContents)


def cap_matrix_width(table: QTableWidget, room: int) -> None:
    """The matrix's least width: the status columns and NAME_COLUMN_WIDTH for the post names, or
    the `room` there is, the names narrowed down to NAME_COLUMN_LEAST (Thai headers in Sarabun at
    1366 px left them 156 px beside the chart). With less room still, the names keep
    NAME_COLUMN_WIDTH and the table scrolls sideways (it was cut at the splitter)."""
    status = table.property("statusWidth")
    if not isinstance(status, int):
        return
    header = table.horizontalHeader()
    if status + NAME_COLUMN_LEAST <= room:
        table.setMinimumWidth(min(status + NAME_COLUMN_WIDTH, room))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return
    table.setMinimumWidth(max(room, NAME_COLUMN_WIDTH))
    if header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, NAME_COLUMN_WIDTH)
        table.horizontalScrollBar().setValue(0)


def fit_overdue_columns(table: QTableWidget) -> None:
    """Number and days to contents, the directive text stretches, the lead post and the
    escalation tier get fixed widths and wrap, so the tier is never cut at the right edge."""
    header = table.horizontalHeader()
    for column in (0, 3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for column, width in ((2, LEAD_COLUMN_WIDTH), (4, TIER_COLUMN_WIDTH)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    table.resizeRowsToContents()


def legend_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("chartLegend")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def legend_html(entries: list[tuple[str, str]]) -> str:
    """Colour square and label kept together; the line breaks between entries when narrow."""
    return "&nbsp;&nbsp; ".join(
        f'<span style="color:{colour}">&#9632;</span>&nbsp;{escape(text).replace(" ", "&nbsp;")}'
        for colour, text in entries
    )


def chart_with_legend(parent: QWidget, chart: QWidget, legend: QLabel) -> QWidget:
    box = QWidget(parent)
    box.setObjectName("chartBox")
    box.setAutoFillBackground(True)  # the exported PNG gets a background under the legend too
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 4)
    column.setSpacing(0)
    column.addWidget(chart, 1)
    column.addWidget(legend)
    return box
