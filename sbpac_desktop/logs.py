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
    """Best effort: a read-only profile must not stop the app from starting."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(level)
    return path
