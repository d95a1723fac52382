"""The dashboard page on the demo database as of 15 Feb 2020, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.dashboard import DashboardPage, DrillDown
from sbpac_desktop.gui.pages.dashboard_parts import NAME_COLUMN_LEAST
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from tests.gui.helpers import settle

SHOTS = Path("/tmp")


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.page("dashboard").today = REFERENCE_DATE  # type: ignore[attr-defined]
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    return win


def _open_dashboard(qtbot: QtBot, window: MainWindow) -> DashboardPage:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    return page


def test_tiles_matrix_chart_and_overdue_list(qtbot: QtBot, window: MainWindow, wait_ops) -> None:
    page = _open_dashboard(qtbot, window)
    assert page.tiles["overdue"].number.text() == "๒" and page.tiles["done"].number.text() == "๔"
    assert page.matrix.rowCount() == 7 and page.matrix.columnCount() == 8  # label, 6 statuses, total
    assert page.overdue.rowCount() == 2
    assert page.overdue.item(0, 0).text() == "ขส. ๐๐๔/๒๕๖๓"
    assert "รายงานผู้บังคับบัญชา" in page.overdue.item(0, 4).text().replace("\u200b", "")
    assert set(page.bar_sets) == {"not_started", "in_progress", "overdue", "done"}
    assert "เสร็จตามกำหนดร้อยละ" in page.summary.text().replace("\u200b", "")
    assert page.year_filter.count() == 3 and page.series_filter.count() == 2
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "dash_main.png"))
    # Fiscal year 2563, quarter 2.
    page.year_filter.setCurrentIndex(page.year_filter.findData(2563))
    page.quarter_filter.setCurrentIndex(page.quarter_filter.findData(2))
    with qtbot.waitSignal(page.loaded_view, timeout=10_000) as blocker:
        page.reload()
        settle(qtbot)  # the lists load off the GUI thread
    assert blocker.args[0].total == 4 and page.tiles["overdue"].number.text() == "๑"
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "dash_fy2563_q2.png"))


def test_numbers_open_the_tracker_filtered(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_dashboard(qtbot, window)
    tracker = window.page("directives")
    assert isinstance(tracker, DirectivesPage)
    with qtbot.waitSignal(page.drill_down) as blocker:
        page.tiles["overdue"].clicked.emit()
    assert isinstance(blocker.args[0], DrillDown) and blocker.args[0].filter.status == "overdue"
    qtbot.waitUntil(lambda: operations.is_idle() and not tracker.model.loading, timeout=10_000)
    assert window.current_key() == "directives" and tracker.status_filter.currentData() == "overdue"
    assert tracker.model.rowCount(), "the tracker shows the real-date overdue list"
    window.show_page("dashboard")
    page._overdue_clicked(1, 0)  # ขส. 005/2563
    qtbot.waitUntil(lambda: operations.is_idle() and not tracker.model.loading, timeout=10_000)
    assert tracker.selected_row() is not None and tracker.selected_row().seq == 5
    window.show_page("dashboard")
    row = next(r for r in range(page.matrix.rowCount()) if "กระทรวงพาณิชย์" in page.matrix.item(r, 0).text())
    page._matrix_clicked(row, 6)  # done column
    qtbot.waitUntil(lambda: operations.is_idle() and not tracker.model.loading, timeout=10_000)
    assert tracker.assignee_filter.text().endswith("(กระทรวงพาณิชย์)") and tracker.status_filter.currentData() == "done"
    assert {r.seq for r in tracker.model.rows()} == {1, 3}
    window.show_page("dashboard")
    governance = next(i for i, d in enumerate(page.view.dimensions) if d.name == "การบริหารจัดการภาครัฐ")
    page._bar_clicked("done", governance)
    qtbot.waitUntil(lambda: operations.is_idle() and not tracker.model.loading, timeout=10_000)
    assert {r.seq for r in tracker.model.rows()} == {1, 6}  # dimension kept as a pinned filter
    tracker.status_filter.setCurrentIndex(0)
    tracker.status_filter.activated.emit(0)  # the user changes a filter: the dimension pin goes
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 9, timeout=3_000)


def test_chart_exports_as_png(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = _open_dashboard(qtbot, window)
    target = tmp_path / "chart.png"
    assert page.export_chart(str(target))
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 200 and image.height() > 150
    page.export_chart(str(SHOTS / "dash_chart.png"))


def test_layout_fits_1366_wide(qtbot: QtBot, window: MainWindow) -> None:
    """Post names get room (wrapped, their rows tall enough to show every line), the filter
    row's buttons and the escalation column are not cut."""
    page = _open_dashboard(qtbot, window)
    qtbot.wait(50)
    matrix = page.matrix
    header = matrix.horizontalHeader()
    assert header.sectionSize(0) >= NAME_COLUMN_LEAST
    assert header.sectionSize(0) >= header.sectionSizeFromContents(0).width()  # header text uncut
    qtbot.waitUntil(lambda: all(matrix.rowHeight(r) >= matrix.sizeHintForRow(r) for r in range(matrix.rowCount())))
    for button in (page.export_button, page.table_export.button):
        right = button.mapTo(page, button.rect().topRight()).x()
        assert right < page.width(), button.objectName()
        assert button.width() >= button.sizeHint().width()
    overdue = page.overdue
    last = overdue.columnCount() - 1
    edge = overdue.horizontalHeader().sectionViewportPosition(last) + overdue.columnWidth(last)
    assert edge <= overdue.viewport().width()


def test_a_progress_report_saved_elsewhere_updates_the_figures(qtbot: QtBot, work_ctx: AppContext, wait_ops) -> None:  # type: ignore[no-untyped-def]
    """The dashboard was read once, when first shown: a directive finished since (a progress
    report of 100 % in the tracker or the meeting window) left its tiles as they were."""
    from sbpac_desktop.gui.dialogs.progress_dialog import ProgressDialog
    from sbpac_desktop.services.directives import directives

    page = DashboardPage(work_ctx, today=REFERENCE_DATE)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        page.reload()
    done = page.tiles["done"].number.text()
    row = next(r for r in directives.list_directives(work_ctx.db, work_ctx.actor) if r.latest_percent in (None, 0))
    detail = directives.get_directive(work_ctx.db, work_ctx.actor, row.id)
    dialog = ProgressDialog(work_ctx, detail, today=REFERENCE_DATE)
    qtbot.addWidget(dialog)
    wait_ops()
    dialog.percent.setValue(100)
    dialog.result_edit.setPlainText("ดำเนินการแล้วเสร็จ")
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        dialog.save_button.click()
    assert page.tiles["done"].number.text() != done
