"""Start the real window (a smoke run: it closes itself) and write, as JSON, when the main
window first showed and which heavy modules were imported by then, when it became usable
(first show, then one turn of the event loop), and when its first page was filled with the
database's content (the page's rows shown, then one turn of the event loop, so they are
painted). `bare` instead opens a plain QMainWindow, the baseline for the start-up benchmark.

    python -m tests.scale.startup_probe DB OUT.json [bare]

OUT.json gets `started` (and `process_started`, the kernel's figure), `shown`, `usable`, `heavy`,
`database_layer` (what of it was imported when the window showed), `longest_pause` (from the
first show until the first page filled, the longest the window ran no event-loop turn) and,
for the real window, `filled`, `filled_rows` (the rows the first page shows), `filled_page`,
`heavy_filled`, `orm_filled` (sqlalchemy.orm and the models, if imported by then), and when and
on which thread the rest of the database layer loaded (`later_loaded`, `later_thread`) with the
longest pause from the fill until then (`longest_pause_after`). An OUT ending in `.jsonl` gets one
line appended per run instead (for farm-bench's repeated runs).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

# The document renderers (reporting.engine and what builds on it); reporting.spreadsheets is light
# (csv and its own xlsx writer, pandas only when reading) and may load with the tracker page.
HEAVY = ("pandas", "openpyxl", "reportlab", "alembic.command", "sbpac_desktop.reporting.engine")
HEARTBEAT_MS = 10
# What the main window's frame shows without (issue #16): it is on screen before the database opens.
DATABASE_LAYER = ("sqlalchemy", "sbpac_desktop.store", "sbpac_desktop.services.app")
MODELS = "sbpac_desktop.store.models"  # the ORM's mapped classes (store/models*.py)


def _heavy() -> list[str]:
    return [name for name in HEAVY if name in sys.modules]


def _record(state: dict[str, Any]) -> None:
    from PySide6.QtCore import QTimer

    state["shown"] = time.time()
    state["heavy"] = _heavy()
    state["database_layer"] = [name for name in DATABASE_LAYER if name in sys.modules]
    QTimer.singleShot(0, lambda: state.setdefault("usable", time.time()))
    _heartbeat(state)


def _heartbeat(state: dict[str, Any]) -> None:
    """From the first show until the first page has filled: the longest time the window's
    thread ran no event-loop turn (`longest_pause`, s), the frame frozen meanwhile."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    last = [time.monotonic()]
    state["longest_pause"] = 0.0

    def beat() -> None:
        now = time.monotonic()
        key = "longest_pause_after" if "filled" in state else "longest_pause"  # after: until the ORM loaded
        state[key] = max(state.get(key, 0.0), now - last[0])
        last[0] = now
        if "filled" in state and ("later_loaded" in state or "_later" not in state):
            timer.stop()

    timer.timeout.connect(beat)
    timer.start(HEARTBEAT_MS)
    state["_timer"] = timer  # kept alive; not written out


def _record_filled(state: dict[str, Any], page: Any, rows: int) -> None:
    from PySide6.QtCore import QTimer

    state["filled_page"] = type(page).__name__
    state["filled_rows"] = rows
    state["heavy_filled"] = _heavy()
    state["orm_filled"] = [name for name in sys.modules if name == "sqlalchemy.orm" or name.startswith(MODELS)]
    QTimer.singleShot(0, lambda: state.setdefault("filled", time.time()))


def _bare(state: dict[str, Any]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    _record(state)
    QTimer.singleShot(300, app.quit)
    return app.exec()


def _watch_first_page(state: dict[str, Any]) -> None:
    """The first rows a page of the main window shows, on the page the window has open."""
    from sbpac_desktop.gui.pages import base

    original = base.TablePage.show_rows

    def show_rows(self: Any, rows: Any) -> None:
        original(self, rows)
        stack = getattr(self.window(), "stack", None)
        if "filled_page" not in state and stack is not None and stack.currentWidget() is self:
            _record_filled(state, self, len(rows))

    base.TablePage.show_rows = show_rows  # type: ignore[method-assign]


def _real(database: str, state: dict[str, Any]) -> int:
    from sbpac_desktop.gui import main_window

    original = main_window.MainWindow.showEvent

    def show_event(self: Any, event: Any) -> None:
        original(self, event)
        if "shown" not in state:
            _record(state)

    main_window.MainWindow.showEvent = show_event  # type: ignore[method-assign]
    attach = getattr(main_window.MainWindow, "attach", None)
    if attach is None:  # a window built with its database (before issue #16): its pages are imported already
        _watch_first_page(state)
    else:

        def attach_watched(self: Any, ctx: Any) -> None:  # the pages' base module loads after the frame shows
            _watch_first_page(state)
            attach(self, ctx)

        main_window.MainWindow.attach = attach_watched  # type: ignore[method-assign]
    _watch_later_layer(state)
    from sbpac_desktop.gui.app import run_gui

    return run_gui(database)


def _watch_later_layer(state: dict[str, Any]) -> None:
    """Whether `sqlalchemy.orm` and the mapped models were imported when the first page filled
    (`orm_filled`), and on which thread and when the rest of the database layer loaded after it
    (`later_thread`, `later_loaded`; gui/database_layer.py, issue #16)."""
    import threading

    try:
        from sbpac_desktop.gui import app, database_layer
    except ImportError:  # before the layer was split
        return
    original = database_layer.load_later_layer
    state["_later"] = True  # the heartbeat goes on until it loaded

    def load_later_layer() -> None:
        original()
        state.setdefault("later_thread", threading.current_thread().name)
        state.setdefault("later_loaded", time.time())

    database_layer.load_later_layer = load_later_layer  # type: ignore[assignment]
    app.load_later_layer = load_later_layer  # type: ignore[attr-defined]


def _process_started() -> float | None:
    """When the kernel started this process (Linux, in 10 ms steps), on the time.time() clock:
    the interpreter's own start-up included. Counted from boot, as the kernel counts it."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rpartition(")")[2].split()[19])
        since_boot = time.clock_gettime(time.CLOCK_BOOTTIME)
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return time.time() - (since_boot - ticks / os.sysconf("SC_CLK_TCK"))


def _write(out: str, state: dict[str, Any]) -> None:
    state = {key: value for key, value in state.items() if not key.startswith("_")}
    if out.endswith(".jsonl"):
        with open(out, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(state) + "\n")
        return
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(state, handle)


def main() -> int:
    database, out = sys.argv[1], sys.argv[2]
    state: dict[str, Any] = {"started": time.time(), "process_started": _process_started()}
    code = _bare(state) if sys.argv[3:] == ["bare"] else _real(database, state)
    state["exit_code"] = code
    _write(out, state)
    return code


if __name__ == "__main__":
    sys.exit(main())
