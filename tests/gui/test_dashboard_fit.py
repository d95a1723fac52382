"""Nothing on the dashboard is cut at 1366x768, in Thai and in English: every table header
section is at least as wide as its text and every column is inside the table (no sideways
scrolling), the chart's dimension names fit left of the bars and its legend shows every label."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsItem, QTableWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from tests.gui.helpers import settle

SHOTS = Path(os.environ.get("SBPAC_WALK_SHOTS", "/tmp/walk"))


@pytest.fixture(params=[i18n.THAI, i18n.ENGLISH])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert i18n.install_language(request.param)
    yield request.param
    i18n.install_language(i18n.THAI)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, settings: QSettings, language: str) -> DashboardPage:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.today = REFERENCE_DATE
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)  # the lists load off the GUI thread
    with qtbot.waitSignal(dashboard.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    qtbot.wait(50)
    return dashboard


def _cut_headers(table: QTableWidget) -> list[str]:
    header = table.horizontalHeader()
    cut = [
        f"{table.objectName()}[{c}] {header.sectionSize(c)} < {header.sectionSizeFromContents(c).width()}"
        for c in range(header.count())
        if header.sectionSize(c) < header.sectionSizeFromContents(c).width()
    ]
    edge = header.sectionViewportPosition(header.count() - 1) + header.sectionSize(header.count() - 1)
    if edge > table.viewport().width():
        cut.append(f"{table.objectName()}: columns end at {edge} > {table.viewport().width()}")
    return cut


def test_table_headers_and_columns_are_not_cut(page: DashboardPage, language: str) -> None:
    assert page.matrix.columnCount() == 8 and page.overdue.columnCount() == 5
    problems = _cut_headers(page.matrix) + _cut_headers(page.overdue)
    assert not problems, f"({language}) " + "; ".join(problems)
    assert not page.matrix.horizontalScrollBar().isVisible()


def test_chart_labels_and_legend_are_whole(page: DashboardPage, language: str) -> None:
    categories = next(a for a in page.chart.axes(Qt.Orientation.Vertical) if isinstance(a, QBarCategoryAxis))
    metrics = QFontMetrics(categories.labelsFont())
    plot = page.chart.plotArea()
    widest = max(metrics.horizontalAdvance(name) for name in categories.categories())
    assert widest < plot.left(), f"({language}) dimension names need {widest} px, {plot.left()} left of the bars"
    assert plot.right() <= page.chart_view.width()
    legend = page.legend
    assert not page.chart.legend().isVisible()  # Qt's legend cuts long Thai labels into "…"
    assert legend.isVisible() and legend.heightForWidth(legend.width()) <= legend.height()
    shown = legend.text()
    for bar in page.bar_sets.values():
        assert bar.label().replace(" ", "&nbsp;") in shown
    right = legend.mapTo(page, legend.rect().topRight()).x()
    assert right <= page.width()


def test_count_axis_reads_in_the_interface_digits_upright_and_whole(page: DashboardPage, language: str) -> None:
    """The counts under the bars were Arabic ("%d" of a QValueAxis) beside Thai figures everywhere
    else. They are ๐ ๑ ๒ ๓ in Thai (0 1 2 3 in English), upright, and the last one inside the chart."""
    counts = next(a for a in page.chart.axes(Qt.Orientation.Horizontal) if isinstance(a, QCategoryAxis))
    wanted = ["๐", "๑", "๒", "๓"] if language == i18n.THAI else ["0", "1", "2", "3"]  # the demo's top: 3
    assert counts.categoriesLabels() == wanted
    assert [counts.endValue(label) for label in wanted] == [0, 1, 2, 3]
    assert (counts.min(), counts.max()) == (0, 3)
    plot = page.chart.plotArea()
    below = [
        item  # Qt's label items show in Python as plain QGraphicsItem
        for item in page.chart.scene().items()
        if item.isVisible() and type(item) is QGraphicsItem and item.sceneBoundingRect().top() >= plot.bottom()
    ]
    assert len(below) == len(wanted)  # Qt's label items: one per tick, none hidden as overlapping
    for item in below:
        assert item.rotation() == 0 and not item.sceneTransform().isRotating()
        assert item.sceneBoundingRect().height() > item.sceneBoundingRect().width()  # one digit on one line
    right = max(item.sceneBoundingRect().right() for item in below)
    assert right <= page.chart.size().width() - 4, f"({language}) the top count reaches {right}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.export_chart(str(SHOTS / f"dashboard_chart_{language}.png"))
