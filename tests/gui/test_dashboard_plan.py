"""The dashboard's M&E panel on the demo database as of 15 Feb 2020 (FY2563, quarter 2): one card per
development dimension of the integrated plan with indicators on track / behind, budget disbursed
against the plan and the linked directives' status; a card opens the plan page on its dimension."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.gui.pages.dashboard_plan import PlanTarget, shown_quarter
from sbpac_desktop.gui.pages.plan import PlanPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.field import plan_views
from tests.gui.helpers import settle

SHOTS = Path("/tmp")
DIMENSIONS = ["ความมั่นคง", "เศรษฐกิจ", "สังคม", "การบริหารจัดการภาครัฐ", "การพัฒนาทรัพยากรมนุษย์", "การเสริมสร้างความเข้าใจ"]


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.page("dashboard").today = REFERENCE_DATE  # type: ignore[attr-defined]
    win.page("plan").today = REFERENCE_DATE  # type: ignore[attr-defined]
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    return win


def _dashboard(qtbot: QtBot, window: MainWindow) -> DashboardPage:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    return page


def _text(label) -> str:  # type: ignore[no-untyped-def]
    return label.text().replace("\u200b", "")


def test_a_card_per_dimension_with_indicators_budget_and_directives(qtbot: QtBot, window: MainWindow) -> None:
    page = _dashboard(qtbot, window)
    panel = page.plan_panel
    assert [card.group.label for card in panel.cards] == DIMENSIONS
    # Quarter 2 has no actuals yet: the panel shows quarter 1, the latest reported.
    assert "ไตรมาส ๑/๒๕๖๓" in _text(panel.caption)
    security, economy, social, governance = panel.cards[:4]
    assert (
        "&nbsp;ตามแผน&nbsp;<b>๑</b>" in security.indicators.text()
        and "&nbsp;ต่ำกว่าแผน&nbsp;<b>๑</b>" in security.indicators.text()
    )
    assert "&nbsp;ตามแผน&nbsp;<b>๒</b>" in social.indicators.text()
    assert "&nbsp;ยังไม่รายงาน&nbsp;<b>๑</b>" in governance.indicators.text()
    assert security.budget.value() == 90 and "๙๐" in security.budget_text.text()  # 2.7 of 3.0 million baht
    assert governance.budget.value() == 45
    assert "แล้วเสร็จ ๑" in _text(economy.directives) and "อยู่ระหว่างดำเนินการ ๑" in _text(governance.directives)
    assert _text(security.directives) == "ไม่มีข้อสั่งการที่เชื่อมโยง"
    page.bottom_tabs.setCurrentWidget(panel)
    qtbot.wait(50)
    for card in panel.cards:  # all six side by side at 1366 px, none cut at the bottom
        right = card.mapTo(page, card.rect().bottomRight())
        assert right.x() <= page.width() and card.height() >= card.heightForWidth(card.width())
    scroll = panel.scroll_area
    assert not scroll.verticalScrollBar().isVisible() and not scroll.horizontalScrollBar().isVisible()
    window.grab().save(str(SHOTS / "dash_plan_panel.png"))


def test_a_card_opens_the_plan_page_on_its_dimension(qtbot: QtBot, window: MainWindow) -> None:
    page = _dashboard(qtbot, window)
    plan = window.page("plan")
    assert isinstance(plan, PlanPage)
    with qtbot.waitSignal(page.open_plan) as blocker:
        page.plan_panel.cards[4].clicked.emit()  # การพัฒนาทรัพยากรมนุษย์
    assert blocker.args[0] == PlanTarget(2563, 1, "การพัฒนาทรัพยากรมนุษย์")
    assert window.current_key() == "plan"
    qtbot.waitUntil(lambda: operations.is_idle() and plan.tree_data is not None, timeout=10_000)
    qtbot.waitUntil(lambda: plan.tree.currentItem() is not None, timeout=3_000)
    assert plan.year.value() == 2563 and plan.current_quarter == 1
    assert plan.tabs.currentWidget() is plan.tree
    assert plan.tree.currentItem().text(0) == "ด้านการพัฒนาทรัพยากรมนุษย์"
    window.show_page("dashboard")
    page.plan_panel.cards[0].clicked.emit()  # the plan page already loaded: only the selection moves
    assert plan.tree.currentItem().text(0) == "ด้านความมั่นคง"
    window.grab().save(str(SHOTS / "plan_from_dashboard.png"))


def test_no_plan_for_the_year_says_so(qtbot: QtBot, window: MainWindow) -> None:
    page = _dashboard(qtbot, window)
    page.year_filter.setCurrentIndex(page.year_filter.findData(2562))
    with qtbot.waitSignal(page.loaded_view, timeout=10_000):
        page.reload()
        settle(qtbot)  # the lists load off the GUI thread
    assert page.plan_panel.cards == []
    assert _text(page.plan_panel.caption) == "ยังไม่มีแผนบูรณาการของปีงบประมาณ ๒๕๖๒"


def test_every_year_shows_the_latest_plan_when_this_year_has_none(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    page.today = date(2022, 3, 1)  # fiscal year 2565: no plan; the demo's is 2563
    page = _dashboard(qtbot, window)
    assert [card.group.label for card in page.plan_panel.cards] == DIMENSIONS
    assert "ไตรมาส ๑/๒๕๖๓" in _text(page.plan_panel.caption)  # its last reported quarter


def test_shown_quarter_rule(ctx: AppContext) -> None:
    tree = plan_views.plan_tree(ctx.db, ctx.actor, 2563, REFERENCE_DATE)
    assert tree is not None
    assert shown_quarter(tree, REFERENCE_DATE, None) == 1  # Q2 now, nothing reported for it yet
    assert shown_quarter(tree, REFERENCE_DATE, 3) == 3  # the dashboard's quarter filter wins
    assert shown_quarter(tree, date(2019, 6, 1), None) == 1  # before the fiscal year
    assert shown_quarter(tree, date(2021, 6, 1), None) == 1  # after it: the last reported quarter
