"""Pure start-up decisions, kept free of Qt so they are tested without a display."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

NO_DISPLAY_EXIT = 3
SMOKE_ENV = "SBPAC_GUI_SMOKE"
SMOKE_QUIT_MS = 300
# QSettings key of the database opened last (written by the Settings page, read at start-up);
# here, so that start-up does not import the Settings page for it.
LAST_DATABASE_KEY = "database/last"

_DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
_PLATFORMS_NEEDING_DISPLAY = ("linux", "freebsd", "openbsd", "netbsd")

NO_DISPLAY_MESSAGE = (
    "ไม่พบหน้าจอแสดงผล (DISPLAY) — เปิดหน้าต่างโปรแกรมไม่ได้ "
    "ใช้คำสั่งแบบบรรทัดคำสั่งแทน เช่น sbpac-desktop meetings / "
    "No display found (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are unset): "
    "the window cannot open; use the command line instead, e.g. 'sbpac-desktop meetings', "
    "or set QT_QPA_PLATFORM=offscreen for a headless check."
)

UNREACHABLE_DISPLAY_MESSAGE = (
    "เชื่อมต่อหน้าจอแสดงผล DISPLAY={display} ไม่ได้ — เปิดหน้าต่างโปรแกรมไม่ได้ "
    "ใช้คำสั่งแบบบรรทัดคำสั่งแทน เช่น sbpac-desktop meetings / "
    "Cannot connect to the display DISPLAY={display} (no X server answers there): "
    "the window cannot open; use the command line instead, e.g. 'sbpac-desktop meetings'."
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


@dataclass(frozen=True)
class X11Target:
    """Where an X server listens for a DISPLAY value: a local socket path or host and port."""

    unix_path: str | None = None
    host: str | None = None
    port: int | None = None


X11_SOCKET_DIR = "/tmp/.X11-unix"
X11_TCP_BASE = 6000


def x11_target(display: str, socket_dir: str = X11_SOCKET_DIR) -> X11Target | None:
    """Parse ":0", ":1.0", "unix:0", "localhost:10.0"; None for forms we do not know."""
    host, _, rest = display.strip().rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit() or "/" in host:
        return None  # e.g. XQuartz launchd paths: leave the decision to Qt
    if host in ("", "unix"):
        return X11Target(unix_path=f"{socket_dir}/X{number}")
    return X11Target(host=host.strip("[]"), port=X11_TCP_BASE + int(number))


def uses_x11(environ: Mapping[str, str], platform: str) -> bool:
    """Qt will start its X11 (xcb) plugin: DISPLAY set, no Wayland, no other platform chosen."""
    if not platform.startswith(_PLATFORMS_NEEDING_DISPLAY) or environ.get("WAYLAND_DISPLAY", "").strip():
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    return bool(environ.get("DISPLAY", "").strip()) and (not chosen or chosen.startswith("xcb"))


def is_smoke_run(environ: Mapping[str, str]) -> bool:
    """`SBPAC_GUI_SMOKE=1`: open the window, then quit by itself (CI and `make run` checks)."""
    return environ.get(SMOKE_ENV, "").strip().lower() in ("1", "true", "yes")
