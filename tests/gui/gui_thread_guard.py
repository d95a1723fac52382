"""Catch database queries made on the GUI thread by window code.

The window must never wait on the database: every read and write goes through
`gui.operations.Operation`, which runs it on a worker thread. This guard listens to every
SQLAlchemy engine; a statement executed on the main thread while a frame of
`sbpac_desktop/gui/` is on the stack is a violation (test fixtures that set data up through the
services on the main thread are not, since no gui frame calls them).
"""

from __future__ import annotations

import inspect
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

GUI_DIR = str(Path(__file__).resolve().parents[2] / "sbpac_desktop" / "gui") + "/"


@dataclass
class GuiThreadGuard:
    violations: list[str] = field(default_factory=list)

    def __call__(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        frame = inspect.currentframe()
        while frame is not None:
            filename = frame.f_code.co_filename
            if filename.startswith(GUI_DIR):
                where = f"{filename[len(GUI_DIR):]}:{frame.f_lineno} {frame.f_code.co_name}"
                self.violations.append(f"{where}: {statement.split(chr(10))[0][:90]}")
                return
            frame = frame.f_back

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self)

    def remove(self) -> None:
        event.remove(Engine, "before_cursor_execute", self)
