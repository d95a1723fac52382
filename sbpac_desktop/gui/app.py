"""Start the desktop application: one place, in the order DESIGN.md fixes.

excepthook and logging → display check → database (opened and migrated by the services)
→ QApplication → font → main window. Nothing here runs at import time.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sbpac_desktop import __version__, logs
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.display_probe import display_problem
from sbpac_desktop.gui.fonts import apply_ui_font
from sbpac_desktop.gui.main_window import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION, MainWindow
from sbpac_desktop.gui.startup import NO_DISPLAY_EXIT, SMOKE_QUIT_MS, is_smoke_run
from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.maintenance import backup_on_close

log = logging.getLogger(__name__)

_open_boxes: set[QMessageBox] = set()

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _print_error(message: str) -> None:
    line = QCoreApplication.translate("run_gui", "ข้อผิดพลาด: {message}").format(message=message)
    print(line, file=sys.stderr)


def _user_message(kind: type[BaseException], error: BaseException) -> str:
    if isinstance(error, AppError):
        return error.message_th
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
    try:
        ctx = open_app(database, create=False)
    except AppError as error:
        log.error("Cannot open the database: %s", error.message_en)
        _print_error(error.message_th)
        return error.exit_code
    try:
        log.info("GUI starting on %s", ctx.database_display)
        return _run_window(ctx, smoke=is_smoke_run(environ))
    finally:
        _backup_on_close(ctx)
        ctx.close()


def _backup_on_close(ctx: AppContext) -> None:
    """A verified, rotated copy of the day's work every time the window closes (SQLite only).
    A failed backup is logged, never a reason to lose the close."""
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


def _run_window(ctx: AppContext, *, smoke: bool) -> int:
    app = _application()
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
    family = apply_ui_font(app)
    log.info("UI font: %s", family or "system default")
    window = MainWindow(ctx)
    window.show()
    if not smoke:
        return app.exec()
    _spin(SMOKE_QUIT_MS)
    window.close()
    log.info("Smoke run finished")
    return 0


def _spin(milliseconds: int) -> None:
    """Run a local event loop for a while. Unlike app.exec()/quit() it leaves the application
    reusable, so tests sharing one QApplication can run the smoke mode too."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
