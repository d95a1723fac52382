"""A series added, renamed or deactivated on the series page reaches the pages that list series
without a restart (app_events().series_changed): the dashboard's series filter and the meetings
list (a meeting's row names its series). The choice made on each page is kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui.models.base import ITEM_ROLE
from sbpac_desktop.gui.pages.dashboard import DashboardPage
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.gui.pages.series import SeriesPage
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.meetings import meetings, series
from sbpac_desktop.services.meetings.series import SeriesInput
from tests.gui.helpers import lists_filled, shown_window

RENAMED = "การประชุมคณะกรรมการติดตามข้อสั่งการ (ชื่อใหม่)"


def _series_items(page: DashboardPage) -> list[tuple[str, int]]:
    combo = page.series_filter
    return [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]


def test_dashboard_filter_and_meetings_follow_the_series_page(
    qtbot: QtBot, work_ctx: AppContext, settings: QSettings, wait_ops: Callable[[], None]
) -> None:
    window = shown_window(qtbot, work_ctx, settings)
    demo = series.list_series(work_ctx.db, work_ctx.actor)[0]
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    with qtbot.waitSignal(dashboard.loaded_view, timeout=10_000):
        window.show_page("dashboard")
    dashboard.series_filter.setCurrentIndex(dashboard.series_filter.findData(demo.id))
    with qtbot.waitSignal(dashboard.loaded_view, timeout=10_000):
        dashboard.reload()
    meetings_page = window.page("meetings")
    assert isinstance(meetings_page, MeetingsPage)
    window.show_page("meetings")
    wait_ops()
    chosen = meetings.list_meetings(work_ctx.db, work_ctx.actor)[-1]
    meetings_page.select_meeting(chosen.id)

    window.show_page("series")  # rename the series through its dialog, add another
    series_page = window.page("series")
    assert isinstance(series_page, SeriesPage)
    wait_ops()
    series_page.select(demo.id)
    dialog = series_page.edit_selected()
    assert dialog is not None
    lists_filled(qtbot, dialog)
    dialog.name_edit.setText(RENAMED)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    added = series.create_series(work_ctx.db, work_ctx.actor, SeriesInput("ชุดที่เพิ่มภายหลัง", "ชพล."))
    series_page.toggle_active()  # the renamed one deactivated: it keeps its meetings, and stays a filter
    wait_ops()

    assert _series_items(dashboard) == [(RENAMED, demo.id), ("ชุดที่เพิ่มภายหลัง", added.id)]
    assert dashboard.series_filter.currentData() == demo.id  # the choice is kept
    assert dashboard.view is not None and dashboard.view.series_id == demo.id
    rows = [meetings_page.table.model().index(r, 0).data(ITEM_ROLE) for r in range(meetings_page.model.rowCount())]
    assert {m.series_name for m in rows if m.series_id == demo.id} == {RENAMED}
    selected = meetings_page.selected_meeting()
    assert selected is not None and selected.id == chosen.id
