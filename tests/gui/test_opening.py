"""The main window's frame comes first (issue #16): it shows, holding its navigation, before
the database is opened; the database then opens behind it and the first page fills. Every
way the opening can end (a file that is not a database, a sign-in left, a smoke run) still
ends as before, and the frame closes with it."""

from __future__ import annotations

import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QEventLoop, QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.gui import app as gui_app
from sbpac_desktop.gui.app import run_gui
from sbpac_desktop.gui.beside_frame import LOAD_LOOP_FLAGS
from sbpac_desktop.gui.errors import ThaiMessageBox
from sbpac_desktop.gui.fonts import font_files
from sbpac_desktop.gui.main_window import MainWindow
from sbpac_desktop.gui.opening import DECORATION, DEFAULT_SIZE, MINIMUM_SIZE, first_size, opening_text
from sbpac_desktop.gui.pages.meetings import MeetingsPage
from sbpac_desktop.services.app import AppContext
from tests.gui.helpers import root_logging_kept, settle

OPENING = "กำลังเปิดฐานข้อมูล…"


@pytest.fixture(autouse=True)
def _keep_root_logging() -> Iterator[None]:
    """run_gui adds a log file handler; take it away again after each test."""
    with root_logging_kept():
        yield


def _frames() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def _held(window: MainWindow) -> dict[str, Any]:
    """What the clerk sees of the frame: is it up, what it says, what can be clicked."""
    return {
        "visible": window.isVisible(),
        "ready": window.is_ready(),
        "nav": window.nav.isEnabled(),
        "search": window.search.isEnabled(),
        "actions": [a.isEnabled() for a in (window.reload_action, window.new_action, window.find_action)],
        "pages": [a.isEnabled() for a in window.menus.page_actions],
        "open_file": window.menus.open_action.isEnabled(),
        "quit": window.menus.quit_action.isEnabled(),
        "status": window.database_label.text(),
        "page": window.stack.currentWidget().objectName(),
    }


@pytest.fixture
def at_opening(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The frames on screen at the moment run_gui starts opening the database."""
    seen: list[dict[str, Any]] = []
    original = gui_app._open_with_recovery

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.extend(_held(frame) for frame in _frames())
        return original(*args, **kwargs)

    monkeypatch.setattr(gui_app, "_open_with_recovery", watched)
    return seen


HELD = {
    "visible": True,
    "ready": False,
    "nav": False,
    "search": False,
    "actions": [False, False, False],
    "open_file": False,
    "quit": True,  # Ctrl+Q needs no database
    "status": OPENING,
    "page": "openingPage",
}


def test_the_frame_shows_holding_its_navigation_before_the_database_opens(
    qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch, at_opening: list[dict[str, Any]]
) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    assert run_gui(demo_db) == 0
    assert len(at_opening) == 1
    frame = at_opening[0]
    assert {key: frame[key] for key in HELD} == HELD
    assert frame["pages"] and not any(frame["pages"])  # Ctrl+1… held too
    assert _frames() == []


def test_an_open_failure_after_the_frame_shows_gives_the_thai_message_and_the_same_code(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    at_opening: list[dict[str, Any]],
) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("นี่ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    boxes: list[tuple[str, int]] = []

    def answer(box: QMessageBox) -> int:
        boxes.append((box.text(), len(_frames())))  # the frame is still behind the message
        return 0

    monkeypatch.setattr(ThaiMessageBox, "exec", answer)
    code = run_gui(str(bogus))
    assert code == DatabaseError.exit_code  # as before the frame came first
    assert "ไม่ใช่ฐานข้อมูลของโปรแกรม" in capsys.readouterr().err
    assert len(boxes) == 1 and "ไม่ใช่ฐานข้อมูลของโปรแกรม" in boxes[0][0] and boxes[0][1] == 1
    assert len(at_opening) == 1 and at_opening[0]["visible"]
    assert _frames() == []  # closed with the failure


def test_leaving_the_sign_in_closes_the_frame_and_returns_0(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at_opening: list[dict[str, Any]]
) -> None:
    from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog
    from sbpac_desktop.services.app import open_app

    path = tmp_path / "new.db"
    open_app(str(path), create=True).close()
    parents: list[object] = []

    def leave(dialog: FirstAdminDialog) -> int:
        parents.append(dialog.parent())
        return 0

    monkeypatch.setattr(FirstAdminDialog, "exec", leave)
    assert run_gui(str(path)) == 0
    assert len(at_opening) == 1 and at_opening[0]["visible"]
    assert len(parents) == 1 and isinstance(parents[0], MainWindow)  # over the frame, centred on it
    assert _frames() == []


def test_a_close_asked_while_the_database_opens_quits_before_the_dialog(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen on a real X server: the frame closed (Alt+F4) just after the database layer loaded,
    while the database opened; the close waited, the first-admin dialog came up modal over the
    frame and Qt dropped the close. The close is now taken before any dialog."""
    from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog
    from sbpac_desktop.services.app import open_app

    path = tmp_path / "new.db"
    open_app(str(path), create=True).close()
    original = gui_app._open_with_recovery
    dialogs: list[object] = []

    def close_meanwhile(*args: Any, **kwargs: Any) -> Any:
        for frame in _frames():
            QTimer.singleShot(0, frame.close)  # waits in the queue, as the window system's close did
        return original(*args, **kwargs)

    monkeypatch.setattr(gui_app, "_open_with_recovery", close_meanwhile)
    monkeypatch.setattr(FirstAdminDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    assert run_gui(str(path)) == 0
    assert dialogs == []
    assert _frames() == []


def test_attach_brings_the_frame_to_life_on_the_remembered_page(
    qtbot: QtBot, ctx: AppContext, settings: QSettings
) -> None:
    settings.setValue("window/page", "directives")
    frame = MainWindow(None, settings)
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    assert {key: value for key, value in _held(frame).items() if key in HELD} == HELD
    assert frame.current_key() == "directives"  # remembered, not built
    assert all(entry.page is None for entry in frame.entries)
    frame.attach(ctx)
    settle(qtbot)
    assert frame.is_ready() and frame.nav.isEnabled() and frame.search.isEnabled()
    assert frame.reload_action.isEnabled() and all(a.isEnabled() for a in frame.menus.page_actions)
    assert frame.current_key() == "directives"
    assert frame.stack.currentWidget() is frame.page("directives")
    assert frame.page("directives").loaded
    assert frame.findChild(object, "openingPage") is None
    assert frame.reminders.action in frame.toolbar.actions()
    assert frame.database_label.text() != OPENING


def test_a_language_change_while_opening_keeps_the_frame_holding(
    qtbot: QtBot, ctx: AppContext, settings: QSettings
) -> None:
    settings.setValue("window/page", "users")  # an administrator's last page: not listed before sign-in
    frame = MainWindow(None, settings)
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    QApplication.sendEvent(frame, QEvent(QEvent.Type.LanguageChange))
    settle(qtbot)  # the queued rebuild of the pages ran: nothing was built without a database
    assert all(entry.page is None for entry in frame.entries)
    assert frame.menus.page_actions and not any(a.isEnabled() for a in frame.menus.page_actions)  # Ctrl+1… held
    assert not frame.nav.isEnabled() and frame.database_label.text() == opening_text()
    frame.attach(ctx)
    settle(qtbot)
    assert isinstance(frame.current_page(), MeetingsPage) and frame.current_page().loaded
    assert all(a.isEnabled() for a in frame.menus.page_actions)


def test_quit_and_the_guide_work_on_the_frame_while_the_database_opens(qtbot: QtBot, settings: QSettings) -> None:
    """Ctrl+Q (File → ออกจากโปรแกรม) was held with everything else: only the title bar's close
    button left the frame while a slow database opened."""
    frame = MainWindow(None, settings)
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    assert frame.menus.guide_action.isEnabled() and frame.menus.shortcuts_action.isEnabled()
    assert not frame.menus.about_action.isEnabled()  # it names the database, not open yet
    guide = frame.menus.open_guide()
    assert guide.isVisible()
    guide.close()
    frame.menus.quit_action.trigger()
    qtbot.waitUntil(lambda: not frame.isVisible())


def test_the_font_files_found_once_are_used_again_and_a_stale_list_is_searched_anew(
    qapp: QApplication, tmp_path: Path
) -> None:
    from sbpac_desktop.gui import fonts

    assert fonts.apply_ui_font(qapp) == "Sarabun"
    found = fonts.font_files()
    assert found and all(Path(path).is_file() for path in found)
    assert fonts.register_fonts(found) == "Sarabun"  # no search: the files are still there
    assert fonts.apply_ui_font(qapp, [str(tmp_path / "gone.ttf")]) == "Sarabun"  # moved away: searched again
    assert fonts.font_files() == found


def test_start_up_remembers_the_font_files(qapp: QApplication) -> None:
    from sbpac_desktop.gui.main_window import app_settings

    settings = app_settings()
    settings.remove(gui_app.FONT_FILES_KEY)
    gui_app._prepare_application()
    stored = settings.value(gui_app.FONT_FILES_KEY)
    assert [str(path) for path in stored] == font_files()


IMPORTING = threading.Event()  # set by the module below when its import starts (on the helper thread)
GATE = threading.Event()  # set by the window's thread; the module below waits for it while it imports


@pytest.fixture
def gated_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A stand-in for the database layer whose import finishes only once the window's thread
    has run an event-loop turn: proof that the frame is not frozen while it loads."""
    name = f"gated_layer_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text(
        "from tests.gui import test_opening\n"
        "test_opening.IMPORTING.set()\n"
        "assert test_opening.GATE.wait(20), 'the window thread never ran'\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(gui_app, "DATABASE_LAYER", (name, *gui_app.DATABASE_LAYER))
    GATE.clear()
    IMPORTING.clear()
    yield name
    sys.modules.pop(name, None)


def _while_importing(qapp: QApplication, action: Callable[[], None]) -> QTimer:
    """Run `action` once, on the window's thread, at an event-loop turn while the gated module imports."""
    timer = QTimer(qapp)

    def turn() -> None:
        if IMPORTING.is_set() and not GATE.is_set():
            action()
            GATE.set()
            timer.stop()

    timer.timeout.connect(turn)
    timer.start(5)
    return timer


def test_the_frame_runs_its_event_loop_while_the_database_layer_imports(
    qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch, gated_layer: str
) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    turns: list[bool] = []
    helper = "sbpac-database-import"  # the thread waiting in the gated import
    timer = _while_importing(qapp, lambda: turns.append(helper in {t.name for t in threading.enumerate()}))
    assert run_gui(demo_db) == 0
    timer.stop()
    assert turns == [True]


def test_closing_the_frame_while_it_loads_quits_without_opening_the_database(
    qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch, gated_layer: str, at_opening: list[Any]
) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")

    def close() -> None:
        for frame in _frames():
            frame.close()

    timer = _while_importing(qapp, close)
    assert run_gui(demo_db) == 0
    timer.stop()
    assert at_opening == []  # never opened
    assert _frames() == []


def test_the_opening_pages_services_and_the_mapping_load_on_the_helper_thread(
    qapp: QApplication, demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #16: the longest freeze after the frame showed was the window's thread importing the
    first page's services and SQLAlchemy setting up its mapped classes at the first query. Both
    now happen on the helper thread that imports the database layer, for the page remembered."""
    from sbpac_desktop.gui.main_window import app_settings
    from sbpac_desktop.services import app as services_app

    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    app_settings().setValue("window/page", "directives")
    name = f"page_services_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text(
        "import threading\nIMPORTED_ON = threading.current_thread().name\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    asked: list[str] = []
    monkeypatch.setattr(gui_app, "services_of", lambda key: asked.append(key) or (name,))
    mapped_on: list[str] = []
    prepare = services_app.prepare_mappers
    monkeypatch.setattr(
        services_app, "prepare_mappers", lambda: mapped_on.append(threading.current_thread().name) or prepare()
    )
    try:
        assert run_gui(demo_db) == 0
    finally:
        app_settings().remove("window/page")
    assert asked == ["directives"]
    assert sys.modules.pop(name).IMPORTED_ON == "sbpac-database-import"
    assert mapped_on == ["sbpac-database-import"]


@pytest.fixture
def gated_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The database's opening (services.app.open_unsigned) finishes only once the window's thread
    has run an event-loop turn; the threads it ran on are listed."""
    from sbpac_desktop.services import app as services_app

    opened_on: list[str] = []
    original = services_app.open_unsigned

    def gated(*args: Any, **kwargs: Any) -> Any:
        opened_on.append(threading.current_thread().name)
        IMPORTING.set()
        assert GATE.wait(5), "the window thread never ran while the database opened"
        return original(*args, **kwargs)

    monkeypatch.setattr(services_app, "open_unsigned", gated)
    GATE.clear()
    IMPORTING.clear()
    return opened_on


def test_the_database_opens_on_a_helper_thread_while_the_frame_runs(
    qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch, gated_open: list[str]
) -> None:
    """A migration after its backup, the integrity check after an unclean shutdown or a slow
    server froze the frame for as long as they took: the opening ran on the window's thread."""
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    turns: list[bool] = []
    timer = _while_importing(qapp, lambda: turns.append(bool(_frames())))
    assert run_gui(demo_db) == 0
    timer.stop()
    assert turns == [True] and gated_open == ["sbpac-database-open"]


def test_closing_the_frame_while_the_database_opens_quits_and_frees_the_file(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gated_open: list[str]
) -> None:
    from sbpac_desktop.gui.dialogs.sign_in import SignInDialog
    from sbpac_desktop.services import auth
    from sbpac_desktop.services.app import open_app

    path = tmp_path / "office.db"
    ctx = open_app(str(path), create=True)
    auth.create_first_admin(ctx.db, "admin", "ผู้ดูแล", "รหัสผ่านยาวพอ1")
    ctx.close()
    dialogs: list[object] = []
    monkeypatch.setattr(SignInDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)
    monkeypatch.setenv("SBPAC_USER", "admin")  # no dialog would come to take the close
    monkeypatch.setenv("SBPAC_PASSWORD", "รหัสผ่านยาวพอ1")

    def close() -> None:
        for frame in _frames():
            frame.close()

    timer = _while_importing(qapp, close)
    assert run_gui(str(path)) == 0
    timer.stop()
    assert gated_open and dialogs == [] and _frames() == []
    open_app(str(path), credentials=auth.Credentials("admin", "รหัสผ่านยาวพอ1")).close()  # the lock was let go


def test_the_loading_loop_lets_the_window_systems_close_in() -> None:
    """On a real X server, closing the frame (title bar, Alt+F4) while the database layer
    imported did nothing: the loop excluded user input, which in Qt includes the window system's
    close, and the sign-in dialog came up anyway. Offscreen Qt sends no such close, so the test
    above closes the frame itself; this one keeps the loop from holding the window system's."""
    assert not LOAD_LOOP_FLAGS & QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents


def test_an_import_failure_of_the_database_layer_reaches_the_window_thread(
    qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    monkeypatch.setattr(gui_app, "DATABASE_LAYER", ("sbpac_desktop.no_such_module",))
    with pytest.raises(ModuleNotFoundError):
        run_gui(demo_db)
    assert _frames() == []


@pytest.mark.parametrize("free", [QSize(1366, 768), QSize(1366, 728), QSize(1280, 800)])
def test_a_first_frame_with_its_title_bar_fits_the_screen(free: QSize) -> None:
    """Seen on a real X server at 1366x768: 1280x720 and the title bar ran past the screen's
    bottom, hiding the status bar. With no saved geometry the frame fits the free area."""
    size = first_size(free)
    assert size.height() + DECORATION.height() <= free.height()
    assert size.width() + DECORATION.width() <= free.width()
    assert size.height() >= MINIMUM_SIZE.height()


def test_a_first_frame_is_the_default_on_a_large_screen_and_the_minimum_on_a_tiny_one() -> None:
    assert first_size(QSize(1920, 1040)) == DEFAULT_SIZE
    assert first_size(QSize(800, 480)) == MINIMUM_SIZE


def test_a_new_frame_takes_its_first_size_from_its_screen(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(None, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.size() == first_size(window.screen().availableGeometry().size())
