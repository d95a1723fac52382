"""Long texts for a command read from a file (`--discussion-file minutes.txt`): UTF-8 only.

A file saved as Windows-874 / TIS-620 (Notepad's "ANSI" on a Thai Windows) would come out
as mojibake if guessed wrong, so any file that is not valid UTF-8 is refused with a Thai
message saying how to save it; nothing is written."""

from __future__ import annotations

import argparse
from pathlib import Path

MAX_TEXT_BYTES = 2_000_000  # a minutes text is pages long at most, never megabytes


def read_utf8(text: str) -> str:
    """argparse type: the file's text (a UTF-8 BOM is dropped; CRLF become LF)."""
    path = Path(text).expanduser()
    try:
        found = path.is_file()
    except OSError as error:  # a name over 255 bytes (ENAMETOOLONG) is not swallowed by is_file()
        raise argparse.ArgumentTypeError(f"เปิดไฟล์ '{text[:80]}' ไม่ได้: {error.strerror or error}") from error
    if not found:
        raise argparse.ArgumentTypeError(f"ไม่พบไฟล์ข้อความ '{text}'")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise argparse.ArgumentTypeError(f"อ่านไฟล์ '{text}' ไม่ได้: {error.strerror or error}") from error
    if len(raw) > MAX_TEXT_BYTES:
        raise argparse.ArgumentTypeError(f"ไฟล์ '{text}' ใหญ่เกินไป (เกิน 2 MB) — ไม่ใช่ไฟล์ข้อความรายงานการประชุม")
    if b"\x00" in raw:
        raise argparse.ArgumentTypeError(
            f"ไฟล์ '{text}' ไม่ใช่ไฟล์ข้อความ (เช่น เป็นไฟล์ Word หรือ PDF) — บันทึกเป็น .txt แบบ UTF-8"
        )
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise argparse.ArgumentTypeError(
            f"ไฟล์ '{text}' ไม่ได้เข้ารหัสแบบ UTF-8 (อาจเป็น Windows-874/TIS-620) — เปิดไฟล์แล้วบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8"
        ) from error
    return decoded.replace("\r\n", "\n").replace("\r", "\n")
