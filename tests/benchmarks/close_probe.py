"""Close the real window (a smoke run: it closes itself) and write, as JSON, when close() was
called, when every window was off the screen and when the backup on close had finished.

    python -m tests.benchmarks.close_probe DB OUT.json
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def main() -> int:
    database, out = sys.argv[1], sys.argv[2]
    state: dict[str, Any] = {"started": time.time()}
    from PySide6.QtWidgets import QApplication

    from sbpac_desktop.gui import app as gui_app
    from sbpac_desktop.gui import main_window

    original_close, original_context = main_window.MainWindow.close, gui_app._close_context

    def close(self: Any) -> bool:
        state.setdefault("close", time.time())
        return original_close(self)

    def close_context(ctx: Any) -> None:
        state["hidden"] = time.time()  # _hide_windows has run: nothing left on screen
        state["visible_windows"] = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
        original_context(ctx)
        state["backed_up"] = time.time()

    main_window.MainWindow.close = close  # type: ignore[method-assign]
    gui_app._close_context = close_context
    code = gui_app.run_gui(database)
    state["exit_code"] = code
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(state, handle)
    return code


if __name__ == "__main__":
    sys.exit(main())
