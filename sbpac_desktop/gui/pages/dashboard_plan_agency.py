"""The dashboard's M&E panel by owning agency (รายหน่วยงาน): one row per agency — the org unit of the
posts that own the projects, with those posts named — giving its projects, indicators on track /
behind / not reported, budget allocated for the year, planned and disbursed to the quarter shown, and
the status of the directives linked to its projects; a total row closes the table. The figures are
the `by_agency` groups of services.field.plan_views.summarize, the same the quarterly M&E report prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sbpac_desktop.domain.plan import baht_text, million_text, percent_text
from sbpac_desktop.domain.status import STATUS_KEYS, STATUS_TITLES
from sbpac_desktop.gui.pages.dashboard_parts import table_item
from sbpac_desktop.gui.text import digits, wrappable
from sbpac_desktop.services.field.plan_views import GroupSummary

STATE_TINTS = {"on_track": "#d7ecd9", "behind": "#f8d0cc"}  # light: the figures stay readable
AGENCY_COLUMN, POSTS_COLUMN, DIRECTIVES_COLUMN = 0, 1, 10
POSTS_WIDTH, DIRECTIVES_WIDTH = 150, 230


class AgencyTable(QTableWidget):
    """Read-only; each cell keeps its agency's name as data (tests and a future drill-down use it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planAgencyTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.groups: tuple[GroupSummary, ...] = ()

    def headers(self, quarter: int) -> list[str]:
        q = digits(str(quarter))
        return [
            self.tr("หน่วยงาน"),
            self.tr("ตำแหน่งเจ้าของโครงการ"),
            self.tr("โครงการ"),
            self.tr("ตัวชี้วัด\nตามแผน"),
            self.tr("ตัวชี้วัด\nต่ำกว่าแผน"),
            self.tr("ตัวชี้วัด\nยังไม่รายงาน"),
            self.tr("งบจัดสรรทั้งปี\n(ล้านบาท)"),
            self.tr("แผนถึงไตรมาส {q}\n(ล้านบาท)").format(q=q),
            self.tr("เบิกจ่ายสะสม\n(ล้านบาท)"),
            self.tr("ร้อยละ\nของแผน"),
            self.tr("ข้อสั่งการที่เชื่อมโยง"),
        ]

    def show_groups(self, groups: tuple[GroupSummary, ...], total: GroupSummary | None, quarter: int) -> None:
        """The agencies, then the total line (bold) when there is more than one agency."""
        self.groups = groups
        lines = [*groups, total] if total is not None and len(groups) > 1 else list(groups)
        self.clear()
        headers = self.headers(quarter)
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(lines))
        for row, group in enumerate(lines):
            is_total = row == len(groups)  # the line after the agencies
            label = self.tr("รวมทั้งแผน") if is_total else group.label
            for column, item in enumerate(self._cells(group, label, is_total)):
                if is_total:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        self._fit()

    def _cells(self, group: GroupSummary, label: str, is_total: bool) -> list[QTableWidgetItem]:
        budget = group.budget
        key = None if is_total else group.label

        def number(value: int, tint: str | None = None) -> QTableWidgetItem:
            return table_item(digits(str(value)), key, tint if value else None, True)

        def money(satang: int) -> QTableWidgetItem:
            item = table_item(digits(million_text(satang)), key, None, True)
            item.setToolTip(digits(self.tr("{b} บาท").format(b=baht_text(satang))))
            return item

        posts = "" if is_total else ", ".join(group.owners)
        return [
            table_item(wrappable(label), key),
            table_item(wrappable(posts) if posts else "", key),
            number(group.projects),
            number(group.states["on_track"], STATE_TINTS["on_track"]),
            number(group.states["behind"], STATE_TINTS["behind"]),
            number(group.states["no_data"]),
            money(budget.allocated_year),
            money(budget.planned),
            money(budget.disbursed),
            table_item(digits(percent_text(budget.percent_of_plan)), key, None, True),
            table_item(wrappable(self.directive_text(group)), key),
        ]

    def directive_text(self, group: GroupSummary) -> str:
        counts = [(key, group.directive_states[key]) for key in STATUS_KEYS if group.directive_states[key]]
        if not counts:
            return self.tr("ไม่มี")
        return digits(", ".join(f"{STATUS_TITLES[key]} {n}" for key, n in counts))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The agency column stretches with the table (first shown, or the window resized): the
        wrapped rows take their new height, not the one measured while the table was hidden."""
        super().resizeEvent(event)
        self.resizeRowsToContents()

    def _fit(self) -> None:
        """Figures as wide as their two-line headers; the agency stretches; posts and directives wrap."""
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AGENCY_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in ((POSTS_COLUMN, POSTS_WIDTH), (DIRECTIVES_COLUMN, DIRECTIVES_WIDTH)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.resizeRowsToContents()
