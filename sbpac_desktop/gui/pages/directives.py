"""ข้อสั่งการ: the directive tracker — filters above the table (status, post/assignee, fiscal year,
text), status colours, the selected directive on the right. New (Ctrl+N), edit, add progress.

Rows come a page at a time from the tracker service (filtered and sorted in SQL, off the
GUI thread); the summary line's counts per status come from a separate GROUP BY query."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QStyle, QWidget

from sbpac_desktop import render_jobs
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.dialogs.directive_dialog import DirectiveDialog
from sbpac_desktop.gui.dialogs.form import set_tab_order
from sbpac_desktop.gui.dialogs.progress_dialog import ProgressDialog
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.i18n import error_text
from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.models.directives import DirectivesModel
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages import directive_import, directive_scope, file_export, tracker_filters
from sbpac_desktop.gui.pages.base import TablePage
from sbpac_desktop.gui.pages.top_row import FoldingFilters, filter_bar
from sbpac_desktop.gui.process_operations import ProcessOperation
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.directive_detail import DirectiveDetailPane
from sbpac_desktop.gui.widgets.place_filter import PlaceFilter
from sbpac_desktop.reporting.spreadsheets import WrittenFile
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives import tracker
from sbpac_desktop.services.directives.directive_views import DirectiveRow
from sbpac_desktop.services.directives.directives import DirectiveFilter
from sbpac_desktop.services.directives.tracker import TrackerCounts, TrackerPage, TrackerQuery

FILTER_DELAY_MS = 250


class DirectivesPage(TablePage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, DirectivesModel(), parent)
        self.model: DirectivesModel
        self.model.connect_source(self, self._fetch_page)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._load_failed)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        self._explicit_select = False
        self._counts_generation = 0
        self.heading.setText(self.tr("ข้อสั่งการ"))
        self.dialog: QWidget | None = None
        self._select_id: int | None = None
        self._choices_pending = False  # the year and place filters' lists are on their way
        self._waiting: tuple[DirectiveFilter, int | None] | None = None  # a drill-down that came before them
        self._pinned = DirectiveFilter()  # dimension/meeting from apply_filter; no filter box shows them
        self.detail = DirectiveDetailPane(self)
        self.detail.shown.connect(self._update_buttons)  # the directive arrives off the GUI thread
        self._build_tools()
        self._build_filters()
        self._rearrange()
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        app_events().directives_changed.connect(self._changed)

    # --- construction ------------------------------------------------------------
    def _build_tools(self) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        self.new_button = QPushButton(icon, self.tr("ข้อสั่งการใหม่"), self)
        self.new_button.setObjectName("newDirectiveButton")
        self.new_button.setToolTip(self.tr("ออกข้อสั่งการใหม่ (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("แก้ไข…"), self)
        self.edit_button.setObjectName("editDirectiveButton")
        self.progress_button = QPushButton(self.tr("รายงานความก้าวหน้า…"), self)
        self.progress_button.setObjectName("addProgressButton")
        self.export_button = QPushButton(self.tr("ส่งออก…"), self)
        self.export_button.setObjectName("exportTrackerButton")
        self.export_button.setToolTip(self.tr("ส่งออกข้อสั่งการตามตัวกรองปัจจุบันเป็น Excel หรือ CSV (Ctrl+E)"))
        self.import_button = directive_import.import_button(self, lambda: self.import_from_file())
        self.report_button = QPushButton(self.tr("รายงานผลการติดตาม…"), self)
        self.report_button.setObjectName("followupReportButton")
        buttons = (self.new_button, self.edit_button, self.progress_button, self.export_button, self.import_button,
                   self.report_button)  # fmt: skip
        for button in buttons:
            self.tools.addWidget(button)
        self.export_button.clicked.connect(self.export_tracker)
        self.report_button.clicked.connect(self.open_followup_report)
        export_key = QShortcut(QKeySequence("Ctrl+E"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        export_key.activated.connect(self.export_tracker)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.progress_button.clicked.connect(self.add_progress)

    def _build_filters(self) -> None:
        self.status_filter = tracker_filters.status_combo(self)
        self.place_filter = PlaceFilter(self)  # จังหวัด then อำเภอ (issue #15)
        self.place_filter.changed.connect(self.reload)
        self.assignee_filter = QLineEdit(self)
        self.assignee_filter.setObjectName("assigneeFilter")
        self.assignee_filter.setPlaceholderText(self.tr("ผู้รับผิดชอบ: ตำแหน่ง หน่วยงาน หรือชื่อ"))
        self.assignee_filter.setClearButtonEnabled(True)
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.addItem(self.tr("ทุกปีงบประมาณ"), None)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText(self.tr("ค้นหาในข้อความข้อสั่งการ (Ctrl+F)"))
        self.text_filter.setClearButtonEnabled(True)
        self.scope_filter = directive_scope.scope_combo(self, self.ctx, self.reload)  # officer: ข้อสั่งการของฉัน
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.year_filter.currentIndexChanged.connect(self.reload)
        self.assignee_filter.textChanged.connect(self._schedule)
        self.text_filter.textChanged.connect(self._schedule)

    def _rearrange(self) -> None:
        """Filters go between the heading and the table; the table shares the width with the detail."""
        layout = self.column
        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(QLabel(self.tr("กรอง:"), self))
        filters.addWidget(self.scope_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.year_filter)
        filters.addWidget(self.place_filter)
        texts = filter_bar(self, (self.assignee_filter, self.text_filter), "trackerTextFilters", (1, 2))
        filters.addWidget(texts, 1)
        filters.addStretch(0)  # the other filters keep their widths when the text boxes fold under them
        layout.removeWidget(self.table)
        layout.insertLayout(1, filters)
        self.folding = FoldingFilters(self, layout, filters, texts, filters.indexOf(texts), 1)  # own row if narrow
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 460])
        layout.addWidget(self.splitter, 1)
        self.notice = file_export.notice_label(self)  # "exported N rows to ..."
        layout.insertWidget(layout.indexOf(self.summary) + 1, self.notice)
        order = [self.status_filter, self.year_filter, self.place_filter.province, self.place_filter.district]
        set_tab_order([*order, self.assignee_filter, self.text_filter, self.table])

    # --- data ----------------------------------------------------------------------
    def filters(self) -> DirectiveFilter:
        return DirectiveFilter(
            status=self.status_filter.currentData(),
            fiscal_year=self.year_filter.currentData(),
            assignee=self.assignee_filter.text().strip() or None,
            text=self.text_filter.text().strip() or None,
            dimension_id=self._pinned.dimension_id,
            meeting_id=self._pinned.meeting_id,
            place_id=self.place_filter.place_id(),
            held_by_user=directive_scope.held_by(self.scope_filter, self.ctx),
        )

    def _schedule(self, *_: object) -> None:
        self._filter_timer.start()

    def reload(self) -> None:
        """Ask for the first page of the current filters (and the counts); answers arrive later."""
        self._filter_timer.stop()
        if not self.loaded:
            self.loaded = self._choices_pending = True
            boxes = self.year_filter, self.place_filter
            tracker_filters.load_choices(self, self.ctx, *boxes, self._choices_arrived, self._choices_failed)
        if self._choices_pending:
            return  # the rows are asked for once the filters' lists are here
        self._keep = self._select_id if self._select_id is not None else self._selected_id()
        self._explicit_select = self._select_id is not None
        self._select_id = None
        flt = self.filters()
        self.model.set_query(replace(self.model.query, filters=flt))
        self._request_counts(flt)

    def _fetch_page(self, query: TrackerQuery, offset: int, limit: int) -> TrackerPage:  # worker thread
        return tracker.tracker_page(self.ctx.db, self.ctx.actor, query, offset, limit)

    def _page_loaded(self, offset: int) -> None:
        if offset:
            return
        self.error.hide()
        self.table.fit_columns()
        keep, self._keep = getattr(self, "_keep", None), None
        if keep is not None and not self.select_directive(keep):
            if self._explicit_select:  # opened from search or the dashboard: show it even if not in this page
                self._show_detail(keep)
            else:
                self.detail.show_detail(None)
        elif keep is None:
            self.detail.show_detail(None)
        self._update_buttons()

    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, AppError):
            self.show_error(error)
        else:
            raise error  # programming errors reach the global handler

    def _request_counts(self, flt: DirectiveFilter) -> None:
        self._counts_generation += 1
        generation = self._counts_generation
        Operation(
            self, lambda: tracker.tracker_counts(self.ctx.db, self.ctx.actor, flt), message=self.tr("กำลังนับข้อสั่งการ…")
        ).success(lambda counts: self._show_counts(generation, counts)).failure(lambda _error: None).run()

    def _show_counts(self, generation: int, counts: TrackerCounts) -> None:
        if generation == self._counts_generation:
            self.summary.setText(self.counts_text(counts))

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """Unsortable columns keep the indicator where the rows are actually ordered."""
        if column >= 0 and not self.model.sortable(column):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _choices_arrived(self) -> None:
        self._choices_pending = False
        waiting, self._waiting = self._waiting, None
        self.apply_filter(*waiting) if waiting else self.reload()

    def _choices_failed(self, error: BaseException) -> None:
        self._choices_pending = self.loaded = False  # showing the page again asks again
        self._load_failed(error)

    def _changed(self) -> None:
        if self.loaded:  # the years too: a new directive may open a fiscal year
            tracker_filters.refresh_years(self, self.ctx, self.year_filter, self._schedule)
            self.reload()

    def counts_text(self, counts: TrackerCounts) -> str:
        if not counts.total:
            return tracker_filters.empty_text(self.filters())
        total = self.tr("ทั้งหมด {count} รายการ").format(count=digits(f"{counts.total:,}"))
        parts = [
            (self.tr("เกินกำหนด"), counts.count("overdue")),
            (self.tr("ติดขัด"), counts.count("blocked")),
            (self.tr("ใกล้ครบกำหนด"), counts.count("due_soon")),
            (self.tr("อยู่ระหว่างดำเนินการ"), counts.count("in_progress")),
            (self.tr("ยังไม่ดำเนินการ"), counts.count("not_started")),
            (self.tr("แล้วเสร็จ"), counts.count("done")),
        ]
        detail = " · ".join(f"{label} {digits(f'{count:,}')}" for label, count in parts if count)
        return f"{total} — {detail}" if detail else total

    # --- selection -----------------------------------------------------------------
    def selected_row(self) -> DirectiveRow | None:
        index = self.table.currentIndex()
        row = index.data(ITEM_ROLE) if index.isValid() else None
        return row if isinstance(row, DirectiveRow) else None

    def _selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def select_directive(self, directive_id: int) -> bool:
        number = self.table.row_of(lambda row: isinstance(row, DirectiveRow) and row.id == directive_id)
        if number is None:
            return False
        self.table.setCurrentIndex(self.table.proxy.index(number, 0))
        self.table.selectRow(number)
        self._show_detail(directive_id)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ITEM_ROLE) if current.isValid() else None
        if isinstance(row, DirectiveRow):
            self._show_detail(row.id)
        else:
            self.detail.show_detail(None)
        self._update_buttons()

    def _show_detail(self, directive_id: int) -> None:
        self.error.hide()  # a refusal about the directive shown before must not stand over the next one
        self.detail.show_directive(directive_id, self._detail_refused)

    def _detail_refused(self, error: AppError) -> None:
        self.error.setText(error_text(error))
        self.error.show()

    def _update_buttons(self) -> None:
        has = self.detail.detail is not None
        self.edit_button.setEnabled(has)
        self.progress_button.setEnabled(has and bool(self.detail.detail and self.detail.detail.assignments))

    # --- actions -------------------------------------------------------------------
    def focus_search(self) -> None:
        self.text_filter.setFocus()
        self.text_filter.selectAll()

    def _saved(self, detail: object) -> None:
        row = getattr(detail, "row", None)
        if isinstance(row, DirectiveRow):
            self._select_id = row.id
        self.reload()

    def new_record(self) -> DirectiveDialog:
        dialog = DirectiveDialog(self.ctx, self)
        self.open_dialog(dialog, self._saved)
        return dialog

    def edit_selected(self) -> DirectiveDialog | None:
        if self.detail.detail is None:
            return None
        dialog = DirectiveDialog(self.ctx, self, detail=self.detail.detail)
        self.open_dialog(dialog, self._saved)
        return dialog

    def add_progress(self) -> ProgressDialog | None:
        if self.detail.detail is None or not self.detail.detail.assignments:
            return None
        dialog = ProgressDialog(self.ctx, self.detail.detail, self)
        self.open_dialog(dialog, self._saved)
        return dialog

    def export_tracker(self) -> None:
        """Ctrl+E: the rows of the current filters to .xlsx or .csv, written in the worker process."""
        try:
            target = file_export.ask_save_path(
                self, self.tr("ส่งออกข้อสั่งการ"), "directives.xlsx", file_export.spreadsheet_filters()
            )
        except AppError as error:
            from sbpac_desktop.gui.errors import present_error

            self.dialog = present_error(self, error)
            return
        if target is None:
            return
        job = render_jobs.job(self.ctx.db, self.ctx.actor, render_jobs.TRACKER, self.filters(), date.today(), target)
        message = self.tr("กำลังส่งออกข้อสั่งการ…")
        ProcessOperation(self, job, message=message, busy=[self.export_button]).success(self._exported).run()

    def _exported(self, written: WrittenFile) -> None:
        text = self.tr("ส่งออกข้อสั่งการ {count} รายการไปที่ {path} แล้ว")
        file_export.announce(self, self.notice, text.format(count=digits(f"{written.rows:,}"), path=written.path))

    def import_from_file(self, path: Path | None = None) -> QWidget | None:
        """The import preview (dry run row by row, then นำเข้า); the list reloads after an import."""
        return directive_import.open_import(self.ctx, self, path, self.reload)

    def open_followup_report(self) -> QWidget:
        from sbpac_desktop.gui.dialogs.followup_report_dialog import FollowUpReportDialog

        flt = self.filters()
        dialog = FollowUpReportDialog(self.ctx, self, fiscal_year=flt.fiscal_year, assignee=flt.assignee)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_selected()

    # --- opened from elsewhere (dashboard click-through) -------------------------------
    def apply_filter(self, flt: DirectiveFilter, select_id: int | None = None) -> None:
        """Show the tracker narrowed to `flt`. A dimension or meeting in `flt` has no filter
        box here: it applies until the user changes any filter by hand."""
        self.ensure_loaded()
        if self._choices_pending:  # the year and place lists are not here yet: apply it when they are
            self._waiting = (flt, select_id)
            return
        boxes = (self.status_filter, self.year_filter, self.assignee_filter, self.text_filter)
        for box in boxes:
            box.blockSignals(True)
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(flt.status), 0))
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(flt.fiscal_year), 0))
        self.assignee_filter.setText(flt.assignee or "")
        self.text_filter.setText(flt.text or "")
        directive_scope.show_everything(self.scope_filter)
        self.place_filter.choose_place(flt.place_id)
        for box in boxes:
            box.blockSignals(False)
        if not getattr(self, "_unpin_connected", False):
            self._unpin_connected = True
            for combo in (self.status_filter, self.year_filter):
                combo.activated.connect(self._unpin)
            for edit in (self.assignee_filter, self.text_filter):
                edit.textEdited.connect(self._unpin)
        self._pinned = DirectiveFilter(dimension_id=flt.dimension_id, meeting_id=flt.meeting_id)
        self._select_id = select_id
        self.reload()

    def _unpin(self, *_: object) -> None:
        if self._pinned != DirectiveFilter():
            self._pinned = DirectiveFilter()
            self._schedule()
