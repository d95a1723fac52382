"""GUI tests run headless: Qt's offscreen platform, temp settings and user folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sbpac_desktop.gui import operations
from sbpac_desktop.gui.fonts import apply_ui_font
from sbpac_desktop.gui.meeting import agenda_tab, attendance_tab, minutes_tab
from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.demo.demo import load_demo


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window geometry written by a test must never land in the developer's own settings."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(scope="session", autouse=True)
def _app_font(qapp: QApplication) -> None:
    """Every window as the clerk sees it: the app makes Sarabun its font at start (gui/fonts.py).
    Without this a layout test measured whichever font the machine falls back to, and which one
    depended on test order (test_main_window sets Sarabun and keeps it): the dashboard fitted
    here and scrolled sideways on CI (stop 26)."""
    if apply_ui_font(qapp) is None:
        pytest.fail("the Sarabun font package (fontpkg-sarabun) is not installed")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Logs and the per-user default database go to the test's temp folder."""
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("SBPAC_DB", raising=False)
    monkeypatch.delenv("SBPAC_GUI_SMOKE", raising=False)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One demo database for the whole session; GUI tests only read it."""
    path = str(tmp_path_factory.mktemp("db") / "t.db")
    ctx = open_app(path, create=True)
    try:
        load_demo(ctx.db, ctx.actor)
    finally:
        ctx.close()
    return path


@pytest.fixture
def ctx(demo_db: str) -> Iterator[AppContext]:
    context = open_app(demo_db)
    yield context
    context.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def work_db(demo_db: str, tmp_path: Path) -> str:
    """A private copy of the demo database that a workflow test may write to."""
    target = tmp_path / "work.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(demo_db + suffix)
        if source.exists():
            shutil.copyfile(source, str(target) + suffix)
    return str(target)


@pytest.fixture
def work_ctx(work_db: str) -> Iterator[AppContext]:
    context = open_app(work_db)
    yield context
    operations.wait_for_idle()
    context.close()


@pytest.fixture(autouse=True)
def _operations_settle() -> Iterator[None]:
    """No background operation of one test may answer into the next one."""
    yield
    app = QApplication.instance()
    if app is None:
        return
    operations.wait_for_idle()
    for _ in range(3):
        app.processEvents()


@pytest.fixture
def wait_ops(qtbot: QtBot) -> Callable[[], None]:
    """Wait until every background operation has delivered its answer."""

    def wait() -> None:
        qtbot.wait(5)  # let zero-delay timers start what they batch (attendance saves)
        qtbot.waitUntil(operations.is_idle, timeout=10_000)

    return wait


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every confirm() question with yes; the questions asked are recorded."""
    asked: list[str] = []

    def yes(parent: object, title: str, question: str) -> bool:
        asked.append(question)
        return True

    for module in (agenda_tab, attendance_tab, minutes_tab):
        monkeypatch.setattr(module, "confirm", yes)
    return asked


@pytest.fixture(autouse=True)
def _no_query_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every database statement the window makes runs off the GUI thread (gui_thread_guard.py)."""
    from tests.gui.gui_thread_guard import GuiThreadGuard

    guard = GuiThreadGuard()
    guard.install()
    try:
        yield
    finally:
        guard.remove()
    record = os.environ.get("SBPAC_GUI_THREAD_RECORD")  # a file to list every site, e.g. to shrink the list
    if record:
        with open(record, "a", encoding="utf-8") as out:
            out.writelines(f"{request.node.nodeid}\t{line}\n" for line in guard.violations)
    expected = getattr(request.node, "expected_gui_reads", set())  # the guard's own self-test
    new = [site for site in guard.new_sites() if site not in expected]
    assert not new, f"database read on the GUI thread (use gui.operations.Operation): {new}"
