"""Pure start-up decisions, kept free of Qt so they are tested without a display."""

from __future__ import annotations

from collections.abc import Mapping

NO_DISPLAY_EXIT = 3
SMOKE_ENV = "SBPAC_GUI_SMOKE"
SMOKE_QUIT_MS = 300

_DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
_PLATFORMS_NEEDING_DISPLAY = ("linux", "freebsd", "openbsd", "netbsd")

NO_DISPLAY_MESSAGE = (
    "ไม่พบหน้าจอแสดงผล (DISPLAY) — เปิดหน้าต่างโปรแกรมไม่ได้ "
    "ใช้คำสั่งแบบบรรทัดคำสั่งแทน เช่น sbpac-desktop meetings / "
    "No display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): "
    "the window cannot open; use the command line instead, e.g. 'sbpac-desktop meetings', "
    "or set QT_QPA_PLATFORM=offscreen for a headless check."
)


def missing_display_message(environ: Mapping[str, str], platform: str) -> str | None:
    """The message to print when a window cannot possibly open, else None.

    Windows and macOS always have a screen session; X11/Wayland systems need one of the
    variables, otherwise Qt aborts the whole process instead of raising an error.
    """
    if not platform.startswith(_PLATFORMS_NEEDING_DISPLAY):
        return None
    if any(environ.get(name, "").strip() for name in _DISPLAY_VARIABLES):
        return None
    return NO_DISPLAY_MESSAGE


def is_smoke_run(environ: Mapping[str, str]) -> bool:
    """`SBPAC_GUI_SMOKE=1`: open the window, then quit by itself (CI and `make run` checks)."""
    return environ.get(SMOKE_ENV, "").strip().lower() in ("1", "true", "yes")
