"""The background-operation helper and the one error presenter."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from itertools import pairwise

import pytest
from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.errors import ConflictError, FieldProblem, PermissionDenied, ValidationError
from sbpac_desktop.gui import operations
from sbpac_desktop.gui.errors import ErrorDetailsDialog, confirm, present_error, user_message
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.operations import Operation, busy_tracker, run_op
from sbpac_desktop.services.app import AppContext


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_result_arrives_on_the_main_thread(host: QWidget, wait_ops: Callable[[], None]) -> None:
    main = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    run_op(host, work, done)
    wait_ops()
    assert results == [42]
    assert seen["worker"] != main
    assert seen["callback"] == main


def test_one_worker_runs_writes_in_order(host: QWidget, wait_ops: Callable[[], None]) -> None:
    log: list[str] = []

    def job(name: str) -> Callable[[], str]:
        def run() -> str:
            log.append(f"start {name}")
            time.sleep(0.02)
            log.append(f"end {name}")
            return name

        return run

    delivered: list[str] = []
    for name in ("a", "b", "c"):
        run_op(host, job(name), delivered.append)
    wait_ops()
    assert log == ["start a", "end a", "start b", "end b", "start c", "end c"]
    assert delivered == ["a", "b", "c"]


def test_busy_state_cursor_and_disabled_buttons(host: QWidget, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    button = QPushButton("save", host)
    release = threading.Event()
    states: list[bool] = []
    busy_tracker().busy_changed.connect(states.append)
    op = Operation(host, lambda: release.wait(5), busy=[button]).run()
    assert not operations.is_idle()
    assert not button.isEnabled()
    assert QGuiApplication.overrideCursor() is not None
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
    release.set()
    wait_ops()
    assert button.isEnabled()
    assert QGuiApplication.overrideCursor() is None
    assert states == [True, False]
    busy_tracker().busy_changed.disconnect(states.append)
    assert op is not None


def test_app_error_is_shown_in_plain_thai(host: QWidget, qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    def fail() -> None:
        raise PermissionDenied("บัญชีนี้ไม่มีสิทธิ์สร้างการประชุม", "No permission")

    run_op(host, fail)
    wait_ops()
    box = host.findChild(QMessageBox, "appErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "บัญชีนี้ไม่มีสิทธิ์สร้างการประชุม"
    box.close()


def test_unexpected_error_goes_to_the_log_and_one_dialog_with_details(
    host: QWidget, wait_ops: Callable[[], None], caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> float:
        return 1 / 0

    with caplog.at_level(logging.ERROR):
        run_op(host, broken)
        wait_ops()
    dialog = host.findChild(ErrorDetailsDialog)
    assert dialog is not None and dialog.isVisible()
    assert "เกิดข้อผิดพลาดที่ไม่คาดคิด (ZeroDivisionError)" in dialog.message.text()
    details = dialog.details.toPlainText()
    assert "ZeroDivisionError" in details and "broken" in details  # the worker's traceback
    dialog.copy_details()
    assert "ZeroDivisionError" in QGuiApplication.clipboard().text()
    assert any(record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records)
    dialog.close()


def test_custom_failure_replaces_the_presenter(host: QWidget, wait_ops: Callable[[], None]) -> None:
    caught: list[BaseException] = []
    Operation(host, lambda: 1 / 0).failure(caught.append).run()
    wait_ops()
    assert isinstance(caught[0], ZeroDivisionError)
    assert host.findChild(ErrorDetailsDialog) is None


def test_answer_for_a_closed_window_is_dropped(qtbot: QtBot, wait_ops: Callable[[], None]) -> None:
    widget = QWidget()
    release = threading.Event()
    called: list[object] = []
    Operation(widget, lambda: release.wait(5)).success(called.append).run()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget))
    release.set()
    wait_ops()
    assert called == []
    assert operations.is_idle()


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_user_messages() -> None:
    validation = ValidationError([FieldProblem("title", "กรุณากรอกชื่อเรื่อง", "Title is required")])
    assert user_message(validation) == "ข้อมูลยังไม่ถูกต้อง:\n• กรุณากรอกชื่อเรื่อง"
    conflict = ConflictError("ข้อสั่งการนี้ถูกแก้ไขโดยผู้อื่นแล้ว", "changed")
    assert user_message(conflict).startswith("มีผู้อื่นแก้ไขข้อมูลนี้ไปแล้ว")
    assert "ข้อสั่งการนี้ถูกแก้ไขโดยผู้อื่นแล้ว" in user_message(conflict)


def test_present_error_returns_a_non_blocking_dialog(host: QWidget) -> None:
    dialog = present_error(host, ConflictError("ชนกัน", "conflict"))
    assert dialog.isVisible()
    dialog.close()


def test_event_loop_stays_responsive_during_an_operation(
    host: QWidget, qtbot: QtBot, wait_ops: Callable[[], None], capsys: pytest.CaptureFixture[str]
) -> None:
    """A 10 ms heartbeat keeps ticking while the worker is busy for 1 s (figures reported)."""
    ticks: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    heartbeat = QTimer(host)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: ticks.append(clock.elapsed()))
    heartbeat.start()
    Operation(host, lambda: time.sleep(1.0)).run()
    wait_ops()
    heartbeat.stop()
    gaps = [b - a for a, b in pairwise(ticks)]
    with capsys.disabled():
        print(
            f"\n[heartbeat] op 1000 ms: {len(ticks)} ticks of 10 ms, "
            f"max gap {max(gaps, default=0)} ms, mean gap {sum(gaps) / max(len(gaps), 1):.1f} ms"
        )
    assert ticks, "the event loop never ran while the operation was busy"


def test_main_window_status_bar_shows_the_busy_indicator(
    qtbot: QtBot, ctx: AppContext, settings: QSettings, wait_ops: Callable[[], None]
) -> None:
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    Operation(window, lambda: release.wait(5), message="กำลังบันทึกการประชุม…").run()
    assert window.busy_bar.isVisible()
    assert window.busy_label.text() == "กำลังบันทึกการประชุม…"
    release.set()
    wait_ops()
    assert not window.busy_bar.isVisible()
    assert window.busy_label.text() == ""


def test_confirm_asks_in_thai_and_defaults_to_no(host: QWidget, qtbot: QtBot) -> None:
    answers: list[str] = []

    def answer(label: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answers.append(" / ".join(button.text() for button in box.buttons()))
        next(button for button in box.buttons() if button.text() == label).click()

    QTimer.singleShot(0, lambda: answer("ใช่"))
    assert confirm(host, "ลบเรื่อง", "ลบหรือไม่?") is True
    QTimer.singleShot(0, lambda: answer("ไม่ใช่"))
    assert confirm(host, "ลบเรื่อง", "ลบหรือไม่?") is False
    assert "ใช่" in answers[0] and "ไม่ใช่" in answers[0]
