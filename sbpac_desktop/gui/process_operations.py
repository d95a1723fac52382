"""Background work in a child process, for the jobs that hold the GIL too long for a thread.

    ProcessOperation(self, render_jobs.job(db, actor, render_jobs.MINUTES, meeting_id, path),
                     message=self.tr("กำลังสร้างรายงานการประชุม…"), busy=[button])
        .success(self._rendered)
        .failure(self._failed)     # optional; default: the one error presenter
        .run()

Same shape and busy handling as `Operation` (gui/operations.py), but the job
(services/process_jobs.py) runs in one long-lived 'spawn' worker process created on first
use, so ReportLab, spreadsheet writing and big reads never stall the window's event loop. The answer
comes back through a queued signal emitted from the pool's own result thread: nothing
here blocks or polls. Jobs run one at a time, in the order asked.

The pool is shut down when the application quits (before the database and its instance
lock are released by the caller) and at interpreter exit.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui import operations
from sbpac_desktop.services.process_jobs import Job, JobFailure, rebuild_failure, run_job

log = logging.getLogger(__name__)

T = TypeVar("T")

_pool: ProcessPoolExecutor | None = None


def process_pool() -> ProcessPoolExecutor:
    """The single worker process, started on first use (never at import or start-up)."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(shutdown_process_pool)
    return _pool


def warm_worker(job: Job) -> Future[tuple[bool, Any]] | None:
    """Start the worker ahead and run `job` there (render_jobs.READY: it loads the renderers), if
    the worker is not running yet: a clerk who opens a meeting previews its documents next, and
    the first preview then waits for its own rendering, not for a process's start. Not an
    operation: no busy message; a failure here is only logged (the real job reports its own)."""
    if _pool is not None:
        return None
    future = process_pool().submit(run_job, job)
    future.add_done_callback(_log_warm_failure)
    return future


def _log_warm_failure(future: Future[tuple[bool, Any]]) -> None:
    if future.cancelled():
        return
    error = future.exception()
    if error is None and not future.result()[0]:
        error = rebuild_failure(future.result()[1])
    if error is not None:
        log.warning("warming the worker process failed: %s", error)


def shutdown_process_pool() -> None:
    """Stop the worker (waiting for a running job); queued jobs are dropped."""
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown_process_pool)


class _Signals(QObject):
    finished = Signal(object)  # the Future, delivered on the main thread


class ProcessOperation(QObject, Generic[T]):
    """One job in the worker process and what to do with its answer on the main thread."""

    def __init__(
        self, context: QWidget | None, job: Job, *, message: str | None = None, busy: Iterable[QWidget] = ()
    ) -> None:
        super().__init__()
        self.context = context
        self.job = job
        self.message = message if message is not None else self.tr("กำลังทำงาน…")
        self._busy = operations.BusyWidgets(busy)
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[BaseException], object] | None = None
        self._future: Future[tuple[bool, Any]] | None = None
        self._signals = _Signals()
        self._signals.finished.connect(self._deliver)  # queued: the receiver lives here

    def success(self, callback: Callable[[T], object]) -> ProcessOperation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> ProcessOperation[T]:
        self._on_failure = callback
        return self

    def run(self) -> ProcessOperation[T]:
        operations.begin_work(self, self.message)
        self._busy.disable()
        try:
            future = process_pool().submit(run_job, self.job)
        except (BrokenProcessPool, RuntimeError):  # a crashed or stopped worker: start a fresh one
            shutdown_process_pool()
            future = process_pool().submit(run_job, self.job)
        self._future = future
        operations.track_future(future)
        future.add_done_callback(self._signals.finished.emit)  # pool thread: only the signal
        return self

    def cancel(self) -> bool:
        """Drop the job if the worker has not started it yet (a running job runs to its end)."""
        return self._future is not None and self._future.cancel()

    @Slot(object)
    def _deliver(self, future: Future[tuple[bool, Any]]) -> None:
        operations.end_work(self, self.message)
        self._busy.enable()
        if self.context is not None and not operations.is_alive(self.context):
            return
        outcome = _outcome(future)
        if isinstance(outcome, BaseException):
            self._fail(outcome)
        elif self._on_success is not None:
            self._on_success(cast(T, outcome))  # the job's function returned it in the child process

    def _fail(self, error: BaseException) -> None:
        if self._on_failure is not None:
            self._on_failure(error)
            return
        from sbpac_desktop.gui.errors import present_error  # errors imports widgets; keep this light

        present_error(self.context, error)


def _outcome(future: Future[tuple[bool, Any]]) -> Any:
    """The job's result, or the exception to show (the child's own, rebuilt; or the pool's)."""
    if future.cancelled():
        return AppError("ยกเลิกงานแล้ว", "The job was cancelled")
    error = future.exception()
    if error is not None:  # the worker died or the arguments did not pickle
        log.error("background process failed", exc_info=(type(error), error, error.__traceback__))
        if isinstance(error, BrokenProcessPool):
            shutdown_process_pool()
        return error
    ok, value = future.result()
    if ok:
        return value
    assert isinstance(value, JobFailure)
    rebuilt = rebuild_failure(value)
    setattr(rebuilt, operations.DETAILS_ATTRIBUTE, value.details)
    if not isinstance(rebuilt, AppError):
        log.error("background job %s failed:\n%s", value.name, value.details)
    return rebuilt


def run_process_op(
    context: QWidget | None, job: Job, on_success: Any = None, *, message: str | None = None, busy: Any = ()
) -> ProcessOperation[Any]:
    """Shorthand for the common case: default error presenter."""
    op: ProcessOperation[Any] = ProcessOperation(context, job, message=message, busy=busy)
    if on_success is not None:
        op.success(on_success)
    return op.run()
