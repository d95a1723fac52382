"""ผลการค้นหา: the results of the toolbar search box, best first, the match highlighted.

Double-click (or Enter) opens the record: a meeting or agenda item opens the meeting
window the way the meetings page does; a directive or progress report selects the
directive on the directives page.
"""

from __future__ import annotations

import html
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.text import ThaiLabel, WrapDelegate, breakable, digits
from sbpac_desktop.gui.widgets.loading import loading_message, refusal_to
from sbpac_desktop.services import search as search_service
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.search import SearchHit, SearchResults, snippet_parts

if TYPE_CHECKING:
    from sbpac_desktop.gui.main_window import MainWindow

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
COL_KIND, COL_NUMBER, COL_TITLE, COL_SNIPPET = range(4)
HIGHLIGHT_STYLE = "background-color:#ffe08a; color:#000; font-weight:bold"


def snippet_html(snippet: str) -> str:
    return "".join(
        f'<span style="{HIGHLIGHT_STYLE}">{html.escape(breakable(part))}</span>'
        if is_match
        else html.escape(breakable(part))
        for part, is_match in snippet_parts(snippet)
    )


class HighlightDelegate(QStyledItemDelegate):
    """Paints the snippet column as rich text so the matched words stand out."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        document = _snippet_document(opt, index, opt.rect.width())
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(
            opt.rect.left() + 2, opt.rect.top() + max(0, (opt.rect.height() - document.size().height()) / 2)
        )
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 4, opt.rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        view = self.parent()
        width = view.columnWidth(index.column()) if isinstance(view, QTreeWidget) else option.rect.width()
        lines = _snippet_document(option, index, width).size().height()  # the snippet wraps between words
        return QSize(size.width(), int(max(size.height(), lines + 6, option.fontMetrics.height() + 10)))


def _snippet_document(option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(option.font)
    document.setHtml(snippet_html(str(index.data(Qt.ItemDataRole.DisplayRole) or "")))
    if width > 8:
        document.setTextWidth(width - 4)
    return document


class SearchResultsDialog(QDialog):
    open_meeting = Signal(int)
    open_directive = Signal(int)
    open_visit = Signal(int)  # a field visit or one of its findings
    open_network_report = Signal(int)  # a report of the civil-society network, on its member's page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[SearchHit] = []
        self.more = False  # matching records beyond those shown
        self.limit = 50  # hits shown, best first
        self._asked = 0  # the latest search
        self.setObjectName("searchResults")
        self.setWindowTitle(self.tr("ผลการค้นหา"))
        self.resize(900, 480)
        self.summary = ThaiLabel(self)
        self.summary.setObjectName("searchSummary")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("searchHits")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)  # long titles and snippets take the lines they need
        self.tree.setWordWrap(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels([self.tr("ประเภท"), self.tr("เลขที่"), self.tr("เรื่อง"), self.tr("ข้อความที่พบ")])
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (COL_KIND, COL_NUMBER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COL_TITLE, 320)
        self.tree.setItemDelegateForColumn(COL_SNIPPET, HighlightDelegate(self.tree))
        self.tree.setItemDelegateForColumn(COL_TITLE, WrapDelegate(self.tree))
        relayout = QTimer(self.tree, singleShot=True, interval=0)
        relayout.timeout.connect(self.tree.doItemsLayout)
        header.sectionResized.connect(lambda *_: relayout.start())
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        hint = QLabel(self.tr("ดับเบิลคลิกหรือกด Enter ที่รายการเพื่อเปิด"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)

    def run(self, text: str) -> None:
        """Search on the database thread; the hits (or the refusal) show here when they arrive, and
        an older search still on its way is dropped."""
        query = text.strip()
        self._asked += 1
        asked = self._asked
        self.hits, self.more = [], False
        self.tree.clear()  # no hit of the previous search can be opened meanwhile
        if not query:
            self._fill(query)
            return
        self.summary.setText(loading_message())

        def arrived(found: SearchResults) -> None:
            if asked == self._asked:
                self.hits, self.more = found.hits, found.more
                self._fill(query)

        def refused(error: AppError) -> None:
            if asked == self._asked:
                self.summary.setText(self.tr("ค้นหาไม่สำเร็จ: {message}").format(message=error_text(error)))

        read = partial(search_service.search_results, self.ctx.db, self.ctx.actor, query, self.limit)
        Operation(self, read, message=loading_message()).success(arrived).failure(refusal_to(self, refused)).run()

    def _fill(self, query: str) -> None:
        self.tree.clear()
        for hit in self.hits:
            # every cell in the window's digits, not only the number: a title such as
            # "รายงานความก้าวหน้า ณ 30 ก.ย. 2562" must not sit next to "ขส. ๐๐๑/๒๕๖๒"
            title, snippet = digits(hit.title), digits(hit.snippet)
            item = QTreeWidgetItem([hit.kind_label, digits(hit.number_text), title, snippet])
            item.setData(COL_KIND, HIT_ROLE, hit)
            item.setToolTip(COL_TITLE, title)
            item.setToolTip(COL_SNIPPET, snippet)
            self.tree.addTopLevelItem(item)
        if self.hits:
            if self.more:  # a common word: these are the best of its newest matches, not all
                text = self.tr("ผลการค้นหา “{query}” — {count} รายการที่ตรงที่สุดจากรายการล่าสุด (ยังมีอีก ระบุคำให้ชัดขึ้น)")
            else:
                text = self.tr("ผลการค้นหา “{query}” — พบ {count} รายการ (เรียงตามความตรง)")
            self.summary.setText(text.format(query=query, count=digits(str(len(self.hits)))))
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        else:
            self.summary.setText(self.tr("ไม่พบข้อมูลที่ตรงกับ “{query}”").format(query=query))

    def hit_at(self, row: int) -> SearchHit | None:
        item = self.tree.topLevelItem(row)
        hit = item.data(COL_KIND, HIT_ROLE) if item else None
        return hit if isinstance(hit, SearchHit) else None

    def open_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(COL_KIND, HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        if hit.visit_id is not None:  # a field visit or its finding (issue #15)
            self.open_visit.emit(hit.visit_id)
        elif hit.kind == "external_report":  # shown with its member, whether or not it names a directive
            self.open_network_report.emit(hit.ref_id)
        elif hit.directive_id is not None:
            self.open_directive.emit(hit.directive_id)
        elif hit.meeting_id is not None:
            self.open_meeting.emit(hit.meeting_id)


def show_search_results(window: MainWindow, text: str) -> SearchResultsDialog | None:
    """Run the search for the main window and show (or refresh) its one results window."""
    if not text.strip():
        return None
    dialog = window.findChild(SearchResultsDialog, "searchResults")
    if dialog is None:
        dialog = SearchResultsDialog(window.ctx, window)
        dialog.open_meeting.connect(lambda meeting_id: _open_meeting(window, meeting_id))
        dialog.open_directive.connect(lambda directive_id: _open_directive(window, directive_id))
        dialog.open_visit.connect(lambda visit_id: _open_visit(window, visit_id))
        dialog.open_network_report.connect(lambda report_id: _open_network_report(window, report_id))
    dialog.run(text)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _open_visit(window: MainWindow, visit_id: int) -> None:
    from sbpac_desktop.gui.pages.field_visits import FieldVisitsPage

    window.show_page("field_visits")
    window.page_as("field_visits", FieldVisitsPage).open_visit(visit_id)


def _open_network_report(window: MainWindow, report_id: int) -> None:
    from sbpac_desktop.gui.pages.network import NetworkPage

    window.show_page("network")
    window.page_as("network", NetworkPage).open_report(report_id)


def _open_meeting(window: MainWindow, meeting_id: int) -> None:
    from sbpac_desktop.gui.pages.meetings import MeetingsPage

    window.page_as("meetings", MeetingsPage).open_meeting(meeting_id)


def _open_directive(window: MainWindow, directive_id: int) -> None:
    from sbpac_desktop.gui.pages.directives import DirectivesPage

    window.show_page("directives")
    page = window.page_as("directives", DirectivesPage)
    page.ensure_loaded()
    if not page.select_directive(directive_id):  # hidden by a filter: show all, then select it
        page.apply_filter(DirectiveFilter(), select_id=directive_id)
