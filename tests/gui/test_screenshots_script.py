"""tools/screenshots.py (make screenshots) keeps working: two screens written at the promised size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_script_writes_pngs(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    env.pop("DISPLAY", None)
    out = tmp_path / "images"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "screenshots.py"),
            str(out),
            "--only",
            "main_people",
            "--only",
            "dialog_term",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    window = QImage(str(out / "gui-main_people.png"))
    assert (window.width(), window.height()) == (1366, 768)
    dialog = QImage(str(out / "gui-dialog_term.png"))
    assert 400 < dialog.width() < 1366 and 150 < dialog.height() < 768
    assert "2 of 2 screenshots written" in done.stdout
    assert not (tmp_path / "sbpac-screenshots").exists()  # its temp database is removed
