"""The idle watch the page preload waits for: a key press or a running operation makes the
window busy, and it is idle again only after a quiet moment."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import idle, operations
from sbpac_desktop.gui.idle import IdleWatch


def _quiet(qtbot: QtBot, watch: IdleWatch) -> None:
    qtbot.waitUntil(watch.is_idle, timeout=int(idle.QUIET_SECONDS * 1000) + 2000)


def _press_a_key(qtbot: QtBot) -> None:
    box = QLineEdit()
    qtbot.addWidget(box)
    qtbot.keyClick(box, Qt.Key.Key_A)


@pytest.fixture
def watch(qtbot: QtBot) -> Iterator[IdleWatch]:
    """A watch that has seen a quiet moment; stopped after the test."""
    owner = QObject()  # the watch is its child: kept alive as long as the owner
    watcher = IdleWatch(owner)
    _quiet(qtbot, watcher)
    yield watcher
    watcher.stop()


def test_idle_only_after_a_quiet_moment(qtbot: QtBot) -> None:
    owner = QObject()
    watcher = IdleWatch(owner)
    assert not watcher.is_idle()  # just made: the window has only now started
    _quiet(qtbot, watcher)
    watcher.stop()
    watcher.stop()  # a second stop does nothing


def test_a_key_press_makes_the_window_busy(qtbot: QtBot, watch: IdleWatch) -> None:
    _press_a_key(qtbot)
    assert not watch.is_idle()
    started = time.monotonic()
    _quiet(qtbot, watch)
    assert time.monotonic() - started >= idle.QUIET_SECONDS * 0.9


def test_a_running_operation_makes_the_window_busy(qtbot: QtBot, watch: IdleWatch) -> None:
    work = QObject()
    operations.begin_work(work, "กำลังค้นหา")
    try:
        qtbot.wait(int(idle.QUIET_SECONDS * 1000) + 100)
        assert not watch.is_idle()  # however long it runs
    finally:
        operations.end_work(work, "กำลังค้นหา")
    assert not watch.is_idle()  # its results are being shown
    _quiet(qtbot, watch)


def test_stopped_watch_no_longer_sees_input(qtbot: QtBot, watch: IdleWatch) -> None:
    watch.stop()
    _press_a_key(qtbot)
    assert watch.is_idle()
