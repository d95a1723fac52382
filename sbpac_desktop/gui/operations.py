"""Background work with one helper: run a callable off the GUI thread, get the answer back
on the main thread (cf. Anki's CollectionOp and its single-worker task manager).

    Operation(self, lambda: meetings.create_meeting(db, actor, data), busy=[ok_button])
        .success(self._saved)
        .failure(self._failed)     # optional; default: the one error presenter
        .run()

Every operation goes through one QThreadPool limited to a single thread, so database
writes never race each other and always land in the order they were asked for. Worker
threads never touch widgets: they only emit a queued signal with the result or the
exception. While anything runs, the application shows a busy cursor and the main
window's status bar a progress indicator (see `busy_tracker`).
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from concurrent.futures import wait as wait_futures
from typing import Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")

DETAILS_ATTRIBUTE = "sbpac_traceback"  # the worker's formatted traceback, kept on the exception


class BusyTracker(QObject):
    """Counts running operations; the main window shows `busy_changed` in its status bar."""

    busy_changed = Signal(bool)
    message_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._count = 0
        self._messages: list[str] = []

    @property
    def busy(self) -> bool:
        return self._count > 0

    def begin(self, message: str) -> None:
        self._count += 1
        self._messages.append(message)
        self.message_changed.emit(message)
        if self._count == 1:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.busy_changed.emit(True)

    def end(self, message: str) -> None:
        if self._count == 0:
            return
        self._count -= 1
        if message in self._messages:
            self._messages.remove(message)
        self.message_changed.emit(self._messages[-1] if self._messages else "")
        if self._count == 0:
            QGuiApplication.restoreOverrideCursor()
            self.busy_changed.emit(False)


class _TaskManager:
    """The single write worker and the busy count, created on first use (never at import)."""

    def __init__(self) -> None:
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.pool.setExpiryTimeout(-1)  # keep the one worker thread alive between operations
        self.tracker = BusyTracker()
        self.running: set[QObject] = set()  # Operations and ProcessOperations (process_operations.py)
        self.futures: set[Future[Any]] = set()  # child-process jobs not yet answered


_manager: _TaskManager | None = None


def _tasks() -> _TaskManager:
    global _manager
    if _manager is None:
        _manager = _TaskManager()
    return _manager


def busy_tracker() -> BusyTracker:
    return _tasks().tracker


def is_idle() -> bool:
    return not _tasks().running


def wait_for_idle(msecs: int = 30_000) -> bool:
    """Block until queued operations finished (closing the window, tests), the child-process
    jobs too. Their callbacks still arrive later, through the event loop."""
    tasks = _tasks()
    deadline = time.monotonic() + msecs / 1000
    if not tasks.pool.waitForDone(msecs):
        return False
    _done, pending = wait_futures(list(tasks.futures), timeout=max(0.0, deadline - time.monotonic()))
    return not pending


# --- shared with process_operations.ProcessOperation ------------------------------------
def begin_work(work: QObject, message: str) -> None:
    tasks = _tasks()
    tasks.running.add(work)
    tasks.tracker.begin(message)


def end_work(work: QObject, message: str) -> None:
    tasks = _tasks()
    tasks.running.discard(work)
    tasks.tracker.end(message)


def track_future(future: Future[Any]) -> None:
    futures = _tasks().futures
    futures.add(future)
    future.add_done_callback(futures.discard)


def is_alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


class BusyWidgets:
    """Widgets disabled while an operation runs (skipping any deleted meanwhile)."""

    def __init__(self, widgets: Iterable[QWidget]) -> None:
        self.widgets = list(widgets)

    def disable(self) -> None:
        for widget in self.widgets:
            widget.setEnabled(False)

    def enable(self) -> None:
        for widget in self.widgets:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Operation keeps it until the answer is delivered
        self.function = function
        self.signals = signals

    def run(self) -> None:  # worker thread: no widgets here, only the two signals
        try:
            result = self.function()
        except BaseException as error:  # every failure must reach the main thread
            details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
            setattr(error, DETAILS_ATTRIBUTE, details)
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class Operation(QObject, Generic[T]):
    """One unit of background work and what to do with its answer on the main thread."""

    def __init__(
        self,
        context: QWidget | None,
        function: Callable[[], T],
        *,
        message: str | None = None,
        busy: Iterable[QWidget] = (),
    ) -> None:
        super().__init__()
        self.context = context
        self.function = function
        self.message = message if message is not None else self.tr("กำลังบันทึก…")
        self.busy_widgets = list(busy)
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None
        self._signals = _Signals()
        self._job = _Job(function, self._signals)
        self._signals.done.connect(self._deliver_success)  # queued: the receiver lives here
        self._signals.failed.connect(self._deliver_failure)

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> Operation[T]:
        """Replace the default presenter; the callback decides how to show the error."""
        self._on_failure = callback
        return self

    def run(self) -> Operation[T]:
        tasks = _tasks()
        tasks.running.add(self)
        tasks.tracker.begin(self.message)
        for widget in self.busy_widgets:
            widget.setEnabled(False)
        tasks.pool.start(self._job)
        return self

    # --- main thread -------------------------------------------------------------
    def _finish(self) -> bool:
        """Release the busy state; False when the widget that asked is already gone."""
        tasks = _tasks()
        tasks.running.discard(self)
        tasks.tracker.end(self.message)
        for widget in self.busy_widgets:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        return self.context is None or shiboken6.isValid(self.context)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        if self._finish() and self._on_success is not None:
            self._on_success(cast(T, result))  # what `function` returned, through a Qt signal of object

    @Slot(object)
    def _deliver_failure(self, error: object) -> None:
        assert isinstance(error, BaseException)
        alive = self._finish()
        if not alive:
            log.warning("Operation failed after its window closed", exc_info=_exc_info(error))
            return
        if self._on_failure is not None:
            self._on_failure(error)
            return
        from sbpac_desktop.gui.errors import present_error  # errors imports widgets; keep this light

        present_error(self.context, error)


def _exc_info(error: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    return type(error), error, error.__traceback__


def run_op(
    context: QWidget | None,
    function: Callable[[], T],
    on_success: Callable[[T], object] | None = None,
    *,
    message: str | None = None,
    busy: Iterable[QWidget] = (),
) -> Operation[T]:
    """Shorthand for the common case: default error presenter."""
    op = Operation(context, function, message=message, busy=busy)
    if on_success is not None:
        op.success(on_success)
    return op.run()
