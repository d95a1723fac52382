"""Start the desktop application: one place, in the order ARCHITECTURE.md gives.

excepthook and logging → display check → QApplication → font → the main window's frame, shown and
painted → database (opened and migrated by the services; a sign-in or first-admin dialog over the
frame) → the window's pages. Nothing runs at import time; the database layer is imported after the
frame is on screen, its ORM part after the first page filled (issue #16): no service at the top here.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sbpac_desktop import __version__, logs, thai
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui import i18n
from sbpac_desktop.gui.beside_frame import beside_frame
from sbpac_desktop.gui.database_layer import is_loading, load_after_first_fill, load_later_layer
from sbpac_desktop.gui.display_probe import display_problem
from sbpac_desktop.gui.fonts import apply_ui_font, font_files
from sbpac_desktop.gui.main_window import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION, MainWindow, app_settings
from sbpac_desktop.gui.page_registry import FILLED_WITHOUT_ORM, import_while_opening, services_of
from sbpac_desktop.gui.startup import LAST_DATABASE_KEY, NO_DISPLAY_EXIT, SMOKE_QUIT_MS, is_smoke_run

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sbpac_desktop.services.app import AppContext, Database
    from sbpac_desktop.services.context import Actor

log = logging.getLogger(__name__)

_open_boxes: set[QMessageBox] = set()
SMOKE_LOAD_TURNS, SMOKE_LOAD_TURN_MS = 200, 50  # at most 10 s more for the database layer's load

FONT_FILES_KEY = "ui/font_files"  # the Sarabun files found at the last start (gui/fonts.py)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _print_error(message: str) -> None:
    line = QCoreApplication.translate("run_gui", "ข้อผิดพลาด: {message}").format(message=message)
    print(line, file=sys.stderr)


def _user_message(kind: type[BaseException], error: BaseException) -> str:
    if isinstance(error, AppError):
        return i18n.error_text(error)
    text = QCoreApplication.translate("run_gui", "เกิดข้อผิดพลาดที่ไม่คาดคิด ({kind}) — รายละเอียดอยู่ในไฟล์ {path}")
    return text.format(kind=kind.__name__, path=logs.log_path())


def _show_error_box(message: str) -> None:
    """Non-modal, so a failing slot can never freeze the window (or a headless smoke run)."""
    if not isinstance(QApplication.instance(), QApplication):
        return
    title = QCoreApplication.translate("run_gui", "ข้อผิดพลาด")
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Close)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _open_boxes.add(box)  # an unparented box lives only as long as a Python reference to it
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.show()


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Unexpected errors: the traceback goes to the log file; the user reads one Thai sentence."""
    log.critical("Unhandled exception", exc_info=(kind, error, tb))
    message = _user_message(kind, error)
    _print_error(message)
    try:
        _show_error_box(message)
    except Exception:  # the hook itself must never raise
        log.exception("Could not show the error box")


def install_excepthook() -> ExceptHook:
    """Install the logging hook; return the previous one so a caller can put it back."""
    previous = sys.excepthook
    sys.excepthook = _excepthook
    return previous


def run_gui(database: str | None) -> int:
    """Open the main window on `database` (path or URL; None: SBPAC_DB or the per-user file)."""
    previous_hook = install_excepthook()
    thai.use_python_engine()  # nlpo3's dictionary load would hold the GIL ~0.08 s: the window could not paint
    try:
        logs.setup_logging()
        return _run(database, os.environ)
    finally:
        sys.excepthook = previous_hook


def _run(database: str | None, environ: Mapping[str, str]) -> int:
    problem = display_problem(environ, sys.platform)
    if problem is not None:
        log.error("No display: %s", problem)
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    smoke = is_smoke_run(environ)
    _prepare_application()  # the frame and the sign-in dialog over it, in the UI font
    window = _show_frame()
    from sbpac_desktop.gui.text import install_clipboard_scrubber  # Thai text tools: after the frame
    install_clipboard_scrubber()
    try:
        _load_database_layer(window.opening.key)
        import_while_opening(window, window.opening.key)  # the window's own modules, while the database opens
        if not window.isVisible():
            log.info("Closed while the database layer loaded")
            return 0
        ctx = _open_with_recovery(database, environ, smoke, window)
    except AppError as error:
        log.error("Cannot open the database: %s", error.message_en)
        _print_error(error.message_th)
        if not smoke:
            from sbpac_desktop.gui import recovery

            recovery.show_open_failure(error)
        window.close()
        return error.exit_code
    except BaseException:
        window.close()
        raise
    if ctx is None:
        log.info("Sign-in cancelled")
        window.close()
        return 0
    in_use = [ctx]  # the Settings page may switch to another database while the window is open
    try:
        log.info("GUI starting on %s", ctx.database_display)
        return _run_window(window, ctx, smoke=smoke, in_use=in_use)
    finally:
        _hide_windows()
        _close_context(in_use[0])


def _show_frame() -> MainWindow:
    """The main window without a database yet (gui/opening.py), on screen and painted before
    the database layer is imported: the clerk sees the program start at once."""
    app = _application()
    window = MainWindow(None)
    window.show()
    app.processEvents()
    app.sync()  # the window system has drawn it, not only Qt
    app.processEvents()
    return window


def _hide_windows() -> None:
    """Closing looks instant: every window is off the screen — the window system told, not
    only Qt — before the backup on close starts (seconds on a large file). The process stays
    until that backup is complete; a kill meanwhile leaves only a temporary file
    (store/backup.py), never a damaged database or a half backup under a backup's name."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.hide()
    app.processEvents()
    app.sync()


# Imported on a helper thread while the frame shows: no Qt in them, no ORM (store.tables, Database.connect),
# with the services of the page the window opens on (page_registry.PAGE_SERVICES). The rest of the
# database layer (gui/database_layer.py LATER_LAYER: the ORM, the models) loads after the first page
# filled when that page reads without the ORM (page_registry.FILLED_WITHOUT_ORM), else with these.
DATABASE_LAYER = ("sbpac_desktop.services.app",)


def _load_database_layer(page: str = "meetings") -> None:
    """Import the database layer and the services of the page the window opens on on a helper
    thread (gui/beside_frame.py): none of it then freezes the window once it has its database
    (issue #16: the longest pause after the frame showed was these imports and the mapping, at the
    first query and page). The ORM and the mapping too unless the page fills without them."""

    def load() -> None:
        for name in (*DATABASE_LAYER, *services_of(page)):
            importlib.import_module(name)
        if page not in FILLED_WITHOUT_ORM:
            load_later_layer()

    beside_frame(load, "sbpac-database-import")


def _open_with_recovery(
    database: str | None, environ: Mapping[str, str], smoke: bool, parent: QWidget | None = None
) -> AppContext | None:
    """A damaged file (after an unclean shutdown) gets one guided restore, then a second try."""
    try:
        return _open_context(database, environ, smoke, parent)
    except AppError as error:
        from sbpac_desktop.gui import recovery  # its dialogs only when opening failed

        if smoke or not recovery.offer_restore(error, database, environ):
            raise
    return _open_context(database, environ, smoke, parent)


def _open_context(
    database: str | None, environ: Mapping[str, str], smoke: bool = False, parent: QWidget | None = None
) -> AppContext | None:
    """--db, then SBPAC_DB, then the database last opened from Settings on this machine, then
    the per-user default. A remembered database that no longer opens (a file moved away, a
    server down, a password no longer in ~/.pgpass) falls back to the default, so the window
    still opens and Settings can point somewhere else. With the window's frame (`parent`) the
    opening (the lock, a migration after its backup, the integrity check after an unclean
    shutdown, a server's answer: seconds on a large file or a slow network) runs on a helper
    thread while the frame stays alive; a close of the frame meanwhile ends it there. None: the
    user left the sign-in or closed the frame."""
    remembered = str(app_settings().value(LAST_DATABASE_KEY, "") or "")

    def open_it() -> tuple[Database, Mapping[str, str]]:
        return _open_location(database, environ, remembered)

    if parent is None:
        db, sign_in_environ = open_it()
    else:
        db, sign_in_environ = beside_frame(open_it, "sbpac-database-open")
        if not parent.isVisible():
            log.info("Closed while the database opened")
            db.close()
            return None
    return _sign_in_on(db, sign_in_environ, smoke, parent)


def _open_location(
    database: str | None, environ: Mapping[str, str], remembered: str
) -> tuple[Database, Mapping[str, str]]:
    """The database opened (no Qt here: see _open_context), with the environment its sign-in reads."""
    from sbpac_desktop.services.app import open_unsigned

    if database or environ.get("SBPAC_DB") or not remembered:
        return open_unsigned(database, environ, create=False), environ
    try:
        return open_unsigned(remembered, environ, create=False), environ
    except AppError as error:
        log.warning("Remembered database %s does not open (%s); using the default", remembered, error.message_en)
    return open_unsigned(None, {}, create=False), {}


def _sign_in_on(db: Database, environ: Mapping[str, str], smoke: bool, parent: QWidget | None) -> AppContext | None:
    """db from services.app.open_unsigned; closed again unless someone signed in."""
    from sbpac_desktop.services.app import AppContext

    try:
        actor = _who_acts(db, environ, smoke=smoke, parent=parent)
    except BaseException:
        db.close()
        raise
    if actor is None:
        db.close()
        return None
    log.info("Signed in as %s (%s)", actor.login, actor.role.value)
    return AppContext(db, actor)


def _who_acts(db: Database, environ: Mapping[str, str], *, smoke: bool, parent: QWidget | None = None) -> Actor | None:
    """A new database: the administrator account first (in a smoke run, which never waits for a
    person, the setup account). Otherwise a sign-in — from SBPAC_USER/SBPAC_PASSWORD when both
    are set (a smoke run without them is refused), else the dialog (over `parent`, the window's
    frame). None: the user quit."""
    from sbpac_desktop.services.app import credentials_from_env, resolve_actor
    from sbpac_desktop.services.context import needs_first_admin

    automatic = smoke or credentials_from_env(environ) is not None
    if automatic and needs_first_admin(db):
        return resolve_actor(db, environ)  # the setup account: Core, the ORM loads after the first page
    if automatic:  # a password sign-in is the ORM's (services/auth.py): it and the password's check beside the frame

        def sign_in() -> Actor:
            load_later_layer()
            return resolve_actor(db, environ)

        return beside_frame(sign_in, "sbpac-database-import")
    from sbpac_desktop.gui.dialogs.sign_in import FirstAdminDialog, SignInDialog  # the dialogs' module when one shows

    auth = _auth_while_typing()
    where = db.location.display
    dialog: FirstAdminDialog | SignInDialog
    if needs_first_admin(db):
        dialog = FirstAdminDialog(
            lambda login, name, password: auth().create_first_admin(db, login, name, password), where, parent
        )
    else:
        dialog = SignInDialog(lambda login, password: auth().sign_in(db, login, password), where, parent)
    if _closed_meanwhile(parent) or not dialog.exec():
        return None
    return dialog.actor


def _auth_while_typing() -> Callable[[], ModuleType]:
    """The ORM's part of the database layer (services.auth's) loads on a helper thread while the dialog
    waits for the user; the call returned gives services.auth once it has (waits if typed faster)."""
    loading = threading.Thread(target=load_later_layer, name="sbpac-database-import", daemon=True)
    loading.start()

    def auth() -> ModuleType:
        loading.join()
        from sbpac_desktop.services import auth

        return auth

    return auth


def _closed_meanwhile(frame: QWidget | None) -> bool:
    """A close of the frame asked while the database opened (and the dialog was built) is
    taken before the dialog comes up: once the modal dialog is up the frame is blocked and Qt
    drops a close from the window system (seen on X). One that arrives later still is lost."""
    if frame is None:
        return False
    QApplication.processEvents()
    return not frame.isVisible()


def _close_context(ctx: AppContext) -> None:
    _backup_on_close(ctx)
    ctx.close()


def _backup_on_close(ctx: AppContext) -> None:
    """A verified, rotated copy of the day's work every time the window closes (SQLite only).
    A failed backup is logged, never a reason to lose the close."""
    from sbpac_desktop.services.admin.maintenance import backup_on_close

    try:
        saved = backup_on_close(ctx)
    except Exception:
        log.exception("backup on close failed")
        return
    if saved is not None:
        log.info("backup on close: %s", saved)


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(SETTINGS_ORGANIZATION)
    QCoreApplication.setApplicationName(SETTINGS_APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setDesktopFileName("sbpac-desktop")
    return app


def _prepare_application() -> QApplication:
    app = _application()
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    settings = app_settings()
    stored = settings.value(FONT_FILES_KEY, [])
    known = [stored] if isinstance(stored, str) else [str(path) for path in stored] if isinstance(stored, list) else []
    family = apply_ui_font(app, known)
    log.info("UI font: %s", family or "system default")
    if family is not None and font_files() != known:
        settings.setValue(FONT_FILES_KEY, font_files())  # found again next time without a search
    i18n.install_language(i18n.saved_language(settings))
    return app


def _run_window(window: MainWindow, ctx: AppContext, *, smoke: bool, in_use: list[AppContext] | None = None) -> int:
    """The frame gets its database: the navigation comes alive and the first page fills."""
    app = _application()  # prepared by _run before the sign-in
    window.attach(ctx)
    if in_use is not None:

        def switched(old: AppContext) -> None:
            in_use[0] = window.ctx
            _close_context(old)

        window.close_context = switched
    # The ORM after the first page filled; then due-soon / overdue for the user's posts, when there are any
    load_after_first_fill(window, None if smoke else window.reminders.at_startup)
    if not smoke:
        return app.exec()
    _spin(SMOKE_QUIT_MS)
    for _turn in range(SMOKE_LOAD_TURNS):  # a smoke run goes through the whole start-up, the ORM's load too
        if not is_loading():
            break
        _spin(SMOKE_LOAD_TURN_MS)
    window.close()
    log.info("Smoke run finished")
    return 0


def _spin(milliseconds: int) -> None:
    """Run a local event loop for a while. Unlike app.exec()/quit() it leaves the application
    reusable, so tests sharing one QApplication can run the smoke mode too."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
