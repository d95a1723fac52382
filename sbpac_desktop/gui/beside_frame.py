"""Work without Qt on a helper thread while the window's thread runs its event loop (issue #16):
the database layer's import and the database's opening at start-up, behind the window's frame."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal

T = TypeVar("T")

LOAD_LOOP_FLAGS = QEventLoop.ProcessEventsFlag.AllEvents  # a close from the window system is "user input"


class _Finished(QObject):
    """Tells the window's thread, through its event loop, that the helper thread is done."""

    finished = Signal()


def beside_frame(work: Callable[[], T], thread_name: str) -> T:
    """`work()` (no Qt in it) on a helper thread while the window's thread runs its event loop, so
    the frame repaints and follows the window system meanwhile. User input is let in
    (LOAD_LOOP_FLAGS): the frame holds its actions, navigation and search, and Qt counts the
    window system's close among user input, so holding input held the close too (seen on a real
    X server: the sign-in dialog came up anyway). An error of `work` is raised here, on the
    window's thread."""
    results: list[T] = []
    failures: list[BaseException] = []
    loop = QEventLoop()
    done = _Finished(loop)
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)  # runs in the loop below

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # handed to the window's thread
            failures.append(error)
        finally:
            done.finished.emit()

    thread = threading.Thread(target=run, name=thread_name, daemon=True)
    thread.start()
    loop.exec(LOAD_LOOP_FLAGS)  # no polling: the window's thread sleeps
    thread.join()
    if failures:
        raise failures[0]
    return results[0]
