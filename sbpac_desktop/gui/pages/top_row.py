"""A page's top row: the heading, its filters and buttons on one line when the page is wide enough,
else the filters on their own line under the heading (the window's least width, 960 px, has no
room for all of them: the filters covered the heading, or each other)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QWidget

from sbpac_desktop.gui.widgets.flush import flush


def filter_bar(parent: QWidget, filters: Sequence[QWidget], name: str, stretches: Sequence[int] = ()) -> QWidget:
    """The page's filters side by side (`fold_filters` moves them), kept to their own widths, or
    sharing what the row leaves in proportion to `stretches` (text boxes)."""
    bar = QWidget(parent)
    bar.setObjectName(name)
    row = flush(QHBoxLayout(bar), spacing=6)
    for index, widget in enumerate(filters):
        row.addWidget(widget, stretches[index] if stretches else 0)
    if stretches:
        bar.setSizePolicy(QSizePolicy.Policy.Expanding, bar.sizePolicy().verticalPolicy())
    else:
        row.addStretch(1)
    return bar


def fold_filters(column: QBoxLayout, top: QBoxLayout, bar: QWidget, width: int, at: int = 1, stretch: int = 0) -> None:
    """The filters beside the heading (whole) when the page is `width` wide enough for the row,
    else on their own row under it, so neither the heading nor a filter is cut or covered. `at`
    is the bar's place (and `stretch` its share) in the row when it fits; `top` may be any row of `column`."""
    others = []
    for index in range(top.count()):
        item = top.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None and widget is not bar and not widget.isHidden():
            others.append(widget)
    margins = column.contentsMargins()
    spacing = max(top.spacing(), column.spacing(), 0)
    need = sum(w.sizeHint().width() for w in (*others, bar)) + spacing * len(others) + margins.left() + margins.right()
    beside = top.indexOf(bar) >= 0
    if need <= width and not beside:
        column.removeWidget(bar)
        top.insertWidget(at, bar, stretch)
    elif need > width and beside:
        top.removeWidget(bar)
        column.insertWidget(column.indexOf(top) + 1, bar)  # the row under `top`


class FoldingFilters(QObject):
    """Folds `bar` (in `top`, a row of `column`) whenever `page` is resized or its layout asks
    again (a filter's list filled later makes it wider)."""

    def __init__(self, page: QWidget, column: QBoxLayout, top: QBoxLayout, bar: QWidget, at: int = 1,
                 stretch: int = 0) -> None:  # fmt: skip
        super().__init__(page)
        self.column, self.top, self.bar, self.at, self.stretch = column, top, bar, at, stretch
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and isinstance(watched, QWidget):
            fold_filters(self.column, self.top, self.bar, watched.width(), self.at, self.stretch)
        return False
