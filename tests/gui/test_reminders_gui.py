"""Reminders at start-up and from the toolbar: a non-modal panel, a tray message where a tray exists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.enums import UserRole
from sbpac_desktop.gui import reminders as reminders_gui
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.services.app import AppContext
from sbpac_desktop.services.context import Actor
from sbpac_desktop.services.demo.demo_data import REFERENCE_DATE
from sbpac_desktop.services.directives.reminders import reminders
from sbpac_desktop.store.models import User
from sbpac_desktop.thai import to_thai_digits

SHOTS = Path("/tmp/sbpac-workflow-shots")


def _window(qtbot: QtBot, ctx: AppContext, settings: QSettings) -> MainWindow:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.reminders.today = REFERENCE_DATE
    return window


def test_toolbar_action_lists_overdue_and_due_soon(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> None:
    window = _window(qtbot, work_ctx, settings)
    expected = reminders(work_ctx.db, work_ctx.actor, REFERENCE_DATE)
    assert expected.overdue  # the demo has late directives on 15 Feb 2563
    with qtbot.waitSignal(window.reminders.shown, timeout=10_000):
        window.reminders.action.trigger()
    panel = window.reminders.panel
    assert panel is not None and panel.isVisible() and not panel.isModal()
    late_group = panel.tree.topLevelItem(0)
    assert late_group.text(0) == to_thai_digits(f"เกินกำหนด ({len(expected.overdue)})")
    ids = [late_group.child(i).data(0, reminders_gui.ID_ROLE) for i in range(late_group.childCount())]
    assert ids == [row.id for row in expected.overdue]
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "reminders_panel.png"))
    panel.tree.itemDoubleClicked.emit(late_group.child(0), 0)  # opens the tracker on it
    qtbot.waitUntil(lambda: window.current_key() == "directives", timeout=5_000)


def test_startup_shows_nothing_when_nothing_is_due(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> None:
    with work_ctx.db.unit_of_work() as session:
        user = User(login="reader", display_name="ผู้อ่าน", role=UserRole.VIEWER.value)
        session.add(user)
        session.flush()
        viewer = Actor(user.id, user.login, UserRole.VIEWER, user.display_name)
    window = _window(qtbot, AppContext(work_ctx.db, viewer), settings)
    with qtbot.waitSignal(window.reminders.shown, timeout=10_000) as blocker:
        window.reminders.at_startup()
    assert blocker.args[0].total == 0
    assert window.reminders.panel is None  # no empty window at start-up


def test_no_tray_offscreen_degrades_silently(qtbot: QtBot, work_ctx: AppContext, settings: QSettings) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # the offscreen platform has none
    window = _window(qtbot, work_ctx, settings)
    assert not window.reminders.tray.available
    with qtbot.waitSignal(window.reminders.shown, timeout=10_000):
        window.reminders.at_startup()
    assert window.reminders.tray.notify(window.reminders.last) is False
    assert window.reminders.panel is not None and window.reminders.panel.isVisible()


def test_tray_message_where_a_tray_exists(
    qtbot: QtBot, work_ctx: AppContext, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The platform decides whether a tray exists; with one, the real tray icon shows the counts."""
    monkeypatch.setattr(reminders_gui.QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = _window(qtbot, work_ctx, settings)
    tray = window.reminders.tray
    assert tray.available
    with qtbot.waitSignal(window.reminders.shown, timeout=10_000):
        window.reminders.at_startup()
    assert tray.tray is not None and tray.tray.isVisible()
    assert tray.notify(reminders(work_ctx.db, work_ctx.actor, date(2020, 2, 15))) is True
    tray.tray.hide()
