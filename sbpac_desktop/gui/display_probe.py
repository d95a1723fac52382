"""Probes of the machine's display before Qt starts: where Qt would abort, print a sentence.

Qt ends the process (qFatal, exit code 134) when its X11 plugin cannot start: no X server
at DISPLAY, or a system library of the plugin missing (libxcb-cursor0 on many fresh Ubuntu
installs). Both are checked here in a few milliseconds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import socket
from collections.abc import Callable, Mapping
from pathlib import Path

import PySide6

from sbpac_desktop.gui.startup import (
    UNREACHABLE_DISPLAY_MESSAGE,
    X11_TCP_BASE,
    X11Target,
    missing_display_message,
    uses_x11,
    x11_target,
)

PROBE_TIMEOUT_S = 1.0
XCB_PLUGIN_LIBRARY = "libQt6XcbQpa.so.6"
XCB_RUNTIME_LIBRARIES = ("xcb-cursor",)  # loaded by Qt with dlopen, so a link check misses it

MISSING_XCB_MESSAGE = (
    "เปิดหน้าต่างโปรแกรมไม่ได้ เพราะเครื่องนี้ขาดไลบรารีของระบบที่ Qt ใช้แสดงหน้าต่าง (X11/xcb): {detail} — "
    "โปรดให้ผู้ดูแลระบบติดตั้ง เช่น sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
    "libxkbcommon-x11-0 / Qt's X11 (xcb) plugin cannot start, a system library is missing: {detail}. "
    "Install e.g. libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0, "
    "or use the command line meanwhile (sbpac-desktop meetings)."
)


def can_connect(target: X11Target, timeout: float = PROBE_TIMEOUT_S) -> bool:
    """Open and close one connection to the X server, as Qt's xcb plugin is about to."""
    if target.unix_path is not None:
        # Linux X servers listen on an abstract socket as well as on the file.
        return any(_unix_connect(address, timeout) for address in ("\0" + target.unix_path, target.unix_path))
    try:
        with socket.create_connection((target.host or "localhost", target.port or X11_TCP_BASE), timeout):
            return True
    except OSError:
        return False


def _unix_connect(address: str, timeout: float) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except OSError:
            return False
    return True


def unreachable_x11_message(
    environ: Mapping[str, str], platform: str, connect: Callable[[X11Target], bool] = can_connect
) -> str | None:
    """DISPLAY is set but no X server answers there (a stale SSH session, a closed Xvfb):
    Qt would abort the process, so say it in words instead."""
    if not uses_x11(environ, platform):
        return None
    display = environ.get("DISPLAY", "").strip()
    target = x11_target(display) if display else None
    if target is None or connect(target):
        return None
    return UNREACHABLE_DISPLAY_MESSAGE.format(display=display)


def _xcb_plugin_library() -> Path | None:
    """The Qt X11 platform library shipped in the PySide6 wheel, if that is the Qt in use."""
    path = Path(PySide6.__file__).parent / "Qt" / "lib" / XCB_PLUGIN_LIBRARY
    return path if path.exists() else None


def _load(path: Path) -> None:
    ctypes.CDLL(str(path))


def missing_xcb_library_message(
    environ: Mapping[str, str],
    platform: str,
    load: Callable[[Path], None] = _load,
    find: Callable[[str], str | None] = ctypes.util.find_library,
    plugin: Callable[[], Path | None] = _xcb_plugin_library,
) -> str | None:
    if not uses_x11(environ, platform):
        return None
    path = plugin()
    if path is None:
        return None  # a distribution's Qt: its packages bring their own dependencies
    try:
        load(path)
    except OSError as error:
        return MISSING_XCB_MESSAGE.format(detail=str(error).split(":")[0].strip() or str(error))
    missing = [f"lib{name}" for name in XCB_RUNTIME_LIBRARIES if not find(name)]
    return MISSING_XCB_MESSAGE.format(detail=", ".join(missing)) if missing else None


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """The one check run_gui makes before any Qt window code runs."""
    return (
        missing_display_message(environ, platform)
        or unreachable_x11_message(environ, platform)
        or missing_xcb_library_message(environ, platform)
    )
