"""The visit calendar fits 1366×768: seven columns inside the viewport, no horizontal scrollbar, short
day headers, a long visit title cut with "…" in its line and given whole in the tooltip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.field_visits import FieldVisitsPage
from sbpac_desktop.services.app import AppContext
from tests.gui.helpers import settle

SHOTS = Path("/tmp")


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> FieldVisitsPage:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)  # the lists load off the GUI thread
    window.show_page("field_visits")
    visits = window.page("field_visits")
    assert isinstance(visits, FieldVisitsPage)
    visits.today = date(2019, 11, 14)
    visits.show_month(2019, 11)  # the demo's first visits: ต.สะบารัง on the 14th, ต.สะเตง on the 28th
    settle(qtbot)  # read off the GUI thread
    qtbot.wait(50)
    return visits


def test_seven_columns_fit_without_a_horizontal_scrollbar(qtbot: QtBot, page: FieldVisitsPage) -> None:
    grid = page.calendar
    assert grid.window().width() == 1366 and grid.window().height() == 768
    assert not grid.horizontalScrollBar().isVisible()
    header = grid.horizontalHeader()
    width = grid.viewport().width()
    for column in range(7):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= width, f"column {column} is cut"
        assert header.sectionSize(column) >= 60
    assert [grid.horizontalHeaderItem(c).text() for c in range(7)] == ["จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."]
    assert grid.horizontalHeaderItem(6).toolTip() == "อาทิตย์"
    rows = sum(grid.rowHeight(r) for r in range(grid.rowCount()))
    assert rows <= grid.viewport().height() and not grid.verticalScrollBar().isVisible()
    page.window().grab().save(str(SHOTS / "visit_calendar_1366.png"))


def test_a_long_title_is_elided_with_the_whole_title_in_the_tooltip(qtbot: QtBot, page: FieldVisitsPage) -> None:
    grid = page.calendar
    cell = next(
        grid.item(r, c)
        for r in range(grid.rowCount())
        for c in range(7)
        if grid.item(r, c).data(Qt.ItemDataRole.UserRole) == date(2019, 11, 14)
    )
    title = "ติดตามการส่งเสริมอาชีพและตลาดชุมชน ต.สะบารัง จ.ปัตตานี"
    assert title in cell.text() and cell.toolTip() == title  # the item keeps it whole
    assert "(วันนี้)" in cell.text().splitlines()[0]
    metrics = grid.fontMetrics()
    assert metrics.horizontalAdvance("• " + title) > grid.columnWidth(0), "the title is longer than its column"
    assert not grid.wordWrap() and grid.textElideMode().name == "ElideRight"  # so it is drawn cut with "…"
    with qtbot.waitSignal(grid.day_clicked) as clicked:
        grid.cellClicked.emit(grid.row(cell), grid.column(cell))
    assert clicked.args[0] == date(2019, 11, 14)
    assert "ต.สะบารัง" in page.list.currentItem().text().replace("\u200b", "")
