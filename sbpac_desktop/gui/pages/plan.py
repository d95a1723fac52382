"""แผนบูรณาการ: the integrated plan of a fiscal year as a tree (dimension -> project -> indicator),
the quarterly entry table (the quarter's actual and a note per indicator; editable only on the
projects the account may report for), the M&E summary per dimension and per agency, and the
quarterly report for the SG meeting as PDF or Word. Services do the work (services/plan*.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sbpac_desktop.domain.errors import ValidationError
from sbpac_desktop.domain.plan import baht_text, percent_text, value_text
from sbpac_desktop.domain.status import STATUS_TITLES
from sbpac_desktop.gui.errors import present_error
from sbpac_desktop.gui.operations import Operation
from sbpac_desktop.gui.pages.base import Page, heading_label
from sbpac_desktop.gui.pages.file_export import announce, ask_save_path, notice_label
from sbpac_desktop.gui.text import digits
from sbpac_desktop.gui.widgets.items import child_items, table_item
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.field import plan_actuals, plan_report, plan_views
from sbpac_desktop.services.field.plan_actuals import ActualInput
from sbpac_desktop.services.field.plan_views import GroupSummary, PlanTree
from sbpac_desktop.thai import to_arabic_digits
from sbpac_desktop.thai.dates import fiscal_quarter, fiscal_year

ResultT = TypeVar("ResultT")  # what the background call answers

STATE_TINT = {"on_track": "#e4f4e4", "behind": "#fbe1de", "no_data": "#eeeeee"}
ENTRY_VALUE, ENTRY_NOTE = 4, 5


class PlanPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("planPage")
        self.today = today or date.today()
        self.tree_data: PlanTree | None = None
        self.enterable: frozenset[int] | None = frozenset()
        self.entry_ids: list[int] = []
        self.operation: Operation[Any] | None = None
        self.pending_dimension: str | None = None  # to select once the tree shows (show_dimension)
        self.year = QSpinBox(self)
        self.year.setRange(2500, 2700)
        self.year.setValue(fiscal_year(self.today))
        self.year.setPrefix(self.tr("ปีงบประมาณ พ.ศ. "))
        self.quarter = QComboBox(self)
        for q in (1, 2, 3, 4):
            self.quarter.addItem(self.tr("ไตรมาส %1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex(fiscal_quarter(self.today) - 1)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.quarter.currentIndexChanged.connect(lambda _i: self._show())
        self.save_button = QPushButton(self.tr("บันทึกผลไตรมาส"), self)
        self.save_button.clicked.connect(self.save_entries)
        self.pdf_button = QPushButton(self.tr("รายงาน PDF"), self)
        self.pdf_button.clicked.connect(lambda: self.export_report(".pdf"))
        self.word_button = QPushButton(self.tr("รายงาน Word"), self)
        self.word_button.clicked.connect(lambda: self.export_report(".docx"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.notice = notice_label(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("planTree")
        self.tree.setHeaderLabels([self.tr("แผน / มิติ / โครงการ / ตัวชี้วัด"), self.tr("เจ้าของ"), self.tr("เป้าหมายสะสม"),
                                   self.tr("ผลสะสม"), self.tr("สถานะ"), self.tr("เบิกจ่าย/แผน (บาท)")])  # fmt: skip
        self.tree.setColumnWidth(0, 430)
        self.tree.setColumnWidth(1, 200)
        self.entry = QTableWidget(0, 6, self)
        self.entry.setObjectName("planEntry")
        headers = (self.tr("โครงการ"), self.tr("ตัวชี้วัด"), self.tr("หน่วย"), self.tr("เป้าหมายสะสม"),
                   self.tr("ผลของไตรมาส"), self.tr("หมายเหตุ"))  # fmt: skip
        self.entry.setHorizontalHeaderLabels(list(headers))
        for column, width in enumerate((260, 300, 80, 100, 100, 260)):
            self.entry.setColumnWidth(column, width)
        self.by_dimension = self._summary_table("planByDimension", self.tr("มิติการพัฒนา"))
        self.by_agency = self._summary_table("planByAgency", self.tr("หน่วยงาน"))
        summary = QWidget(self)
        summary_column = QVBoxLayout(summary)
        summary_column.addWidget(QLabel(self.tr("สรุปตามมิติการพัฒนา"), summary))
        summary_column.addWidget(self.by_dimension)
        summary_column.addWidget(QLabel(self.tr("สรุปตามหน่วยงานเจ้าของโครงการ"), summary))
        summary_column.addWidget(self.by_agency)
        self.tabs.addTab(self.tree, self.tr("โครงสร้างแผน"))
        self.tabs.addTab(self.entry, self.tr("บันทึกผลรายไตรมาส"))
        self.tabs.addTab(summary, self.tr("สรุปผลการติดตาม"))
        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(heading_label(self.tr("แผนบูรณาการ"), self))
        bar.addStretch(1)
        for widget in (self.year, self.quarter, self.save_button, self.pdf_button, self.word_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        for part in (self.summary, self.error, self.notice, self.tabs):
            layout.addWidget(part)

    def _summary_table(self, name: str, first: str) -> QTableWidget:
        table = QTableWidget(0, 8, self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([first, self.tr("โครงการ"), self.tr("ตัวชี้วัด"), self.tr("ตามแผน"),
                                         self.tr("ต่ำกว่าแผน"), self.tr("ยังไม่รายงาน"), self.tr("เบิกจ่ายสะสม/แผน (บาท)"),
                                         self.tr("ข้อสั่งการ (ตามสถานะ)")])  # fmt: skip
        table.setColumnWidth(0, 230)
        table.setColumnWidth(6, 260)
        table.setColumnWidth(7, 300)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    @property
    def current_quarter(self) -> int:
        return int(self.quarter.currentData())

    def reload(self) -> None:
        super().reload()
        year, ctx, today = self.year.value(), self.ctx, self.today

        def load() -> tuple[PlanTree | None, frozenset[int] | None]:
            tree = plan_views.plan_tree(ctx.db, ctx.actor, year, today)
            return tree, plan_actuals.enterable_projects(ctx.db, ctx.actor, today)

        self._run(load, lambda result: self._loaded(result, year), self.tr("กำลังโหลดแผน…"))

    def _run(self, call: Callable[[], ResultT], done: Callable[[ResultT], object], message: str) -> None:
        if self.operation is not None:
            return
        self.error.hide()
        busy = [self.save_button, self.pdf_button, self.word_button]
        self.operation = Operation(self, call, message=message, busy=busy)
        self.operation.success(lambda result: self._finish(done, result)).failure(self._refused).run()

    def _finish(self, done: Callable[[ResultT], object], result: ResultT) -> None:
        self.operation = None
        done(result)

    def _refused(self, error: BaseException) -> None:
        self.operation = None
        present_error(self, error)

    def _loaded(self, result: tuple[PlanTree | None, frozenset[int] | None], year: int) -> None:
        if year != self.year.value():  # the year changed while loading (a reload then was refused): again
            self.reload()
            return
        self.tree_data, self.enterable = result
        self._show()

    def show_dimension(self, fiscal_year: int, quarter: int, dimension: str) -> None:
        """Opened from the dashboard's M&E panel: that year and quarter, the tree on the dimension."""
        self.pending_dimension = dimension
        self.tabs.setCurrentWidget(self.tree)
        self.quarter.blockSignals(True)
        self.quarter.setCurrentIndex(quarter - 1)
        self.quarter.blockSignals(False)
        if self.loaded and self.year.value() == fiscal_year and self.tree_data is not None:
            self._show()
        elif self.year.value() != fiscal_year:
            self.year.setValue(fiscal_year)  # reloads
        else:
            self.reload()

    def _show(self) -> None:
        tree, quarter = self.tree_data, self.current_quarter
        self.tree.clear()
        if tree is None:
            self.summary.setText(self.tr("ยังไม่มีแผนบูรณาการของปีงบประมาณนี้"))
            self.entry.setRowCount(0)
            for table in (self.by_dimension, self.by_agency):
                table.setRowCount(0)
            return
        summary = plan_views.summarize(tree, quarter)
        total = summary.total
        states = total.states
        figures = (tree.title, total.projects, total.indicators, states["on_track"], states["behind"],
                   states["no_data"], percent_text(total.budget.percent_of_plan))  # fmt: skip
        text = self.tr("%1 — โครงการ %2 ตัวชี้วัด %3: ตามแผน %4 ต่ำกว่าแผน %5 ยังไม่รายงาน %6 — เบิกจ่ายร้อยละ %7 ของแผน")
        for number, figure in enumerate(figures, start=1):
            text = text.replace(f"%{number}", str(figure))
        self.summary.setText(digits(text))
        self._fill_tree(tree, quarter)
        self._fill_entry(tree, quarter)
        self._fill_summary(self.by_dimension, (*summary.by_dimension, total))
        self._fill_summary(self.by_agency, (*summary.by_agency, total))

    def _fill_tree(self, tree: PlanTree, quarter: int) -> None:
        root = QTreeWidgetItem(self.tree, [tree.title])
        for dimension_id, name in tree.dimensions:
            dim_item = QTreeWidgetItem(root, [self.tr("ด้าน") + name])
            dim_item.setData(0, Qt.ItemDataRole.UserRole, name)
            for project in tree.projects_of(dimension_id):
                budget = project.budget_at(quarter)
                money = f"{baht_text(budget.disbursed)} / {baht_text(budget.planned)}"
                owner = f"{project.owner_label} {project.agency_name}"
                project_item = QTreeWidgetItem(dim_item, [project.name, owner, "", "", "", digits(money)])
                for indicator in project.indicators:
                    state = indicator.state_at(quarter)
                    cells = [f"{indicator.name} ({indicator.unit})", "", value_text(indicator.expected_at(quarter)),
                             value_text(indicator.achieved_at(quarter)), state.label, ""]  # fmt: skip
                    item = QTreeWidgetItem(project_item, [digits(c) for c in cells])
                    item.setBackground(4, QBrush(QColor(STATE_TINT[state.value])))
                for directive in project.directives:
                    QTreeWidgetItem(
                        project_item, [f"{directive.number} {directive.text}", "", "", "", directive.status_label, ""]
                    )
        self.tree.expandAll()
        wanted = [i for i in child_items(root) if i.data(0, Qt.ItemDataRole.UserRole) == self.pending_dimension]
        if wanted:
            self.tree.setCurrentItem(wanted[0])
            self.tree.scrollToItem(wanted[0], QTreeWidget.ScrollHint.PositionAtTop)
        self.pending_dimension = None

    def _fill_entry(self, tree: PlanTree, quarter: int) -> None:
        rows = [(p, i) for p in tree.projects for i in p.indicators]
        self.entry.setRowCount(len(rows))
        self.entry_ids = [i.id for _p, i in rows]
        for row, (project, indicator) in enumerate(rows):
            allowed = self.enterable is None or project.id in self.enterable
            actual = indicator.actuals.get(quarter)
            cells = [project.name, indicator.name, indicator.unit, value_text(indicator.expected_at(quarter)),
                     "" if actual is None else value_text(actual), indicator.notes.get(quarter, "")]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column not in (ENTRY_VALUE, ENTRY_NOTE) or not allowed:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.entry.setItem(row, column, item)

    def _fill_summary(self, table: QTableWidget, groups: tuple[GroupSummary, ...]) -> None:
        table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            money = f"{baht_text(group.budget.disbursed)} / {baht_text(group.budget.planned)}"
            money += f" ({percent_text(group.budget.percent_of_plan)}%)"
            directives = ", ".join(f"{STATUS_TITLES[k]} {n}" for k, n in sorted(group.directive_states.items())) or "-"
            cells = [group.label, str(group.projects), str(group.indicators), str(group.states["on_track"]),
                     str(group.states["behind"]), str(group.states["no_data"]), money, directives]  # fmt: skip
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(digits(text)))

    def entry_lines(self) -> list[ActualInput]:
        """What the table holds now, for the rows this account may enter; bad numbers refused in Thai."""
        lines = []
        for row, indicator_id in enumerate(self.entry_ids):
            value_item, note_item = table_item(self.entry, row, ENTRY_VALUE), table_item(self.entry, row, ENTRY_NOTE)
            if not value_item.flags() & Qt.ItemFlag.ItemIsEditable:
                continue
            text = to_arabic_digits(value_item.text().strip()).replace(",", "")
            try:
                value = float(text) if text else None
            except ValueError:
                name = table_item(self.entry, row, 1).text()
                raise ValidationError.single(
                    "value", f"ผลของตัวชี้วัด '{name}' ต้องเป็นตัวเลข (ได้รับ '{value_item.text()[:30]}')",
                    f"The actual of the indicator '{name}' must be a number (got '{value_item.text()[:30]}')",
                ) from None  # fmt: skip
            lines.append(ActualInput(indicator_id, value, note_item.text() or None))
        return lines

    def save_entries(self) -> None:
        try:
            lines = self.entry_lines()
        except ValidationError as exc:
            present_error(self, exc)
            return
        ctx, quarter, today = self.ctx, self.current_quarter, self.today

        def save() -> int:
            return plan_actuals.record_actuals(ctx.db, ctx.actor, quarter, lines, today)

        self._run(save, lambda _n: self._saved(), self.tr("กำลังบันทึกผล…"))

    def _saved(self) -> None:
        announce(self, self.notice, self.tr("บันทึกผลไตรมาสแล้ว"))
        self.reload()

    def export_report(self, suffix: str, path: Path | None = None) -> None:
        offered = [(self.tr("PDF (*.pdf)"), ".pdf")] if suffix == ".pdf" else [(self.tr("Word (*.docx)"), ".docx")]
        name = self.tr("รายงานแผนบูรณาการ-{year}-ไตรมาส{quarter}").format(
            year=self.year.value(), quarter=self.current_quarter
        ) + suffix
        path = path or ask_save_path(self, self.tr("บันทึกรายงาน"), name, offered)
        if path is None:
            return
        ctx, year, quarter, today = self.ctx, self.year.value(), self.current_quarter, self.today

        def export() -> Path:
            # imported here, off the GUI thread: ReportLab and python-docx stay out of start-up
            from sbpac_desktop.reporting.plan_report import render_plan_report
            from sbpac_desktop.reporting.word.plan_report import render_plan_report_docx

            writer = render_plan_report if suffix == ".pdf" else render_plan_report_docx
            return writer(plan_report.plan_report(ctx.db, ctx.actor, year, quarter, today), path)

        self._run(export, lambda saved: announce(self, self.notice, self.tr("บันทึกรายงานแล้ว: ") + str(saved)),
                  self.tr("กำลังจัดทำรายงาน…"))  # fmt: skip
