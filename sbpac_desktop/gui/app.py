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

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from sbpac_desktop import __version__, logs
from sbpac_desktop.domain.errors import AppError
from sbpac_desktop.gui.fonts import apply_ui_font
from sbpac_desktop.gui.main_window import SETTINGS_APPLICATION, SETTINGS_ORGANIZATION, MainWindow
from sbpac_desktop.gui.startup import SMOKE_QUIT_MS, is_smoke_run, missing_display_message
from sbpac_desktop.services.app import AppContext, open_app

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def _translate(text: str) -> str:
    return QCoreApplication.translate("run_gui", text)


def _print_error(message: str) -> None:
    print(_translate("ข้อผิดพลาด: {message}").format(message=message), file=sys.stderr)


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Unexpected errors: the traceback goes to the log file, a short line to stderr."""
    log.critical("Unhandled exception", exc_info=(kind, error, tb))
    if isinstance(error, AppError):
        _print_error(error.message_th)
        return
    _print_error(
        _translate("เกิดข้อผิดพลาดที่ไม่คาดคิด ({kind}) — รายละเอียดอยู่ในไฟล์ {path}").format(
            kind=kind.__name__, path=logs.log_path()
        )
    )


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
    problem = missing_display_message(environ, sys.platform)
    if problem is not None:
        log.error("No display: %s", problem)
        print(problem, file=sys.stderr)
        return 3
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
        ctx.close()


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
    QLocale.setDefault(QLocale(QLocale.Language.Thai, QLocale.Territory.Thailand))
    family = apply_ui_font(app)
    log.info("UI font: %s", family or "system default")
    window = MainWindow(ctx)
    window.show()
    if not smoke:
        return app.exec()
    QTimer.singleShot(SMOKE_QUIT_MS, window.close)
    QTimer.singleShot(SMOKE_QUIT_MS, app.quit)
    app.exec()
    log.info("Smoke run finished")
    return 0
