"""One rotating log file per user: full tracebacks go here, never to a clerk's screen."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

LOG_NAME = "sbpac-desktop.log"


def log_path() -> Path:
    return platformdirs.user_log_path("sbpac-desktop", appauthor=False) / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Best effort: a read-only profile must not stop the app from starting.

    Idempotent per path: a second call for the same file adds nothing, while a call after the
    log folder changed (another XDG_STATE_HOME, as in-process CLI runs and tests do) logs there too."""
    path = log_path()
    root = logging.getLogger()
    root.setLevel(level)
    wanted = str(path.resolve())
    if any(getattr(h, "baseFilename", None) == wanted for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
