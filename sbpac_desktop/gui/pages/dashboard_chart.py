"""The dashboard chart's count axis: whole numbers in the digits the office chose (Thai by default).

QValueAxis formats its labels with printf ("%d") and has no label callback, so its labels are
always Arabic digits. A QCategoryAxis whose boundaries sit on whole counts, labelled on the
boundary (AxisLabelsPositionOnValue), draws the same ticks with any text: `digits(...)` as every
other number on the page.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from sbpac_desktop.gui.text import digits

CATEGORY_AIR = 8  # px between two dimension names on the left axis
CHART_FRAME = 48  # px the chart keeps round its plot area: its margins, ticks and the axis' line
BAR_ROOM = 40  # px more for the bars than the names take
MAX_STEPS = 8  # at most this many intervals: labels stay apart on a narrow chart
NAME_ROOM = 160  # px at most for a dimension's name left of the bars; a longer one is cut in the middle


def _nice_steps() -> Iterator[int]:
    """1 2 5 10 20 25 50 100 200 250 500 …: steps a reader adds up at a glance."""
    scale = 1
    while True:
        yield from (scale, 2 * scale, 5 * scale) if scale < 10 else (scale, 2 * scale, 25 * scale // 10, 5 * scale)
        scale *= 10


def count_ticks(maximum: int) -> list[int]:
    """Whole-number ticks from 0 up to at least `maximum` (at least 1, so an empty chart still has
    an axis), in the smallest nice step that needs at most MAX_STEPS intervals."""
    top = max(maximum, 1)
    step = next(s for s in _nice_steps() if -(-top // s) <= MAX_STEPS)
    return list(range(0, -(-top // step) * step + 1, step))


def count_axis(maximum: int) -> QCategoryAxis:
    """The bottom axis of the bar chart: 0 … the top tick, each tick labelled in the office's digits."""
    ticks = count_ticks(maximum)
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setStartValue(0)
    for tick in ticks:
        axis.append(digits(str(tick)), tick)  # the label shows at the category's end: the tick itself
    axis.setRange(0, ticks[-1])
    return axis


def right_overhang(axis: QCategoryAxis, font: QFont) -> int:
    """How far the top label reaches right of the plot: Qt Charts leaves room for category labels
    between boundaries, not for one centred on the last boundary, so the chart's margin must."""
    labels = axis.categoriesLabels()
    return QFontMetrics(font).horizontalAdvance(labels[-1]) // 2 + 1 if labels else 0


def chart_height(categories: int, metrics: QFontMetrics) -> int:
    """The least height of the bar chart: a line (and a little air) per dimension name left of
    the bars and a line for the counts under them. Below it Qt Charts drew the names and the
    counts as "…"; the dashboard scrolls instead (960x560)."""
    line = metrics.lineSpacing()
    return max(categories, 1) * (line + CATEGORY_AIR) + line + CHART_FRAME


def name_labels(names: list[str], metrics: QFontMetrics) -> list[str]:
    """The dimensions' names as the chart's left axis shows them: whole up to NAME_ROOM px, a
    longer one cut in the middle with "…", its start and end kept (a name may be 300 characters;
    whole, it made the chart wider than a 960 px window). The axis needs distinct labels
    (QBarCategoryAxis drops a repeated one and the bars would shift), so two names cut alike are
    told apart by invisible zero-width spaces."""
    labels: list[str] = []
    for name in names:
        label = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, NAME_ROOM)
        while label in labels:
            label += "\u200b"
        labels.append(label)
    return labels


def chart_width(labels: list[str], metrics: QFontMetrics) -> int:
    """The least width of the bar chart: its widest label (name_labels) whole and room for the
    bars. Qt Charts gives the names at most about two fifths of the chart's width and cuts them beyond it."""
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
    return widest * 5 // 2 + BAR_ROOM + CHART_FRAME
