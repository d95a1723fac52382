"""The main window shell on the demo database, offscreen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.gui import operations
from sbpac_desktop.gui.fonts import UI_POINT_SIZE, apply_ui_font
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.pages.directives import DirectivesPage
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meeting_list
from tests.gui.helpers import settle

PAGES = [
    "meetings", "directives", "dashboard", "field_visits", "network", "plan",
    "people", "series", "dimensions", "settings",
]  # fmt: skip


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot)  # the lists load off the GUI thread
    return win


def test_window_title_navigation_and_first_page(window: MainWindow) -> None:
    assert window.windowTitle() == "SBPAC Desktop — ระบบการประชุมและติดตามข้อสั่งการ ศอ.บต."
    assert window.page_keys() == PAGES
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "การประชุม", "ข้อสั่งการ", "ภาพรวม", "การลงพื้นที่", "เครือข่ายภาคประชาชน", "แผนบูรณาการ",
        "บุคคลและหน่วยงาน", "ชุดการประชุม", "มิติการพัฒนา", "ตั้งค่า",
    ]  # fmt: skip
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    assert window.current_key() == "meetings"
    page = window.page("meetings")
    assert isinstance(page, MeetingsPage)
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == 2
    assert page.summary.text() == "ทั้งหมด ๒ รายการ"


def test_navigation_switches_pages_and_loads_on_first_show(window: MainWindow, qtbot: QtBot) -> None:
    directives_page = window.page("directives")
    assert isinstance(directives_page, DirectivesPage)
    assert not directives_page.loaded  # nothing is read before the page is opened
    window.nav.setCurrentRow(1)
    assert window.stack.currentWidget() is directives_page
    qtbot.waitUntil(lambda: operations.is_idle() and not directives_page.model.loading, timeout=10_000)
    assert directives_page.model.rowCount() == 9
    assert "เกินกำหนด" in directives_page.summary.text()
    window.show_page("people")
    settle(qtbot)  # the org chart is read off the GUI thread
    assert window.page("people").model.rowCount() == 12  # type: ignore[attr-defined]
    window.show_page("dashboard")
    from sbpac_desktop.gui.pages.dashboard import DashboardPage

    assert isinstance(window.stack.currentWidget(), DashboardPage)


def test_only_the_page_shown_is_built_the_others_on_first_use(window: MainWindow) -> None:
    """Start-up builds the page it opens on; the rest wait for their first show or page() (issue #16)."""
    assert [entry.key for entry in window.entries if entry.page is not None] == ["meetings"]
    assert window.stack.count() == 1
    plan = window.page("plan")  # asked for (a drill-down, a search result): built, added, not shown or read
    assert window.stack.indexOf(plan) >= 0 and window.stack.currentWidget() is not plan
    assert not plan.loaded
    assert window.page("plan") is plan  # built once
    window.show_page("series")
    assert window.stack.currentWidget() is window.page("series")
    assert sorted(e.key for e in window.entries if e.page is not None) == ["meetings", "plan", "series"]
    assert window.stack.count() == 3


def test_every_page_module_is_preloaded(window: MainWindow) -> None:
    """page_registry.PAGE_MODULES names the module of every page the window can build, so a page
    added to the registry is also imported ahead in idle time."""
    from sbpac_desktop.gui.page_registry import PAGE_MODULES

    built = {type(window.page(key)).__module__ for key in window.page_keys()}
    assert built <= {f"sbpac_desktop.gui.pages.{name}" for name in PAGE_MODULES}


def test_status_bar_shows_database_and_user(window: MainWindow, ctx: AppContext, demo_db: str) -> None:
    assert window.database_label.text() == f"ฐานข้อมูล: {demo_db}"
    # the label starts at the window's edge: without a margin the left of "ฐ" was cut off
    assert window.database_label.contentsRect().left() >= 4
    assert window.user_label.text() == f"ผู้ใช้: {ctx.actor.display_name}"


def test_search_box_is_enabled_with_a_thai_hint(window: MainWindow) -> None:
    assert window.search.placeholderText() == "ค้นหา…"
    assert window.search.isEnabled()
    assert window.search.toolTip()


def test_reload_reads_again(window: MainWindow, monkeypatch: pytest.MonkeyPatch, wait_ops: Callable[[], None]) -> None:
    assert window.page("meetings").model.rowCount() == 2  # type: ignore[attr-defined]
    monkeypatch.setattr(meeting_list, "list_meetings", lambda db, actor: [])
    window.reload_action.trigger()
    wait_ops()
    assert window.page("meetings").model.rowCount() == 0  # type: ignore[attr-defined]


def test_service_error_is_shown_in_thai_on_the_page(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, wait_ops: Callable[[], None]
) -> None:
    def fail(db: object, actor: object) -> list[object]:
        raise DatabaseError("เชื่อมต่อฐานข้อมูลไม่ได้", "Cannot connect")

    monkeypatch.setattr(meeting_list, "list_meetings", fail)
    page = window.page("meetings")
    page.reload()
    wait_ops()  # the list loads off the GUI thread
    assert page.error.isVisible()  # type: ignore[attr-defined]
    assert "เชื่อมต่อฐานข้อมูลไม่ได้" in page.error.text().replace("\u200b", "")  # type: ignore[attr-defined]
    assert page.model.rowCount() == 0  # type: ignore[attr-defined]


def test_minimum_size_fits_a_1366x768_laptop(window: MainWindow) -> None:
    for key in window.page_keys():  # pages are built on first use: the hint must cover every one
        window.page(key)
    minimum = window.minimumSize()
    assert minimum.width() <= 1366 and minimum.height() <= 768 - 40  # taskbar
    assert window.minimumSizeHint().width() <= 1366


def test_geometry_and_page_are_restored(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> None:
    first = MainWindow(ctx, settings)
    qtbot.addWidget(first)
    first.resize(1000, 580)  # the offscreen screen is only 800 px wide: test the height
    first.show()
    first.show_page("directives")
    first.close()
    assert settings.contains("window/geometry")
    second = MainWindow(ctx, settings)
    qtbot.addWidget(second)
    assert second.current_key() == "directives"
    assert second.height() == 580


def test_unknown_saved_page_falls_back_to_meetings(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> None:
    settings.setValue("window/page", "no-such-page")
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    assert win.current_key() == "meetings"


def test_tables_fit_the_width_and_rows_fit_their_text(window: MainWindow, qtbot: QtBot) -> None:
    window.show_page("directives")
    table = window.page("directives").table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: operations.is_idle() and not window.page("directives").model.loading, timeout=10_000)
    rows, columns = table.model().rowCount(), table.model().columnCount()

    def rows_fit_their_text() -> None:
        for row in range(rows):
            assert table.rowHeight(row) >= table.sizeHintForRow(row)

    qtbot.waitUntil(rows_fit_their_text, timeout=2000)  # row heights follow on the next loop turn
    assert table.wordWrap()
    assert sum(table.columnWidth(c) for c in range(columns)) <= table.viewport().width()
    widest = max(range(columns), key=table.columnWidth)
    assert widest == table.source_model.COL_TEXT
    assert any(table.rowHeight(r) > table.fontMetrics().lineSpacing() * 2 for r in range(rows))  # wrapped


def test_sarabun_is_the_application_font(qapp: QApplication) -> None:
    assert apply_ui_font(qapp) == "Sarabun"
    assert qapp.font().family() == "Sarabun"
    assert qapp.font().pointSizeF() == pytest.approx(UI_POINT_SIZE)
