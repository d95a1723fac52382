"""The demo database the command-line probes run against (a real file, filled by the demo loader)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sbpac_desktop.services.app import open_app
from sbpac_desktop.services.demo.demo import load_demo


@pytest.fixture
def demo_database(tmp_path: Path) -> Path:
    database = tmp_path / "demo.db"
    ctx = open_app(str(database), create=True)
    load_demo(ctx.db, ctx.actor)
    ctx.close()
    return database
