"""ภาพรวม: the executives' dashboard — filters (fiscal year, quarter, series), one tile per
status, the post × status matrix, a bar chart by development dimension and the overdue
list with its escalation tier. Every number opens the directive tracker filtered to it
(`drill_down`); the chart saves as PNG. Figures come from services.directives.dashboard, loaded
in the background (gui/operations.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalStackedBarSeries
from PySide6.QtCore import QEvent, QMargins, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from sbpac_desktop.domain.status import STATUS_KEYS
from sbpac_desktop.gui.events import app_events
from sbpac_desktop.gui.models.directives import STATUS_COLOURS
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import Page, heading_label, scrolled_column
from sbpac_desktop.gui.pages.dashboard_chart import chart_height, chart_width, count_axis, name_labels, right_overhang
from sbpac_desktop.gui.pages.dashboard_export import DashboardTableExport
from sbpac_desktop.gui.pages.dashboard_layout import titled
from sbpac_desktop.gui.pages.dashboard_parts import (
    BAR_COLOURS,
    TIER_COLOURS,
    DrillDown,
    Tile,
    cap_matrix_width,
    chart_with_legend,
    fit_matrix_columns,
    fit_overdue_columns,
    legend_html,
    legend_label,
)
from sbpac_desktop.gui.pages.dashboard_parts import table_item as _item
from sbpac_desktop.gui.pages.dashboard_plan import PlanPanel, dashboard_plan_tree
from sbpac_desktop.gui.pages.top_row import filter_bar, fold_filters
from sbpac_desktop.gui.text import digits, wrappable
from sbpac_desktop.gui.widgets.loading import refusal_on_line
from sbpac_desktop.gui.widgets.place_filter import PlaceFilter
from sbpac_desktop.services import places
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.directives.dashboard import DashboardView, dashboard
from sbpac_desktop.services.directives.directive_views import DirectiveFilter
from sbpac_desktop.services.field.plan_views import PlanTree
from sbpac_desktop.services.meetings import meetings
from sbpac_desktop.services.meetings.series import SeriesView
from sbpac_desktop.services.places import PlaceView
from sbpac_desktop.thai.dates import fiscal_year as fiscal_year_of


class DashboardPage(Page):
    drill_down = Signal(object)  # DrillDown
    loaded_view = Signal(object)  # DashboardView, after the widgets show it (tests wait on it)
    open_plan = Signal(object)  # PlanTarget: a dimension card of the M&E panel was clicked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = today
        self.view: DashboardView | None = None
        self.status_labels = {
            "not_started": self.tr("ยังไม่ดำเนินการ"),
            "in_progress": self.tr("อยู่ระหว่างดำเนินการ"),
            "blocked": self.tr("ติดขัด"),
            "due_soon": self.tr("ใกล้ครบกำหนด"),
            "overdue": self.tr("เกินกำหนด"),
            "done": self.tr("แล้วเสร็จ"),
            "cancelled": self.tr("ยกเลิก"),
        }
        self._build_filters()
        self.tiles = {key: Tile(key, self.status_labels[key], self) for key in STATUS_KEYS}
        for key, tile in self.tiles.items():
            tile.clicked.connect(lambda key=key: self._drill(status=key))
        self.matrix = self._table("matrix")
        self.matrix.cellClicked.connect(self._matrix_clicked)
        self.overdue = self._table("overdue")
        self.overdue.cellClicked.connect(self._overdue_clicked)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().hide()  # Qt's legend keeps one row and cuts Thai labels: ours wraps
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("dimensionChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.legend = legend_label(self)
        self.chart_box = chart_with_legend(self, self.chart_view, self.legend)
        self.plan_panel = PlanPanel(self)  # M&E of the fiscal year's integrated plan, per dimension
        self.plan_panel.open_dimension.connect(self.open_plan)
        self._lay_out()
        # a directive or progress report saved anywhere: the figures shown are out of date
        app_events().directives_changed.connect(self._directives_changed)  # bound: disconnected on delete
        app_events().series_changed.connect(self._directives_changed)  # the series filter: added, renamed

    # --- construction ------------------------------------------------------------
    def _build_filters(self) -> None:
        self.heading = heading_label(self.tr("ภาพรวมการติดตามข้อสั่งการ"), self)
        # the filters beside it must fit 1366 px in every language: the heading gives way first
        self.heading.setMinimumWidth(160)
        self.heading.setToolTip(self.heading.text())
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("dashboardYear")
        self.year_filter.addItem(self.tr("ทุกปีงบประมาณ"), None)
        self.quarter_filter = QComboBox(self)
        self.quarter_filter.setObjectName("dashboardQuarter")
        self.quarter_filter.addItem(self.tr("ทุกไตรมาส"), None)
        for quarter in (1, 2, 3, 4):
            self.quarter_filter.addItem(self.tr("ไตรมาส {q}").format(q=digits(str(quarter))), quarter)
        self.series_filter = QComboBox(self)
        self.series_filter.setObjectName("dashboardSeries")
        self.series_filter.addItem(self.tr("ทุกชุดการประชุม"), None)
        for combo in (self.year_filter, self.quarter_filter, self.series_filter):
            combo.activated.connect(self.reload)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # A series name is long: the combo stays short (its list opens wider) so the filter
        # row with both export buttons fits 1366 px.
        self.series_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.series_filter.setMinimumContentsLength(16)
        self.series_filter.setMaximumWidth(260)
        self.series_filter.view().setMinimumWidth(420)
        self.place_filter = PlaceFilter(self)  # จังหวัด then อำเภอ: directives tied to places there (issue #15)
        self.place_filter.changed.connect(self.reload)
        self.export_button = QPushButton(self.tr("บันทึกกราฟเป็น PNG…"), self)
        self.export_button.setObjectName("exportChartButton")
        self.export_button.clicked.connect(self._export_clicked)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget(self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.setCursor(Qt.CursorShape.PointingHandCursor)
        return table

    def _lay_out(self) -> None:
        layout, top, self.scroll_area = scrolled_column(self, self.heading)  # a short window scrolls (960x560)
        self.column, self.top_row = layout, top
        self.scroll_area.viewport().installEventFilter(self)  # the width shown decides the filters' row
        self.filter_bar = filter_bar(
            self, (self.year_filter, self.quarter_filter, self.series_filter, self.place_filter), "dashboardFilters"
        )
        for widget in (self.filter_bar, self.export_button):
            top.addWidget(widget)
        layout.addWidget(self.error)
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)
        layout.addWidget(self.summary)
        self.table_export = DashboardTableExport(self, top)  # ส่งออกตาราง… (gui/pages/dashboard_export.py)
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        middle.addWidget(titled(self, self.tr("ผู้รับผิดชอบหลัก × สถานะ"), self.matrix))
        self.chart_column = titled(self, self.tr("จำนวนข้อสั่งการตามมิติการพัฒนา"), self.chart_box)
        middle.addWidget(self.chart_column)
        middle.setSizes([700, 420])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(middle)
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("dashboardBottomTabs")
        self.bottom_tabs.addTab(self.overdue, self.tr("ข้อสั่งการที่เกินกำหนด (เรียงตามจำนวนวันที่ล่าช้า)"))
        self.bottom_tabs.addTab(self.plan_panel, self.tr("แผนบูรณาการ: ผลการติดตามและประเมินผล"))
        split.addWidget(self.bottom_tabs)
        split.setSizes([300, 240])
        layout.addWidget(split, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # resized, or the page's parts asked for other sizes (a filter filled later, the chart's
        # least size set by its data): the column's layout tells the viewport, its parent
        if watched is self.scroll_area.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            width = self.scroll_area.viewport().width()  # the page less the scroll bar, when it shows
            fold_filters(self.column, self.top_row, self.filter_bar, width)  # under the heading when narrow
            cap_matrix_width(self.matrix, self._matrix_room(width))
        return super().eventFilter(watched, event)

    def _matrix_room(self, width: int) -> int:
        """What the matrix may take of a page `width` wide, the chart keeping its least width."""
        margins = self.column.contentsMargins()
        return width - margins.left() - margins.right() - self.chart_column.minimumSizeHint().width() - 8

    # --- data ----------------------------------------------------------------------
    def scope(self) -> tuple[int | None, int | None, int | None]:
        year = self.year_filter.currentData()
        quarter = self.quarter_filter.currentData() if year is not None else None
        return year, quarter, self.series_filter.currentData()

    def reload(self, *_: object) -> None:
        self.loaded = True
        year, quarter, series_id = self.scope()
        place_id = self.place_filter.place_id()
        self.quarter_filter.setEnabled(year is not None)
        ctx, db, actor, today = self.ctx, self.ctx.db, self.ctx.actor, self.today
        need_places = self.place_filter.province.count() == 1  # the first load: read the provinces too

        def load() -> tuple[DashboardView, list[SeriesView], list[PlaceView] | None, PlanTree | None]:
            view = dashboard(db, actor, year, quarter, series_id, today, place_id=place_id)
            area = (
                places.list_places(db, actor) + places.list_places(db, actor, level="district") if need_places else None
            )
            return view, meetings.list_series(db, actor), area, dashboard_plan_tree(ctx, year, today, place_id)

        Operation(self, load, message=self.tr("กำลังโหลดภาพรวม…")).success(self._show).failure(
            refusal_on_line(self, self.error, self.tr("โหลดข้อมูลไม่สำเร็จ: {message}"))
        ).run()

    def _directives_changed(self) -> None:
        if self.loaded:
            self.reload()

    def _show(self, answer: tuple[DashboardView, list[SeriesView], list[PlaceView] | None, PlanTree | None]) -> None:
        view, series, area, tree = answer
        self.view = view
        self.error.hide()
        self._fill_filters(view, series)
        if area is not None:
            self.place_filter.set_places(area)
        for key, count in view.status_counts:
            self.tiles[key].set_count(count)
        self.summary.setText(self._summary_text(view))
        self._fill_matrix(view)
        self._fill_chart(view)
        self._fill_overdue(view)
        plan_year = view.fiscal_year if view.fiscal_year is not None else fiscal_year_of(view.as_of)
        self.plan_panel.show_plan(tree, plan_year, view.quarter, view.as_of, self._place_text())
        self.loaded_view.emit(view)

    def _place_text(self) -> str | None:
        """The chosen district's or province's name as the filter shows it, None for every province."""
        for combo in (self.place_filter.district, self.place_filter.province):
            if combo.currentData() is not None:
                return combo.currentText()
        return None

    def _fill_filters(self, view: DashboardView, series: list[SeriesView]) -> None:
        for combo, wanted in (
            (self.year_filter, [(self.tr("ปีงบประมาณ {y}").format(y=digits(str(y))), y) for y in view.fiscal_years]),
            (self.series_filter, [(s.name, s.id) for s in series]),
        ):
            have = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
            if have != wanted:  # a renamed series too: its name, not only its id
                current = combo.currentData()
                combo.blockSignals(True)
                while combo.count() > 1:
                    combo.removeItem(1)
                for text, value in wanted:
                    combo.addItem(text, value)
                combo.setCurrentIndex(max(combo.findData(current), 0))
                combo.blockSignals(False)

    def _summary_text(self, view: DashboardView) -> str:
        parts = [self.tr("ข้อสั่งการ {n} เรื่อง").format(n=digits(str(view.total)))]
        if not view.total:  # a new office, or filters that leave none: say which
            filtered = any(v is not None for v in (*self.scope(), self.place_filter.place_id()))
            parts = [
                self.tr("ไม่พบข้อสั่งการตามเงื่อนไขที่กรอง")
                if filtered
                else self.tr("ยังไม่มีข้อสั่งการ — ตัวเลขจะแสดงเมื่อบันทึกข้อสั่งการในหน้า “ข้อสั่งการ” หรือจากระเบียบวาระการประชุม")
            ]
        for rate in view.completion[:5]:
            if rate.rate is None:
                continue
            period = self.tr("ปีงบประมาณ {y}").format(y=rate.fiscal_year)
            if rate.quarter is not None:
                period = self.tr("ไตรมาส {q}/{y}").format(q=rate.quarter, y=rate.fiscal_year)
            text = self.tr("{period} เสร็จตามกำหนดร้อยละ {pct:.0f} ({done}/{due})").format(
                period=period, pct=rate.rate * 100, done=rate.on_time, due=rate.due
            )
            parts.append(digits(text))
        when = digits(self.tr("ข้อมูล ณ วันที่ {d}").format(d=view.as_of.strftime("%d/%m/") + str(view.as_of.year + 543)))
        return wrappable(" · ".join([when, *parts]))

    def _fill_matrix(self, view: DashboardView) -> None:
        keys = view.matrix_keys
        self.matrix.clear()
        self.matrix.setColumnCount(len(keys) + 2)
        self.matrix.setRowCount(len(view.matrix))
        headers = [self.tr("ผู้รับผิดชอบหลัก"), *(self.status_labels[k] for k in keys), self.tr("รวม")]
        self.matrix.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(view.matrix):
            self.matrix.setItem(r, 0, _item(row.label, (row.label, None)))
            for c, (key, count) in enumerate(zip(keys, row.counts, strict=True), start=1):
                tint = STATUS_COLOURS.get(key) if count else None
                self.matrix.setItem(r, c, _item(digits(str(count)), (row.label, key), tint, True))
            self.matrix.setItem(r, len(keys) + 1, _item(digits(str(row.total)), (row.label, None), None, True))
        fit_matrix_columns(self.matrix, self._matrix_room(self.scroll_area.viewport().width()))

    def _fill_chart(self, view: DashboardView) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QHorizontalStackedBarSeries()
        self.bar_sets: dict[str, QBarSet] = {}
        for index, key in enumerate(STATUS_KEYS):
            if not any(d.counts[index] for d in view.dimensions):
                continue
            bar_set = QBarSet(self.status_labels[key])
            bar_set.setColor(QColor(BAR_COLOURS[key]))
            bar_set.append([float(d.counts[index]) for d in view.dimensions])
            bar_set.clicked.connect(lambda i, key=key: self._bar_clicked(key, i))
            series.append(bar_set)
            self.bar_sets[key] = bar_set
        self.chart.addSeries(series)
        labels = name_labels([d.name for d in view.dimensions], self.fontMetrics())
        categories = QBarCategoryAxis()
        categories.append(labels)
        values = count_axis(max([d.total for d in view.dimensions], default=0))  # in the office's digits
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        categories.setReverse(True)
        categories.setTruncateLabels(False)
        for axis in (categories, values):  # after addAxis: the chart's theme sets its own font there
            axis.setLabelsFont(self.font())
        self.legend.setText(legend_html([(BAR_COLOURS[key], bar.label()) for key, bar in self.bar_sets.items()]))
        self.chart.setMargins(QMargins(4, 4, 4 + right_overhang(values, self.font()), 4))
        metrics = self.fontMetrics()  # whole labels: the page scrolls
        self.chart_view.setMinimumSize(chart_width(labels, metrics), chart_height(len(labels), metrics))

    def _fill_overdue(self, view: DashboardView) -> None:
        headers = [self.tr("เลขที่"), self.tr("ข้อสั่งการ"), self.tr("ผู้รับผิดชอบหลัก"), self.tr("ล่าช้า (วัน)"),
                   self.tr("ระดับการติดตาม")]  # fmt: skip
        self.overdue.clear()
        self.overdue.setColumnCount(len(headers))
        self.overdue.setHorizontalHeaderLabels(headers)
        self.overdue.setRowCount(len(view.overdue))
        for r, line in enumerate(view.overdue):
            tint = TIER_COLOURS.get(line.escalation.tier)
            cells = [
                _item(line.row.number_text(), line.row.id),
                _item(wrappable(line.row.text), line.row.id),
                _item(wrappable(line.row.lead_label or "—"), line.row.id),
                _item(digits(str(line.days_late)), line.row.id, None, True),
                _item(wrappable(digits(line.escalation.label)), line.row.id, tint),
            ]
            for c, cell in enumerate(cells):
                self.overdue.setItem(r, c, cell)
        fit_overdue_columns(self.overdue)

    # --- click-through -------------------------------------------------------------------
    def _drill(self, *, status: str | None = None, assignee: str | None = None,
               dimension_id: int | None = None, select_id: int | None = None) -> None:  # fmt: skip
        year = self.view.fiscal_year if self.view else None
        flt = DirectiveFilter(status=status, fiscal_year=year, assignee=assignee, dimension_id=dimension_id,
                              place_id=self.place_filter.place_id())  # fmt: skip
        self.drill_down.emit(DrillDown(flt, select_id))

    def _matrix_clicked(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        if item is not None:
            label, key = item.data(Qt.ItemDataRole.UserRole)
            self._drill(status=key, assignee=label)

    def _overdue_clicked(self, row: int, _column: int) -> None:
        item = self.overdue.item(row, 0)
        if item is not None:
            self._drill(status="overdue", select_id=item.data(Qt.ItemDataRole.UserRole))

    def _bar_clicked(self, key: str, index: int) -> None:
        if self.view is not None and 0 <= index < len(self.view.dimensions):
            dimension = self.view.dimensions[index]
            self._drill(status=key, dimension_id=dimension.dimension_id)

    # --- export ----------------------------------------------------------------------
    def export_chart(self, path: str) -> bool:
        return self.chart_box.grab().save(path, "PNG")  # the chart with its legend

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("บันทึกกราฟเป็นรูปภาพ"), "dashboard-chart.png", self.tr("รูปภาพ PNG (*.png)")
        )
        if path:
            self.export_chart(path if path.lower().endswith(".png") else path + ".png")
