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

# Window code that still reads on the GUI thread, as "file function" (the innermost gui frame),
# measured over the whole gui suite on 2026-12-06 (35 sites) and shrunk since (24, then 9, then 8 that
# must block, none left to convert). The list only shrinks: a site not listed here fails its test.
# These stay: they run before the main window exists, or must block until they have an answer.
MUST_BLOCK = {
    "app.py <lambda>": "start-up: opens the database before any window",
    "app.py _open_location": "start-up without the window's frame (tests): the database and its schema",
    "app.py _who_acts": "start-up: the acting user before the main window",
    "dialogs/sign_in.py submit": "sign-in: the password check must answer before the window opens",
    "recovery.py offer_restore": "crash recovery: asked at start-up, before the main window",
    "pages/settings.py sign_in_to": "settings: switching database signs in anew and must block",
    "pages/settings.py <lambda>": "settings: the sign-in dialog's password check on the database switched to",
    "pages/settings.py _opened": "settings: the tests' stand-in for sign_in_to (the dialog's own reads are above)",
}
# Reads still to move behind Operation (issue 17, step 7): none left; a new one is not added here.
TO_CONVERT: set[str] = set()
KNOWN_SITES = frozenset(MUST_BLOCK) | frozenset(TO_CONVERT)


@dataclass
class GuiThreadGuard:
    violations: list[str] = field(default_factory=list)
    sites: set[str] = field(default_factory=set)

    def new_sites(self) -> list[str]:
        return sorted(self.sites - KNOWN_SITES)

    def __call__(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        frame = inspect.currentframe()
        while frame is not None:
            filename = frame.f_code.co_filename
            if filename.startswith(GUI_DIR):
                site = f"{filename[len(GUI_DIR):]} {frame.f_code.co_name}"
                self.sites.add(site)
                line = f"{filename[len(GUI_DIR):]}:{frame.f_lineno} {frame.f_code.co_name}"
                self.violations.append(f"{line}: {statement.split(chr(10))[0][:90]}")
                return
            frame = frame.f_back

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self)

    def remove(self) -> None:
        event.remove(Engine, "before_cursor_execute", self)
