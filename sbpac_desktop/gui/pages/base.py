"""What every list page shares: a heading, a one-line summary, an error line and the table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.models.base import DtoTableModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import ThaiLabel, digits, wrappable
from sbpac_desktop.gui.widgets.scrolling import ScrollBody, scrolling
from sbpac_desktop.gui.widgets.table import DtoTableView
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.thai.segment import warm as warm_segmenter

if TYPE_CHECKING:  # the dialogs load on first use, not with every page
    from sbpac_desktop.gui.dialogs.form import DialogT

HEADING_SCALE = 1.45
T = TypeVar("T")


def heading_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
    font.setBold(True)
    label.setFont(font)
    return label


def page_column(page: QWidget, heading: QLabel) -> tuple[QVBoxLayout, QHBoxLayout]:
    """The page's layout (its margins and spacing) with the top row, the heading first and
    stretching; the caller adds its tools to the row and the rest of the page below it."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(6)
    top = QHBoxLayout()
    top.addWidget(heading, 1)
    layout.addLayout(top)
    return layout, top


def scrolled_column(page: QWidget, heading: QLabel) -> tuple[QVBoxLayout, QHBoxLayout, QScrollArea]:
    """`page_column` inside a scroll area that fills the page: a page whose parts need more height
    than the window's least size (960x560) gives them scrolls down instead of squeezing them over
    each other. Widgets made with `page` as parent move into the column when added to it."""
    body = ScrollBody(page)
    body.setObjectName("pageBody")
    layout, top = page_column(body, heading)
    return layout, top, scrolling(page, body, "pageScroll")


def details_below(page: QWidget, upper: QWidget, title: QLabel, details: QWidget) -> QSplitter:
    """The page's list above; below it, under its title, the chosen row's details (a series'
    members, a member's reports). Neither part can be dragged shut."""
    lower = QWidget(page)
    column = QVBoxLayout(lower)
    column.setContentsMargins(0, 4, 0, 0)
    column.addWidget(title)
    column.addWidget(details, 1)
    split = QSplitter(Qt.Orientation.Vertical, page)
    split.setChildrenCollapsible(False)
    split.addWidget(upper)
    split.addWidget(lower)
    return split


class Page(QWidget):
    """A page is built empty; `ensure_loaded` fills it the first time it is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self.dialog: QWidget | None = None  # the dialog the page opened last (tests reach it here)

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.reload()

    def reload(self) -> None:
        self.loaded = True

    def focus_search(self) -> None:
        """Ctrl+F: pages with a filter box put the cursor there."""

    def open_dialog(self, dialog: DialogT, *on_saved: Callable[[Any], object]) -> DialogT:
        """Open a form dialog window-modal, deleted when it closes and kept as `self.dialog`;
        each of `on_saved` gets what its service returned when it saves."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for slot in on_saved:
            dialog.saved.connect(slot)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_record(self) -> QWidget | None:
        """Ctrl+N: pages that create something open their dialog."""


class TablePage(Page):
    def __init__(self, ctx: AppContext, model: DtoTableModel, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = model
        model.setParent(self)
        self.heading = heading_label("", self)  # subclasses set their translated title
        self.summary = ThaiLabel(self)  # wraps: a new office's hint is longer than 960 px
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.table = DtoTableView(model, self)
        self.tools = QHBoxLayout()  # page buttons, right of the heading
        self.tools.setSpacing(6)
        self._layout()

    def _layout(self) -> None:
        layout, top = page_column(self, self.heading)
        self.column = layout  # heading, summary, error, table: subclasses may insert into it
        top.addLayout(self.tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_rows(self, rows: Sequence[object]) -> None:
        self.loaded = True
        self.error.hide()
        self.model.set_rows(rows)
        self.summary.setText(self.summary_text(rows))

    def load_rows(self, fetch: Callable[[], Sequence[object]], then: Callable[[], None] | None = None) -> None:
        """Read the rows on the database thread, show them here: the window never waits on a query."""

        def shown(rows: Sequence[object]) -> None:
            self.show_rows(rows)
            if then is not None:
                then()

        def fetch_ready_to_wrap() -> Sequence[object]:
            rows = fetch()
            warm_segmenter()  # the rows' Thai lines wrap: the dictionary is built here, not on the window's thread
            return rows

        self.read_then(fetch_ready_to_wrap, shown)

    def read_then(self, fetch: Callable[[], T], shown: Callable[[T], None]) -> None:
        """Run `fetch` on the database thread and hand its answer to `shown` here. A refusal
        (AppError) shows on the page's error line; anything else goes to the error presenter."""

        def failed(error: BaseException) -> None:
            if isinstance(error, AppError):
                self.show_error(error)
                return
            from sbpac_desktop.gui.errors import present_error  # errors imports widgets: keep base light

            present_error(self, error)

        self.loaded = True  # a second show while the answer is on its way must not ask again
        Operation(self, fetch, message=self.tr("กำลังโหลด…")).success(shown).failure(failed).run()

    def show_error(self, error: AppError) -> None:
        self.loaded = True
        self.model.set_rows([])
        self.summary.clear()
        self.error.setText(wrappable(self.tr("โหลดข้อมูลไม่สำเร็จ: {message}").format(message=error_text(error))))
        self.error.show()

    def summary_text(self, rows: Sequence[object]) -> str:
        if not rows:
            return self.tr("ยังไม่มีข้อมูล")
        return self.tr("ทั้งหมด {count} รายการ").format(count=digits(str(len(rows))))
