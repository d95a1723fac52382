"""Display probes: an X server that does not answer, a missing xcb library."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from sbpac_desktop.gui.display_probe import (
    can_connect,
    display_problem,
    missing_xcb_library_message,
    unreachable_x11_message,
)
from sbpac_desktop.gui.startup import NO_DISPLAY_MESSAGE, X11Target, x11_target

PLUGIN = Path("/qt/lib/libQt6XcbQpa.so.6")


def test_unreachable_x11_message_only_when_the_probe_fails() -> None:
    env = {"DISPLAY": ":42"}
    assert unreachable_x11_message(env, "linux", connect=lambda target: True) is None
    message = unreachable_x11_message(env, "linux", connect=lambda target: False)
    assert message is not None
    assert "DISPLAY=:42" in message and "Cannot connect" in message


@pytest.mark.parametrize(
    "environ",
    [{"DISPLAY": ":42", "WAYLAND_DISPLAY": "w"}, {"DISPLAY": ":42", "QT_QPA_PLATFORM": "offscreen"}, {}],
)
def test_no_probe_when_wayland_or_a_platform_is_chosen(environ: dict[str, str]) -> None:
    def must_not_probe(target: X11Target) -> bool:
        raise AssertionError("probed")

    assert unreachable_x11_message(environ, "linux", connect=must_not_probe) is None
    assert unreachable_x11_message({"DISPLAY": ":42"}, "win32", connect=must_not_probe) is None


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_can_connect_to_a_listening_unix_socket(tmp_path: Path) -> None:
    target = x11_target(":7", socket_dir=str(tmp_path))
    assert target is not None and target.unix_path is not None
    assert not can_connect(target, timeout=0.2)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(target.unix_path)
        server.listen(1)
        assert can_connect(target, timeout=0.2)


def test_display_problem_combines_the_checks() -> None:
    assert display_problem({}, "linux") == NO_DISPLAY_MESSAGE
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None


def _loads(path: Path) -> None:
    return None


def _fails(path: Path) -> None:
    raise OSError("libxcb-icccm.so.4: cannot open shared object file: No such file or directory")


def test_missing_xcb_library_is_named() -> None:
    env = {"DISPLAY": ":0"}
    message = missing_xcb_library_message(env, "linux", load=_fails, find=lambda n: "x", plugin=lambda: PLUGIN)
    assert message is not None
    assert "libxcb-icccm.so.4" in message and "sudo apt install" in message


def test_missing_xcb_cursor_is_found_although_qt_loads_it_late() -> None:
    env = {"DISPLAY": ":0"}
    message = missing_xcb_library_message(env, "linux", load=_loads, find=lambda n: None, plugin=lambda: PLUGIN)
    assert message is not None and "libxcb-cursor" in message


def test_xcb_check_passes_or_is_skipped() -> None:
    env = {"DISPLAY": ":0"}
    assert missing_xcb_library_message(env, "linux", load=_loads, find=lambda n: "x", plugin=lambda: PLUGIN) is None
    assert missing_xcb_library_message(env, "linux", load=_fails, find=lambda n: None, plugin=lambda: None) is None
    offscreen = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}
    assert missing_xcb_library_message(offscreen, "linux", load=_fails, plugin=lambda: PLUGIN) is None
