"""The dashboard's M&E tab by agency and by place, on the demo database as of 15 Feb 2020 (FY2563,
quarter 1 shown): the toggle รายมิติ / รายหน่วยงาน swaps the dimension cards for the table by owning
agency, and the province/district filter narrows both to the plan projects tied to places there
(the demo ties ส่งเสริมตลาดชุมชน to ต.สะบารัง in ปัตตานี, มหกรรมวัฒนธรรม to ต.บ้านนา อ.จะนะ in สงขลา;
services/demo/demo_plan.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.gui.widgets.place_filter import PlaceFilter
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE

SHOTS = Path("/tmp")


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> DashboardPage:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    dashboard = win.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.today = REFERENCE_DATE
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(dashboard.loaded_view, timeout=10_000):
        win.show_page("dashboard")
    dashboard.bottom_tabs.setCurrentWidget(dashboard.plan_panel)
    return dashboard


def _pick(qtbot: QtBot, page: DashboardPage, combo_name: str, text: str) -> None:
    """As a user does: choose the entry, which fires `activated` and reloads the dashboard."""
    place: PlaceFilter = page.place_filter
    combo = place.province if combo_name == "province" else place.district
    index = combo.findText(text)
    assert index >= 0, f"{text} is offered"
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)


def _rows(page: DashboardPage) -> list[list[str]]:
    table = page.plan_panel.agency_table

    def text(r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text().replace("\u200b", "") if item is not None else ""

    return [[text(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())]


def _caption(page: DashboardPage) -> str:
    return page.plan_panel.caption.text().replace("\u200b", "")


def test_toggle_between_dimensions_and_agencies(qtbot: QtBot, page: DashboardPage) -> None:
    panel = page.plan_panel
    assert not panel.by_agency() and panel.views.currentWidget() is panel.scroll_area and len(panel.cards) == 6
    assert "คลิกมิติเพื่อเปิดแผน" in _caption(page)
    qtbot.mouseClick(panel.mode.button(panel.BY_AGENCY), Qt.MouseButton.LeftButton)
    assert panel.by_agency() and panel.views.currentWidget() is panel.agency_table
    assert "คลิกมิติ" not in _caption(page) and "ไตรมาส ๑/๒๕๖๓" in _caption(page)
    rows = _rows(page)
    assert len(rows) == 10  # nine owning agencies and the total
    by_agency = {row[0]: row for row in rows}
    commerce = by_agency["กระทรวงพาณิชย์"]
    # two projects (ตลาดชุมชน on track, ยางพารา behind); 20 + 10 million for the year,
    # 5 + 3 planned and 4.2 + 1.1 disbursed in ไตรมาส 1 = 66.25 %; ขส. 001 done
    assert commerce[1:] == ["ผช.ลธ.(พณ.)", "๒", "๑", "๑", "๐", "๓๐.๐๐", "๘.๐๐", "๕.๓๐", "๖๖.๒", "ดำเนินการแล้วเสร็จ ๑"]
    assert by_agency["กรมบัญชีกลาง"][10] == "อยู่ระหว่างดำเนินการ ๑"
    assert by_agency["กรมประชาสัมพันธ์"][10] == "ไม่มี"
    total = rows[-1]
    assert total[0] == "รวมทั้งแผน" and total[2:6] == ["๑๒", "๖", "๕", "๑"]
    assert total[6:9] == ["๑๑๕.๐๐", "๒๘.๕๐", "๒๒.๙๐"]  # the twelve projects of demo_plan.PROJECTS
    assert panel.agency_table.item(9, 0).font().bold()
    table = panel.agency_table
    assert table.horizontalHeader().length() <= table.viewport().width() + 1, "no column off the right edge"
    page.window().grab().save(str(SHOTS / "dash_plan_agency.png"))
    qtbot.mouseClick(panel.mode.button(panel.BY_DIMENSION), Qt.MouseButton.LeftButton)
    assert panel.views.currentWidget() is panel.scroll_area and "คลิกมิติเพื่อเปิดแผน" in _caption(page)


def test_place_filter_narrows_both_views(qtbot: QtBot, page: DashboardPage) -> None:
    panel = page.plan_panel
    _pick(qtbot, page, "province", "จังหวัดปัตตานี")
    assert [card.group.label for card in panel.cards] == ["เศรษฐกิจ"]
    assert panel.cards[0].group.projects == 1
    assert "เฉพาะโครงการในพื้นที่จังหวัดปัตตานี" in _caption(page)
    panel.set_by_agency(True)
    rows = _rows(page)
    assert [row[0] for row in rows] == ["กระทรวงพาณิชย์"]  # one agency: no total line
    assert rows[0][2:9] == ["๑", "๑", "๐", "๐", "๒๐.๐๐", "๕.๐๐", "๔.๒๐"]
    page.window().grab().save(str(SHOTS / "dash_plan_agency_pattani.png"))
    _pick(qtbot, page, "province", "จังหวัดสงขลา")
    assert panel.by_agency(), "the chosen view stays through a reload"
    assert [row[0] for row in _rows(page)] == ["กระทรวงวัฒนธรรม"]
    _pick(qtbot, page, "district", "อำเภอเทพา")  # no plan project there
    assert _rows(page) == [] and panel.cards == []
    assert "ไม่มีโครงการที่เกี่ยวกับพื้นที่อำเภอเทพา" in _caption(page)
    _pick(qtbot, page, "district", "อำเภอจะนะ")
    assert [row[0] for row in _rows(page)] == ["กระทรวงวัฒนธรรม"]
    panel.set_by_agency(False)
    assert [card.group.label for card in panel.cards] == ["การเสริมสร้างความเข้าใจ"]
    page.window().grab().save(str(SHOTS / "dash_plan_chana.png"))
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        page.place_filter.province.setCurrentIndex(0)
        page.place_filter.province.activated.emit(0)
    assert len(panel.cards) == 6 and "เฉพาะโครงการ" not in _caption(page)
