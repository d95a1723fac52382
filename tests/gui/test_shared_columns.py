"""widgets/table.SharedColumns: set widths shrink in proportion on a narrow table, and a width the
user drags stays when the table is resized again (a scroll bar appearing as rows are added, the
window made larger or smaller). Found in review: the dragged width went back at the next resize."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.widgets.table import SharedColumns

WIDTHS = {0: 200, 2: 150}


def _table(qtbot: QtBot, width: int) -> tuple[QTableWidget, SharedColumns]:
    table = QTableWidget(3, 3)
    table.setHorizontalHeaderLabels(["ชื่อ", "ตำแหน่ง", "สถานะ"])
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    return table, SharedColumns(table, WIDTHS, 120)


def test_a_dragged_width_stays_when_the_table_is_resized(qtbot: QtBot) -> None:
    table, _columns = _table(qtbot, 900)
    header = table.horizontalHeader()
    assert header.sectionSize(0) == 200
    header.resizeSection(0, 320)  # what a drag of the section's edge does
    table.setRowCount(60)  # rows arrive: the vertical scroll bar narrows the viewport
    qtbot.wait(20)
    table.resize(920, 300)
    qtbot.wait(20)
    assert header.sectionSize(0) == 320
    assert header.sectionSize(2) == 150


def test_set_widths_shrink_in_proportion_and_the_module_widths_stay(qtbot: QtBot) -> None:
    table, columns = _table(qtbot, 900)
    table.resize(120 + 175 + 20, 300)  # room for half the set widths beside the stretching column
    qtbot.wait(20)
    header = table.horizontalHeader()
    assert header.sectionSize(0) < 200 and header.sectionSize(2) < 150
    header.resizeSection(2, 100)  # dragged on the narrow table
    table.resize(900, 300)
    qtbot.wait(20)
    assert header.sectionSize(2) > 100  # grows back in proportion with the room
    assert WIDTHS == {0: 200, 2: 150} and columns.widths is not WIDTHS  # a drag changes this table only
