"""The place filter (จังหวัด then อำเภอ) on the tracker and the dashboard, on the demo database as of
15 Feb 2020. The demo ties ขส. 003 to tambons in ปัตตานี and ยะลา, 005 to จ.ปัตตานี, 007 to อ.ยะหริ่ง
(ปัตตานี) and a tambon of นราธิวาส, 008 to จ.สตูล (services/demo/demo_field.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.gui.widgets.place_filter import PlaceFilter
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
    return win


def _pick(place_filter: PlaceFilter, combo_name: str, text: str) -> None:
    """As a user does: choose the entry in the combo, which fires `activated`."""
    combo = place_filter.province if combo_name == "province" else place_filter.district
    index = combo.findText(text)
    assert index > 0, f"{text} is offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _tracker_seqs(qtbot: QtBot, tracker: DirectivesPage) -> set[int]:
    qtbot.waitUntil(lambda: operations.is_idle() and not tracker.model.loading, timeout=10_000)
    return {r.seq for r in tracker.model.rows() if r.fiscal_year == 2563}


def test_tracker_narrows_by_province_then_district(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("directives")
    tracker = window.page("directives")
    assert isinstance(tracker, DirectivesPage)
    assert len(_tracker_seqs(qtbot, tracker)) == 8
    place = tracker.place_filter
    assert place.province.itemText(0) == "ทุกจังหวัด" and place.province.count() == 6  # 4 provinces + สงขลา
    assert not place.district.isEnabled()
    _pick(place, "province", "จังหวัดปัตตานี")
    assert _tracker_seqs(qtbot, tracker) == {3, 5, 7}
    assert place.district.isEnabled() and place.district.findText("อำเภอยะหริ่ง") > 0
    assert place.district.findText("อำเภอเมืองยะลา") < 0, "only ปัตตานี's districts are offered"
    assert tracker.summary.text().startswith("ทั้งหมด ๓ รายการ")
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "tracker_pattani.png"))
    _pick(place, "district", "อำเภอเมืองปัตตานี")
    assert _tracker_seqs(qtbot, tracker) == {3}
    tracker.select_directive(tracker.model.rows()[0].id)  # its places show in the detail pane
    settle(qtbot)  # read off the GUI thread
    qtbot.wait(50)  # the pane lays out its new rows
    shown = tracker.detail.places.text().replace("\u200b", "")
    assert shown == "ต.สะบารัง (ปัตตานี), ต.สะเตง (ยะลา)"
    assert tracker.detail.places.toolTip() == "ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี\nต.สะเตง อ.เมืองยะลา จ.ยะลา"
    title = tracker.detail.title
    assert title.height() >= title.sizeHint().height(), "the pane's rows are not squeezed"
    window.grab().save(str(SHOTS / "tracker_district_detail.png"))
    _pick(place, "district", "อำเภอยะหริ่ง")
    assert _tracker_seqs(qtbot, tracker) == {7}
    _pick(place, "province", "จังหวัดสงขลา")  # a new province drops the district of the old one
    assert place.district.currentData() is None and _tracker_seqs(qtbot, tracker) == set()
    offered = {place.district.itemText(i) for i in range(1, place.district.count())}
    assert offered == {"อำเภอจะนะ", "อำเภอนาทวี", "อำเภอเทพา", "อำเภอสะบ้าย้อย"}  # SBPAC's four in สงขลา
    place.province.setCurrentIndex(0)
    place.province.activated.emit(0)
    assert len(_tracker_seqs(qtbot, tracker)) == 8


def test_dashboard_narrows_and_drills_down_with_the_place(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000) as first:
        window.show_page("dashboard")
    assert first.args[0].total == 9 and page.place_filter.province.count() == 6
    with qtbot.waitSignal(page.loaded_view, timeout=10_000) as pattani:
        _pick(page.place_filter, "province", "จังหวัดปัตตานี")
    view = pattani.args[0]
    assert view.total == 3 and page.tiles["overdue"].number.text() == "๑"  # ขส. 005
    assert page.overdue.rowCount() == 1 and page.overdue.item(0, 0).text() == "ขส. ๐๐๕/๒๕๖๓"
    assert sum(d.total for d in view.dimensions) == 3
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "dash_pattani.png"))
    with qtbot.waitSignal(page.loaded_view, timeout=10_000) as district:
        _pick(page.place_filter, "district", "อำเภอเมืองปัตตานี")
    assert district.args[0].total == 1 and page.tiles["overdue"].number.text() == "๐"
    assert page.matrix.rowCount() == 1  # ขส. 003's lead post
    page._matrix_clicked(0, page.matrix.columnCount() - 1)  # its total: the tracker opens on the same place
    tracker = window.page("directives")
    assert isinstance(tracker, DirectivesPage)
    assert window.current_key() == "directives"
    settle(qtbot)  # the tracker's place list is read off the GUI thread; the drill-down applies once it is here
    assert tracker.place_filter.province.currentText() == "จังหวัดปัตตานี"
    assert tracker.place_filter.district.currentText() == "อำเภอเมืองปัตตานี"
    assert _tracker_seqs(qtbot, tracker) == {3}


def test_filter_row_fits_1366_wide(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    qtbot.wait(50)
    for widget in (page.place_filter.district, page.export_button, page.table_export.button):
        right = widget.mapTo(page, widget.rect().topRight()).x()
        assert right <= page.width(), f"{widget.objectName()} ends at {right} of {page.width()}"
    window.show_page("directives")
    tracker = window.page("directives")
    qtbot.waitUntil(lambda: operations.is_idle() and not tracker.model.loading, timeout=10_000)  # type: ignore[attr-defined]
    district = tracker.place_filter.district  # type: ignore[attr-defined]
    assert district.mapTo(tracker, district.rect().topRight()).x() <= tracker.width()


def test_exports_follow_the_place(qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What is saved is what is shown: the dashboard's tables and the tracker's rows for ปัตตานี only."""
    import openpyxl

    from tests.gui.test_window_exports import answer_save_dialog, wait_jobs

    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        _pick(page.place_filter, "province", "จังหวัดปัตตานี")
    answer_save_dialog(monkeypatch, tmp_path / "dashboard.xlsx")
    page.table_export.button.click()
    wait_jobs(qtbot)
    book = openpyxl.load_workbook(tmp_path / "dashboard.xlsx", read_only=True)
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert int(rows[1][rows[0].index("รวม")]) == 3
    assert any(
        "จังหวัดปัตตานี" in [str(c) for c in row] for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
    )
    window.show_page("directives")
    settle(qtbot)  # the place list is read off the GUI thread
    tracker = window.page("directives")
    assert isinstance(tracker, DirectivesPage)
    _pick(tracker.place_filter, "province", "จังหวัดปัตตานี")
    assert _tracker_seqs(qtbot, tracker) == {3, 5, 7}
    answer_save_dialog(monkeypatch, tmp_path / "tracker.xlsx")
    tracker.export_tracker()
    wait_jobs(qtbot)
    sheet = openpyxl.load_workbook(tmp_path / "tracker.xlsx", read_only=True).worksheets[0]
    assert len([r for r in sheet.iter_rows(values_only=True) if r and r[0]]) == 1 + 3  # header and three directives
