"""One program per SQLite file, and never a SQLite file on a network share.

The lock is an OS-level lock on `<db>.lock` next to the database, taken through the
filelock library (flock on POSIX, LockFileEx on Windows). The operating system drops it when the holder
dies, so a lock file left behind by a crash never blocks the next start.

The same file is the unclean-shutdown marker: the holder writes who it is into it
when it takes the lock and empties (then deletes) it on a clean close. Finding it
non-empty when we get the lock means the previous holder never closed cleanly, and
the caller runs a full integrity check before trusting the database.

Inside one process the lock is shared (reference counted): a process that already
holds it may open the same file again (restore re-opens to migrate, tests open twice).

Who holds it: every `open_database` on a SQLite file — the GUI for its whole session,
and each CLI command that opens the app (init, demo, meetings, directives, import...)
for its short life — plus `restore`. A second taker waits up to LOCK_WAIT_SECONDS
(a short command finishing) and is then refused with the holder's pid, host and start
time. Read-only listings are refused too while the GUI runs: opening may migrate the
schema or create the built-in user, and `open_database` cannot tell a listing from a
writer. `backup` and `check` do not take it: they read through SQLite's own locking
with `query_only` on, which is safe next to a running GUI.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PureWindowsPath

from filelock import BaseFileLock, FileLock, Timeout

from sbpac_desktop.domain.errors import DatabaseError

LOCK_SUFFIX = ".lock"
LOCK_WAIT_SECONDS = 3.0  # a short CLI command finishing while the GUI starts: wait, do not refuse
_POLL_SECONDS = 0.1
_OWNER_OFFSET = 1  # filelock locks byte 0 on Windows: the owner text starts after it

# Kernel file systems whose locking SQLite cannot rely on (see sqlite.org/useovernet.html).
NETWORK_FS_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "afs", "ncpfs", "coda",
        "ceph", "glusterfs", "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "virtiofs", "vboxsf", "vmhgfs",
    }
)
NETWORK_FUSE_TYPES = frozenset({"sshfs", "smbnetfs", "davfs", "glusterfs", "rclone", "s3fs", "gcsfuse", "vmhgfs"})
DRIVE_REMOTE = 4  # GetDriveTypeW


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


@dataclass
class _Held:
    lock: BaseFileLock
    descriptor: int  # filelock's own descriptor, lent to us (on_acquired) for as long as the lock is held
    count: int = 1
    keep_marker: bool = False


_held: dict[str, _Held] = {}
_registry_lock = threading.Lock()


@dataclass
class InstanceLock:
    """Held for the life of a Database; `release()` is idempotent."""

    db_path: Path
    unclean_shutdown: bool = False  # the previous holder died without closing
    _key: str = field(default="", repr=False)
    _released: bool = field(default=False, repr=False)

    def release(self, *, keep_marker: bool = False) -> None:
        """Give the lock back; keep_marker leaves the 'not closed cleanly' mark for the next start."""
        if self._released:
            return
        self._released = True
        with _registry_lock:
            held = _held[self._key]
            held.keep_marker = held.keep_marker or keep_marker
            held.count -= 1
            if held.count:
                return
            del _held[self._key]
        _unlock(held, Path(self._key))


def acquire(db_path: Path, *, wait_seconds: float = LOCK_WAIT_SECONDS) -> InstanceLock:
    """Take the lock for db_path or raise DatabaseError naming who holds it."""
    path = lock_path_for(db_path)
    key = str(path.absolute())
    deadline = time.monotonic() + wait_seconds
    while True:
        with _registry_lock:  # checked on every attempt: another thread may have taken it meanwhile
            if key in _held:
                _held[key].count += 1
                return InstanceLock(db_path, False, key)
            taken = _try_lock(path)  # non-blocking, so holding the registry lock here is brief
            if taken is not None:
                _held[key], previous = taken
                return InstanceLock(db_path, bool(previous.strip()), key)
        if time.monotonic() >= deadline:
            raise in_use_error(db_path, owner_description(path))
        time.sleep(_POLL_SECONDS)


def in_use_error(db_path: Path, owner: str) -> DatabaseError:
    return DatabaseError(
        f"ฐานข้อมูล {db_path} กำลังถูกใช้งานโดยโปรแกรมอีกตัวหนึ่ง{owner} — "
        "ปิดโปรแกรมนั้นก่อนแล้วลองใหม่ (หากต้องการให้หลายคนใช้งานพร้อมกัน ให้ใช้ฐานข้อมูลกลาง PostgreSQL)",
        f"Database {db_path} is in use by another copy of the program{owner}; close it first "
        "(use a PostgreSQL server for several simultaneous users)",
    )


def owner_description(path: Path) -> str:
    """' (pid 123 on host, since 10:32)' from the lock file, or '' when unreadable."""
    try:
        with path.open("rb") as stream:
            stream.seek(_OWNER_OFFSET)  # Windows: the holder's byte-range lock covers byte 0
            info = json.loads(stream.read().decode("utf-8"))
        started = datetime.fromisoformat(info["started"]).strftime("%d/%m/%Y %H:%M")
        return f" (pid {int(info['pid'])} @ {info['host']}, {started})"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _owner_text() -> str:
    info = {"pid": os.getpid(), "host": socket.gethostname(), "started": datetime.now().isoformat(timespec="seconds")}
    return json.dumps(info)


def _try_lock(path: Path) -> tuple[_Held, str] | None:
    """filelock's OS lock (flock on POSIX, LockFileEx on byte 0 on Windows), not waiting; on success
    the previous holder's text (non-empty: it died holding the file) and ours written in its place."""
    lent: list[tuple[int, str]] = []

    def mark_owner(descriptor: int) -> None:
        lent.append((descriptor, _read_all(descriptor)))
        _write_owner(descriptor)

    # preserve_lock_file: we delete the file ourselves, and only on a clean close (the crash marker);
    # no soft fallback: a file system without flock is a network share, refused before this.
    lock = FileLock(path, thread_local=False, fallback_to_soft=False, preserve_lock_file=True, on_acquired=mark_owner)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        return None
    descriptor, previous = lent[0]
    return _Held(lock, descriptor), previous


def _read_all(handle: int) -> str:
    os.lseek(handle, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(handle, 4096):
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


def _write_owner(handle: int) -> None:
    """A space at byte 0 (locked on Windows), then the owner for others to read past it."""
    os.lseek(handle, 0, os.SEEK_SET)
    os.ftruncate(handle, 0)
    os.write(handle, b" " * _OWNER_OFFSET + _owner_text().encode("utf-8"))
    os.fsync(handle)


def _unlock(held: _Held, path: Path) -> None:
    if not held.keep_marker:
        os.ftruncate(held.descriptor, 0)  # cleared first: a file Windows will not let us delete stays harmless
        with contextlib.suppress(OSError):
            path.unlink()  # POSIX: still locked, so nobody can take over a file that is about to vanish
    held.lock.release()
    if not held.keep_marker and sys.platform == "win32":  # pragma: no cover - Windows only
        with contextlib.suppress(OSError):
            path.unlink()  # an open file cannot be deleted there: now it is closed (or another holds it)


# --- network file systems ---------------------------------------------------------------


def parse_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) rows of a /proc/mounts table, with its octal escapes decoded."""
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            rows.append((_unescape_mount(parts[1]), parts[2]))
    return rows


def _unescape_mount(field_text: str) -> str:
    for code in ("\\040", "\\011", "\\012", "\\134"):
        field_text = field_text.replace(code, chr(int(code[1:], 8)))
    return field_text


def fs_type_for(path: str, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The file system type of the mount holding `path` (longest mount point; the later one wins)."""
    best: tuple[int, str] | None = None
    for point, fs_type in mounts:
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= best[0]):
            best = (len(point), fs_type)
    return best[1] if best else None


def is_network_fs_type(fs_type: str) -> bool:
    fs_type = fs_type.lower()
    if fs_type.startswith("fuse."):
        return fs_type.removeprefix("fuse.") in NETWORK_FUSE_TYPES
    return fs_type in NETWORK_FS_TYPES


def linux_network_fs(path: str, mounts_text: str) -> str | None:
    """The network fs type holding `path` according to a /proc/mounts text, else None."""
    fs_type = fs_type_for(path, parse_mounts(mounts_text))
    return fs_type if fs_type and is_network_fs_type(fs_type) else None


def windows_network_reason(path: str, drive_type: Callable[[str], int] | None = None) -> str | None:
    """'UNC' for \\\\server\\share paths, 'DRIVE_REMOTE' for a mapped network drive, else None."""
    text = path.replace("/", "\\")
    upper = text.upper()
    if upper.startswith("\\\\?\\UNC\\"):
        return "UNC"
    if upper.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]  # extended-length local path such as \\?\C:\data
    elif text.startswith("\\\\"):
        return "UNC"
    drive = PureWindowsPath(text).drive
    if drive and drive_type is not None and drive_type(drive + "\\") == DRIVE_REMOTE:
        return "DRIVE_REMOTE"
    return None


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


def network_location(folder: Path) -> str | None:
    """Why `folder` is on a network share (its fs type), or None for a local disk."""
    real = os.path.realpath(folder)
    if sys.platform == "win32":  # pragma: no cover
        return windows_network_reason(real, _windows_drive_type)
    try:
        mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # not Linux (macOS, BSD): no table to read, nothing to refuse
    return linux_network_fs(real, mounts_text)


def refuse_network_share(db_path: Path) -> None:
    kind = network_location(db_path.parent)
    if kind is None:
        return
    raise DatabaseError(
        f"ไฟล์ฐานข้อมูล {db_path} อยู่บนไดรฟ์เครือข่าย ({kind}) ซึ่ง SQLite ใช้งานได้ไม่ปลอดภัย ข้อมูลอาจเสียหาย — "
        "ย้ายไฟล์มาไว้ในเครื่องนี้ หรือใช้ฐานข้อมูลกลาง PostgreSQL สำหรับการใช้งานร่วมกันในสำนักงาน",
        f"Database file {db_path} is on a network share ({kind}), where SQLite is not safe; move it to a "
        "local disk or use the PostgreSQL shared-office mode",
    )
