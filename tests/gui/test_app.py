"""run_gui end to end: smoke run, no display, a file that is not a database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from sbpac_desktop.gui import app as gui_app
from sbpac_desktop.gui.app import run_gui
from sbpac_desktop.gui.errors import ThaiMessageBox
from sbpac_desktop.gui.startup import NO_DISPLAY_EXIT, NO_DISPLAY_MESSAGE
from tests.gui.helpers import root_logging_kept


@pytest.fixture(autouse=True)
def _keep_root_logging() -> Iterator[None]:
    """run_gui adds a log file handler; take it away again after each test."""
    with root_logging_kept():
        yield


def test_smoke_run_opens_the_window_and_returns_0(
    qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    hook = sys.excepthook
    assert run_gui(demo_db) == 0
    assert sys.excepthook is hook  # the logging hook is removed when run_gui returns


def test_smoke_run_writes_the_log(qapp: QApplication, demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    assert run_gui(demo_db) == 0
    log_file = Path(os.environ["XDG_STATE_HOME"]) / "sbpac-desktop" / "log" / "sbpac-desktop.log"
    assert "GUI starting on" in log_file.read_text(encoding="utf-8")


def test_no_display_prints_a_clear_message_and_returns_3(
    demo_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui_app.sys, "platform", "linux")
    assert run_gui(demo_db) == NO_DISPLAY_EXIT == 3
    assert NO_DISPLAY_MESSAGE in capsys.readouterr().err


@pytest.fixture
def shown_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the blocking boxes run_gui shows (answered at once instead of waiting)."""
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(ThaiMessageBox, "exec", record)
    return texts


def test_not_a_database_gives_the_thai_message_and_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shown_boxes: list[str]
) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("นี่ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    code = run_gui(str(bogus))
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("ข้อผิดพลาด: ")
    assert "ไม่ใช่ฐานข้อมูลของโปรแกรม" in err
    assert len(shown_boxes) == 1 and "ไม่ใช่ฐานข้อมูลของโปรแกรม" in shown_boxes[0]  # a window, not only stderr
    assert bogus.read_text(encoding="utf-8") == "นี่ไม่ใช่ฐานข้อมูล"  # left untouched


def test_missing_explicit_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shown_boxes: list[str]
) -> None:
    missing = tmp_path / "nowhere" / "x.db"
    assert run_gui(str(missing)) != 0
    assert "ข้อผิดพลาด: " in capsys.readouterr().err
    assert len(shown_boxes) == 1
    assert not missing.exists()


def test_excepthook_logs_prints_one_line_and_shows_a_box(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        gui_app._excepthook(RuntimeError, error, error.__traceback__)
    err = capsys.readouterr().err
    assert err.startswith("ข้อผิดพลาด: เกิดข้อผิดพลาดที่ไม่คาดคิด (RuntimeError)")
    assert "Traceback" not in err
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "RuntimeError" in boxes[-1].text()
    for box in boxes:
        box.close()


def _launch(env_changes: dict[str, str | None], *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "-m", "sbpac_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_launcher_smoke_run_offscreen(demo_db: str) -> None:
    """What `make run` does, headless: the real console entry point opens and closes the window."""
    result = _launch({"QT_QPA_PLATFORM": "offscreen", "SBPAC_GUI_SMOKE": "1"}, "--db", demo_db)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display variables matter on Linux only")
def test_launcher_without_display_exits_3_instead_of_a_qt_abort(demo_db: str) -> None:
    result = _launch({"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, "--db", demo_db)
    assert result.returncode == 3
    assert "ไม่พบหน้าจอแสดงผล" in result.stderr
    assert "No display found" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_launcher_with_a_dead_display_exits_3_instead_of_a_qt_abort(demo_db: str) -> None:
    result = _launch({"DISPLAY": ":987", "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None}, "--db", demo_db)
    assert result.returncode == 3, result.stderr
    assert "DISPLAY=:987" in result.stderr
