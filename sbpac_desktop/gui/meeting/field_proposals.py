"""Field-visit findings proposed for this meeting's agenda (services/field/field_findings.py): in the
carry-over dialog, one line each for the consideration section (ระเบียบวาระที่ ๔, or ๕ in the
six-section template). Ticked lines (as edited) become agenda items; unticked ones are dropped."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sbpac_desktop.gui.text import date_text, digits, plain, wrappable
from sbpac_desktop.gui.widgets.items import table_item
from sbpac_desktop.services.meetings.field_proposals import ProposalChoice, ProposalLine
from sbpac_desktop.thai import to_arabic_digits

TITLE_COLUMN, SOURCE_COLUMN = 0, 1


class ProposalTable(QTableWidget):
    def __init__(self, proposals: Sequence[ProposalLine], parent: QWidget | None = None) -> None:
        super().__init__(len(proposals), 2, parent)
        self.setObjectName("fieldProposals")
        self.setHorizontalHeaderLabels([self.tr("เรื่องที่จะเสนอ (แก้ไขได้)"), self.tr("จากการลงพื้นที่")])
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, line in enumerate(proposals):
            title = QTableWidgetItem(wrappable(digits(line.title)))
            title.setFlags(title.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            title.setCheckState(Qt.CheckState.Checked)
            title.setData(Qt.ItemDataRole.UserRole, line.finding_id)
            self.setItem(row, TITLE_COLUMN, title)
            source = QTableWidgetItem(f"{date_text(line.visit_on)} {line.visit_title}")
            source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, SOURCE_COLUMN, source)
        self.horizontalHeader().setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(SOURCE_COLUMN, 360)
        self.setMaximumHeight(170)
        self.resizeRowsToContents()

    def set_accepted(self, row: int, accepted: bool) -> None:
        state = Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked
        table_item(self, row, TITLE_COLUMN).setCheckState(state)

    def choices(self) -> tuple[ProposalChoice, ...]:
        """Every line: its (edited) title when ticked, '' when dropped."""
        found = []
        for row in range(self.rowCount()):
            item = table_item(self, row, TITLE_COLUMN)
            ticked = item.checkState() is Qt.CheckState.Checked
            title = to_arabic_digits(plain(item.text())).strip() if ticked else ""
            found.append(ProposalChoice(item.data(Qt.ItemDataRole.UserRole), title))
        return tuple(found)
