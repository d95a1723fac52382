"""All-or-nothing writing of a finished document (PDF or Word) with Thai path errors.

A document is built in a temporary file in the target directory and renamed over the target
only when complete, so a failed build never leaves a half-written or truncated file (and never
destroys an earlier good one). Free of ReportLab: the Word writer uses it too."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


class OutputPathError(OSError):
    """The document cannot be written where asked; the message is Thai, for the user."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def reserve_temporary(target: Path) -> Path:
    """Create an empty temporary file beside `target`, or explain in Thai why we cannot."""
    directory = target.parent
    try:  # is_dir() raises for a name over 255 bytes (ENAMETOOLONG) instead of answering False
        found, folder, taken = directory.exists(), directory.is_dir(), target.is_dir()
    except OSError as error:
        raise OutputPathError(
            f"บันทึกไฟล์ชื่อนี้ไม่ได้ ({error.strerror}) — ชื่อไฟล์อาจยาวเกินไป: {target.name[:60]}…", target
        ) from error
    if not found:
        raise OutputPathError(f"ไม่พบโฟลเดอร์ที่จะบันทึกไฟล์: {directory}", target)
    if not folder:
        raise OutputPathError(f"ที่อยู่สำหรับบันทึกไฟล์ไม่ใช่โฟลเดอร์: {directory}", target)
    if taken:
        raise OutputPathError(f"มีโฟลเดอร์ชื่อเดียวกับไฟล์นี้อยู่แล้ว: {target}", target)
    temporary = directory / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        # os.open with 0o666 lets the user's umask decide the final permissions.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except PermissionError as error:
        raise OutputPathError(f"ไม่มีสิทธิ์บันทึกไฟล์ในโฟลเดอร์นี้: {directory}", target) from error
    except OSError as error:
        raise OutputPathError(f"บันทึกไฟล์ในโฟลเดอร์นี้ไม่ได้ ({error.strerror}): {directory}", target) from error
    return temporary


def replace_target(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except PermissionError as error:
        # Windows refuses to replace a file that a viewer holds open.
        raise OutputPathError(f"บันทึกทับไฟล์เดิมไม่ได้ อาจมีโปรแกรมอื่นเปิดไฟล์นี้อยู่: {target}", target) from error


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """`write(temporary)` fills a file beside `path`, which replaces `path` only when complete;
    Raises OutputPathError (Thai message) when the directory is missing or not writable, or the
    finished file cannot replace an existing one."""
    target = Path(path)
    temporary = reserve_temporary(target)
    try:
        write(temporary)
        replace_target(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
