"""The pure start-up decisions: when a window cannot open, and the smoke switch."""

from __future__ import annotations

import pytest

from sbpac_desktop.gui.startup import (
    NO_DISPLAY_MESSAGE,
    X11Target,
    is_smoke_run,
    missing_display_message,
    uses_x11,
    x11_target,
)


@pytest.mark.parametrize("platform", ["linux", "freebsd13"])
def test_no_display_variables_on_linux_gives_the_message(platform: str) -> None:
    assert missing_display_message({}, platform) == NO_DISPLAY_MESSAGE


def test_message_is_thai_and_english_and_points_to_the_cli() -> None:
    assert "ไม่พบหน้าจอแสดงผล" in NO_DISPLAY_MESSAGE
    assert "No display found" in NO_DISPLAY_MESSAGE
    assert "sbpac-desktop meetings" in NO_DISPLAY_MESSAGE


@pytest.mark.parametrize(
    "environ",
    [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"}],
)
def test_any_display_variable_is_enough(environ: dict[str, str]) -> None:
    assert missing_display_message(environ, "linux") is None


def test_blank_variables_count_as_missing() -> None:
    assert missing_display_message({"DISPLAY": "", "WAYLAND_DISPLAY": "  "}, "linux") is not None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_a_screen(platform: str) -> None:
    assert missing_display_message({}, platform) is None


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_smoke_switch(value: str, expected: bool) -> None:
    assert is_smoke_run({"SBPAC_GUI_SMOKE": value}) is expected
    assert is_smoke_run({}) is False


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        (":0", X11Target(unix_path="/tmp/.X11-unix/X0")),
        (":1.0", X11Target(unix_path="/tmp/.X11-unix/X1")),
        ("unix:2", X11Target(unix_path="/tmp/.X11-unix/X2")),
        ("localhost:10.0", X11Target(host="localhost", port=6010)),
        ("[::1]:3", X11Target(host="::1", port=6003)),
        ("/private/tmp/com.apple.launchd.x/org.xquartz:0", None),
        ("garbage", None),
    ],
)
def test_x11_target(display: str, expected: X11Target | None) -> None:
    assert x11_target(display) == expected


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "win32", False),
    ],
)
def test_uses_x11(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert uses_x11(environ, platform) is expected
