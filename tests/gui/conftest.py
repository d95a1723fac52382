"""GUI tests run headless: Qt's offscreen platform, temp settings and user folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from sbpac_desktop.services.app import AppContext, open_app
from sbpac_desktop.services.demo import load_demo


@pytest.fixture(scope="session", autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window geometry written by a test must never land in the developer's own settings."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


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
