"""Exports from the window (issues #4/#5): the directive tracker to .xlsx/.csv with the
filters on screen, the follow-up report PDF from its dialog, and the dashboard tables.
Real worker process, real files read back; only the save-file dialog is answered by the test."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.dialogs.followup_report_dialog import FollowUpReportDialog
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.gui.text import digits
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives.dashboard_export import TABLES as DASHBOARD_TABLES
from sbpac_desktop.services.meetings.followup import GroupBy
from tests.gui.helpers import lists_filled

JOB_TIMEOUT_MS = 60_000  # the first job starts the worker process
SHOTS = Path("/tmp")


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, path: Path, selected: str = "") -> list[str]:
    """The user types `path` in the save dialog; returns the filters the dialog offered."""
    offered: list[str] = []

    def fake(_parent: QWidget, _title: str, _name: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(path), selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return offered


def wait_jobs(qtbot: QtBot) -> None:
    qtbot.waitUntil(operations.is_idle, timeout=JOB_TIMEOUT_MS)


@pytest.fixture
def tracker(qtbot: QtBot, ctx: AppContext) -> DirectivesPage:
    page = DirectivesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.ensure_loaded()
    qtbot.waitUntil(lambda: operations.is_idle() and not page.model.loading, timeout=10_000)
    return page


def filter_overdue(page: DirectivesPage, qtbot: QtBot) -> list[str]:
    everything = len(page.model.rows())
    page.status_filter.setCurrentIndex(page.status_filter.findData("overdue"))
    qtbot.waitUntil(lambda: operations.is_idle() and not page.model.loading, timeout=10_000)
    shown = sorted(row.number_text(False) for row in page.model.rows())
    assert 0 < len(shown) < everything, "the filter must narrow the tracker for this test to mean anything"
    return shown


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_tracker_export_holds_the_filtered_rows(
    tracker: DirectivesPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    shown = filter_overdue(tracker, qtbot)
    target = tmp_path / f"tracker{suffix}"
    offered = answer_save_dialog(monkeypatch, target)
    tracker.export_button.click()
    wait_jobs(qtbot)
    assert offered == ["Excel (*.xlsx);;CSV (*.csv)"]
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    else:
        rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    header, body = rows[0], rows[1:]
    number = next(i for i, title in enumerate(header) if title and "เลขที่" in str(title))
    status = next(i for i, title in enumerate(header) if title and "สถานะ" in str(title))
    assert sorted(str(row[number]) for row in body) == shown
    assert all(str(row[status]).startswith("เกินกำหนด") for row in body)
    assert tracker.notice.isVisible() and str(target) in tracker.notice.text()
    assert f" {digits(str(len(shown)))} รายการ" in tracker.notice.text()
    tracker.grab().save(str(SHOTS / f"export_tracker{suffix}.png"))


def test_tracker_export_adds_the_chosen_extension(
    tracker: DirectivesPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_dialog(monkeypatch, tmp_path / "ติดตาม", "CSV (*.csv)")
    tracker.export_tracker()
    wait_jobs(qtbot)
    assert (tmp_path / "ติดตาม.csv").is_file()


def test_tracker_export_refuses_another_extension(
    tracker: DirectivesPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_dialog(monkeypatch, tmp_path / "tracker.txt")
    tracker.export_tracker()
    wait_jobs(qtbot)
    box = tracker.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert ".xlsx" in box.text() and "tracker.txt" in box.text() and "นามสกุล" in box.text()
    assert list(tmp_path.iterdir()) == []
    box.grab().save(str(SHOTS / "export_bad_extension.png"))
    box.close()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_followup_report_dialog_saves_the_pdf(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = FollowUpReportDialog(ctx, fiscal_year=2563)
    qtbot.addWidget(dialog)
    dialog.show()
    lists_filled(qtbot, dialog)
    assert dialog.year.currentData() == 2563 and dialog.quarter.isEnabled()
    dialog.as_of.setDate(REFERENCE_DATE)
    dialog.group_by.setCurrentIndex(dialog.group_by.findData(GroupBy.DIMENSION.value))
    assert dialog.scope().fiscal_year == 2563 and dialog.scope().group_by is GroupBy.DIMENSION
    dialog.grab().save(str(SHOTS / "followup_report_dialog.png"))
    answer_save_dialog(monkeypatch, tmp_path / "รายงาน")  # no extension: .pdf is added
    dialog.save_button.click()
    wait_jobs(qtbot)
    target = tmp_path / "รายงาน.pdf"
    assert dialog.saved_path == target and target.is_file()
    assert dialog.open_button.isVisible() and str(target) in dialog.notice.text()
    text = pdf_text(target)
    assert "ขส." in text and "ติดตาม" in text and "2563" in text.replace("๒๕๖๓", "2563")
    dialog.grab().save(str(SHOTS / "followup_report_dialog_saved.png"))


def test_followup_report_dialog_bad_input(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = FollowUpReportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    lists_filled(qtbot, dialog)
    assert not dialog.quarter.isEnabled(), "a quarter needs a fiscal year"
    offered = answer_save_dialog(monkeypatch, tmp_path / "x.pdf")
    dialog.as_of.set_text("31/02/2563")
    dialog.save_button.click()
    assert dialog.error.isVisible() and "วันที่" in dialog.error.text() and offered == []
    dialog.as_of.setDate(REFERENCE_DATE)
    dialog.meeting.setEditText("ไม่มีการประชุมนี้")
    dialog.save_button.click()
    assert "การประชุม" in dialog.error.text() and offered == []
    dialog.meeting.set_value(None)
    answer_save_dialog(monkeypatch, tmp_path / "report.docx")
    dialog.save_button.click()
    wait_jobs(qtbot)
    assert ".pdf" in dialog.error.text() and list(tmp_path.iterdir()) == []


@pytest.fixture
def dashboard(qtbot: QtBot, ctx: AppContext) -> DashboardPage:
    page = DashboardPage(ctx, today=REFERENCE_DATE)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        page.reload()
    return page


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_dashboard_tables_export(
    dashboard: DashboardPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    view = dashboard.view
    assert view is not None
    target = tmp_path / f"dashboard{suffix}"
    answer_save_dialog(monkeypatch, target)
    dashboard.table_export.button.click()
    wait_jobs(qtbot)
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    else:
        rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    header, body = rows[0], rows[1:]
    tables = [row[0] for row in body]
    assert tables.count(DASHBOARD_TABLES[0]) == 1
    assert tables.count(DASHBOARD_TABLES[1]) == len(view.matrix)
    assert tables.count(DASHBOARD_TABLES[2]) == len(view.dimensions)
    assert tables.count(DASHBOARD_TABLES[3]) == len(view.overdue) > 0
    total = header.index("รวม")
    assert int(body[0][total]) == view.total
    overdue = header.index("เกินกำหนด")
    assert int(body[0][overdue]) == view.count("overdue")
    matrix_rows = [row for row in body if row[0] == DASHBOARD_TABLES[1]]
    assert sum(int(row[total]) for row in matrix_rows) == sum(m.total for m in view.matrix)
    late = header.index("ล่าช้า (วัน)")
    assert [int(row[late]) for row in body if row[0] == DASHBOARD_TABLES[3]] == [o.days_late for o in view.overdue]
    assert dashboard.table_export.notice.isVisible() and str(target) in dashboard.table_export.notice.text()
    dashboard.grab().save(str(SHOTS / f"dashboard_export{suffix}.png"))


def test_main_window_toolbar_opens_the_followup_report(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.report_action in window.toolbar.actions()
    window.report_action.trigger()
    dialog = window.findChild(FollowUpReportDialog)
    assert dialog is not None
    lists_filled(qtbot, dialog)
    assert dialog.isVisible() and dialog.year.count() > 1
    window.grab().save(str(SHOTS / "main_window_report_action.png"))
    dialog.reject()


def test_ctrl_e_exports_the_tracker(
    tracker: DirectivesPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_dialog(monkeypatch, tmp_path / "keys.xlsx")
    tracker.activateWindow()
    tracker.table.setFocus()
    qtbot.keyClick(tracker.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait_jobs(qtbot)
    assert (tmp_path / "keys.xlsx").is_file()
