"""The frame-first opening on a shared PostgreSQL server (issue #16): the connect, the schema
check and the sign-in's reads run on the helper thread while the frame keeps its event loop, and
a server that is not there ends with the Thai message over the frame, as on SQLite."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sbpac_desktop.domain.errors import DatabaseError
from sbpac_desktop.gui.app import run_gui
from sbpac_desktop.gui.errors import ThaiMessageBox
from sbpac_desktop.services import app as services_app
from tests.gui.helpers import root_logging_kept, visible_main_windows


@pytest.fixture(autouse=True)
def _keep_root_logging() -> Iterator[None]:
    with root_logging_kept():
        yield


@pytest.mark.pg
def test_a_postgresql_office_opens_behind_the_running_frame(
    qapp: QApplication, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SBPAC_GUI_SMOKE", "1")
    opening, window_turned = threading.Event(), threading.Event()
    opened_on: list[str] = []
    seen: list[tuple[bool, bool]] = []
    original = services_app.open_unsigned

    def gated(*args: Any, **kwargs: Any) -> Any:
        opened_on.append(threading.current_thread().name)
        opening.set()
        assert window_turned.wait(10), "the window thread never ran while the server was connected to"
        return original(*args, **kwargs)

    def turn() -> None:
        if opening.is_set() and not window_turned.is_set():
            seen.append((bool(visible_main_windows()), any(f.is_ready() for f in visible_main_windows())))
            window_turned.set()

    monkeypatch.setattr(services_app, "open_unsigned", gated)
    timer = QTimer(qapp)
    timer.timeout.connect(turn)
    timer.start(5)
    try:
        assert run_gui(pg_url) == 0
    finally:
        timer.stop()
    assert opened_on == ["sbpac-database-open"]
    assert seen == [(True, False)]  # the frame was up, and still holding, while the server was reached
    assert visible_main_windows() == []


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens once the probe is closed


def test_a_server_that_is_not_there_gives_the_thai_message_over_the_frame(
    qapp: QApplication, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[tuple[str, int]] = []

    def answer(box: QMessageBox) -> int:
        boxes.append((box.text(), len(visible_main_windows())))
        return 0

    monkeypatch.setattr(ThaiMessageBox, "exec", answer)
    url = f"postgresql+psycopg://clerk:pw@127.0.0.1:{_closed_port()}/sbpac"
    code = run_gui(url)
    assert code == DatabaseError.exit_code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(boxes) == 1 and boxes[0][1] == 1, boxes  # one message, the frame still behind it
    assert "เชื่อมต่อเซิร์ฟเวอร์ฐานข้อมูล" in boxes[0][0] and ":pw@" not in boxes[0][0]  # the password never shown
    assert visible_main_windows() == []
