"""Nothing heavy on the start-up path: when the main window first shows, pandas, openpyxl,
ReportLab, Alembic's commands and the document renderers are not imported yet (they load
when a spreadsheet, a PDF or a migration is first needed), nor the database layer (the frame
shows before the database opens); nor are the heavy ones when the first page has filled.
Checked in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sbpac_desktop.gui.database_layer import LATER_LAYER
from sbpac_desktop.gui.page_registry import FILLED_WITHOUT_ORM, PAGE_MODULES, PAGE_SERVICES
from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo

ROOT = Path(__file__).resolve().parents[2]


def _window_on_the_demo(tmp_path: Path, *args: str, after: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """`python *args DATABASE *after`, a smoke run of the window (it closes itself) on a demo
    database, with its own settings under tmp_path."""
    database = tmp_path / "start.db"
    ctx = open_app(str(database), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SBPAC_GUI_SMOKE": "1", "HOME": str(tmp_path)}
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    command = [sys.executable, *args, str(database), *after]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def _offscreen(script: str) -> subprocess.CompletedProcess[str]:
    """`python -c script` with Qt offscreen, in a fresh process (nothing imported yet)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done


def test_main_window_shows_without_heavy_modules(tmp_path: Path) -> None:
    out = tmp_path / "probe.json"
    _window_on_the_demo(tmp_path, "-m", "tests.scale.startup_probe", after=(str(out),))
    state = json.loads(out.read_text(encoding="utf-8"))
    assert "shown" in state, "the main window never showed"
    assert state["heavy"] == [], f"imported before the window showed: {state['heavy']}"
    assert state["usable"] >= state["shown"]
    assert state["database_layer"] == [], "the frame waited for the database layer"
    assert state["filled_page"] == "MeetingsPage" and state["filled_rows"] == 2  # the demo's two meetings
    assert state["filled"] >= state["usable"] and state["heavy_filled"] == []
    # Issue #16: the meetings page read over the Core tables; the ORM and the models loaded after
    # the page filled, on the helper thread (gui/database_layer.py), never on the window's
    assert state["orm_filled"] == [], f"imported before the first page filled: {state['orm_filled']}"
    assert state["later_thread"] == "sbpac-orm-import" and state["later_loaded"] >= state["filled"]


def test_the_window_modules_load_without_pythainlp() -> None:
    """pythainlp (0.3-0.8 s to import) loads with the first segmented or cleaned-up Thai text, on
    the database thread, never while the window's modules import (a table keyed at import
    through the full Thai clean-up once pulled it in). Pages import on their first show (gui/page_registry.py),
    so every page module is imported here too: a first show must not pay for pythainlp either."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import sbpac_desktop.gui.app, sbpac_desktop.gui.main_window, sbpac_desktop.gui.pages as pages\n"
        "for page in pkgutil.iter_modules(pages.__path__): importlib.import_module(f'{pages.__name__}.{page.name}')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pythainlp'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_page_modules_are_imported_in_idle_time_after_start() -> None:
    """Pages are built on first show, and their modules are imported a moment after start-up, one
    per event-loop turn (page_registry.preload_later): none before the delay, all after it."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from sbpac_desktop.gui import page_registry\n"
        "app = QApplication([])\n"
        "names = [f'sbpac_desktop.gui.pages.{n}' for n in page_registry.PAGE_MODULES]\n"
        "owner = QObject()\n"
        "page_registry.preload_later(owner)\n"
        "seen = {}\n"
        "def look(when): seen[when] = sorted(n for n in names if n in sys.modules)\n"
        "QTimer.singleShot(page_registry.PRELOAD_DELAY_MS // 3, lambda: look('before'))\n"
        "QTimer.singleShot(page_registry.PRELOAD_DELAY_MS + 8000, lambda: (look('after'), app.quit()))\n"
        "app.exec()\n"
        "print(len(seen['before']), len(seen['after']), len(names))\n"
    )
    done = _offscreen(script)
    before, after, total = (int(n) for n in done.stdout.split())
    assert (before, after) == (0, total)


# The modules a page's builder imports (gui/page_registry.py): its own, and for the dashboard the
# pages its numbers and cards open.
PAGE_MODULES_BUILT = {"dashboard": ("dashboard", "dashboard_plan", "directives", "plan")}
BELOW_THE_WINDOW = tuple(f"sbpac_desktop.{name}" for name in ("services", "store", "reporting", "render_jobs"))


def test_every_page_has_its_services_listed() -> None:
    assert sorted(PAGE_SERVICES) == sorted(PAGE_MODULES)


@pytest.mark.parametrize("key", PAGE_MODULES)
def test_the_services_imported_ahead_leave_the_page_only_its_widgets(key: str) -> None:
    """The window opening on `key` imports page_registry.PAGE_SERVICES[key] on the helper thread
    with the database layer (gui/app.py; the ORM's part, gui/database_layer.py LATER_LAYER, only
    for a page that does not fill without it): the page's first show, on the window's thread, then
    imports none of the services, the store or the reporting below the window (the pure domain
    and thai modules it may: they are light)."""
    pages = PAGE_MODULES_BUILT.get(key, (key,))
    later = () if key in FILLED_WITHOUT_ORM else LATER_LAYER
    script = (
        "import importlib, sys\n"
        "import sbpac_desktop.gui.app as gui_app\n"
        "from sbpac_desktop.gui.page_registry import services_of\n"
        f"for name in (*gui_app.DATABASE_LAYER, *services_of({key!r}), *{later!r}): importlib.import_module(name)\n"
        "before = set(sys.modules)\n"
        "importlib.import_module('sbpac_desktop.gui.reminders')\n"  # installed when the window gets its database
        f"for page in {pages!r}: importlib.import_module(f'sbpac_desktop.gui.pages.{{page}}')\n"
        "new = set(sys.modules) - before\n"
        f"print(sorted(m for m in new if m.startswith({BELOW_THE_WINDOW!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# The clerk's first actions the moment the meetings page has filled, while the ORM may still load on
# its helper thread: the tracker opens and shows its rows, the new meeting form gets its lists.
FIRST_ACTIONS = """
import json, sys
from PySide6.QtCore import QTimer
from sbpac_desktop.gui import app as gui_app, main_window

gui_app.SMOKE_QUIT_MS = 4000  # time for the tracker's read and the form's lists (the smoke run then closes)
seen = {}
attach = main_window.MainWindow.attach
close_event = main_window.MainWindow.closeEvent


def act(window):
    window.show_page("directives")
    seen["dialog"] = window.page("meetings").new_record()


def attach_then_act(window, ctx):
    from sbpac_desktop.gui.pages import base

    show_rows = base.TablePage.show_rows

    def shown(page, rows):
        show_rows(page, rows)
        if "orm_at_fill" not in seen:
            seen["orm_at_fill"] = "sqlalchemy.orm" in sys.modules
            QTimer.singleShot(0, lambda: act(window))

    base.TablePage.show_rows = shown
    attach(window, ctx)


def closing(window, event):
    dialog = seen.pop("dialog", None)
    seen["series_offered"] = len(dialog.series_list) if dialog is not None else -1
    seen["tracker_rows"] = window.page("directives").model.rowCount()
    close_event(window, event)


main_window.MainWindow.attach = attach_then_act
main_window.MainWindow.closeEvent = closing
seen["exit_code"] = gui_app.run_gui(sys.argv[1])
print(json.dumps(seen))
"""


def test_the_clerks_first_actions_work_while_the_orm_loads(tmp_path: Path) -> None:
    done = _window_on_the_demo(tmp_path, "-c", FIRST_ACTIONS)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["exit_code"] == 0 and "Traceback" not in done.stderr, done.stderr
    assert seen["orm_at_fill"] is False
    assert seen["tracker_rows"] > 0 and seen["series_offered"] > 0


def test_the_window_modules_of_the_attach_import_one_per_turn_while_the_database_opens() -> None:
    """page_registry.import_while_opening: the reminders' controller and the first page's module
    import at event-loop turns of their own before the window attaches, and not the ORM."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from sbpac_desktop.gui.page_registry import import_while_opening\n"
        "app, owner = QApplication([]), QObject()\n"
        "import_while_opening(owner, 'meetings')\n"
        "names = ['sbpac_desktop.gui.reminders', 'sbpac_desktop.gui.pages.meetings']\n"
        "seen = [[n in sys.modules for n in names]]\n"
        "for _turn in range(2):\n"
        "    QCoreApplication.processEvents()\n"
        "    seen.append([n in sys.modules for n in names])\n"
        "print(seen, 'sqlalchemy.orm' in sys.modules)\n"
    )
    done = _offscreen(script)
    assert done.stdout.strip() == "[[False, False], [True, False], [True, True]] False"
