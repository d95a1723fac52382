"""The installed PySide6 must not lose references on every call into Qt.

PySide6 6.12.0 hands back None from every void method (QWidget.hide(), QLabel.setText(), …)
without taking a reference to it; on CPython 3.11 None's count reaches zero after about
100,000 such calls and the interpreter aborts ("none_dealloc"), taking the window with it.
pyproject.toml therefore keeps PySide6 below 6.12; this test fails if a release with the
fault is installed again.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 300_000  # three times what None's own count allows in a fresh 3.11 interpreter

PROGRAM = textwrap.dedent(
    f"""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        label.hide()
        label.setText("ศอ.บต.")
    print("lost", before - sys.getrefcount(None))
    """
)


def test_many_void_qt_calls_keep_none_alive() -> None:
    result = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    lost = int(result.stdout.split()[-1])
    assert lost < 100, f"{lost} references to None lost over {2 * CALLS} calls"
