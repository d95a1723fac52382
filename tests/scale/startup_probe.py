"""Start the real window (a smoke run: it closes itself) and write, as JSON, which heavy
modules were already imported when the main window first showed and when it became usable
(first show, then one turn of the event loop). `bare` instead opens a plain QMainWindow,
the baseline for the start-up benchmark.

    python -m tests.scale.startup_probe DB OUT.json [bare]
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

# The document renderers (reporting.engine and what builds on it); reporting.spreadsheets is light
# (csv and its own xlsx writer, pandas only when reading) and may load with the tracker page.
HEAVY = ("pandas", "openpyxl", "reportlab", "alembic.command", "sbpac_desktop.reporting.engine")


def _record(state: dict[str, Any]) -> None:
    from PySide6.QtCore import QTimer

    state["shown"] = time.time()
    state["heavy"] = [name for name in HEAVY if name in sys.modules]
    QTimer.singleShot(0, lambda: state.setdefault("usable", time.time()))


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


def _real(database: str, state: dict[str, Any]) -> int:
    from sbpac_desktop.gui import main_window

    original = main_window.MainWindow.showEvent

    def show_event(self: Any, event: Any) -> None:
        original(self, event)
        if "shown" not in state:
            _record(state)

    main_window.MainWindow.showEvent = show_event  # type: ignore[method-assign]
    from sbpac_desktop.gui.app import run_gui

    return run_gui(database)


def main() -> int:
    database, out = sys.argv[1], sys.argv[2]
    state: dict[str, Any] = {"started": time.time()}
    code = _bare(state) if sys.argv[3:] == ["bare"] else _real(database, state)
    state["exit_code"] = code
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
    return code


if __name__ == "__main__":
    sys.exit(main())
