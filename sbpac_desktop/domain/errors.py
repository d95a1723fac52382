"""Typed errors that carry a message fit for a clerk, in Thai and English.

`str(error)` is the Thai message, so any front end that prints the error shows
Thai by default; `.message_en` is there for the English UI and the logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# Every exit code the command line gives, documented once (README, `sbpac-desktop --help`).
EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran and found a problem it names (`check`); a plain AppError
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_CONFLICT = 4
EXIT_NOT_PERMITTED = 5
EXIT_DATABASE = 6
EXIT_OUTPUT = 7
EXIT_UNEXPECTED = 70  # BSD EX_SOFTWARE: a bug; the details are in the log file
EXIT_CANCELLED = 130  # Ctrl+C, as shells report SIGINT

EXIT_CODES: dict[int, tuple[str, str]] = {
    EXIT_OK: ("สำเร็จ", "ok"),
    EXIT_PROBLEM: ("ตรวจพบปัญหา (เช่น check)", "a problem was found (check)"),
    EXIT_USAGE: ("คำสั่งหรือข้อมูลไม่ถูกต้อง", "wrong usage or invalid data"),
    EXIT_NOT_FOUND: ("ไม่พบข้อมูล", "not found"),
    EXIT_CONFLICT: ("ข้อมูลขัดแย้ง", "conflict"),
    EXIT_NOT_PERMITTED: ("ไม่มีสิทธิ์", "not permitted"),
    EXIT_DATABASE: ("ใช้ฐานข้อมูลไม่ได้", "database problem"),
    EXIT_OUTPUT: ("เขียนไฟล์ผลลัพธ์ไม่ได้", "the output file cannot be written"),
    EXIT_UNEXPECTED: ("ข้อผิดพลาดที่ไม่คาดคิด (ดูไฟล์บันทึก)", "unexpected error (see the log file)"),
    EXIT_CANCELLED: ("ยกเลิกโดยผู้ใช้ (Ctrl+C)", "cancelled (Ctrl+C)"),
}


def exit_codes_text() -> str:
    """One line for --help: '0 สำเร็จ, 1 ตรวจพบปัญหา …'."""
    return "รหัสการออก (exit codes): " + ", ".join(f"{code} {th}" for code, (th, _en) in EXIT_CODES.items())


class AppError(Exception):
    """Base of every error a user may see; never carries a traceback to the screen."""

    exit_code = EXIT_PROBLEM

    def __init__(self, message_th: str, message_en: str) -> None:
        super().__init__(message_th)
        self.message_th = message_th
        self.message_en = message_en

    def message(self, language: str = "th") -> str:
        return self.message_en if language == "en" else self.message_th


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message_th: str
    message_en: str


class ValidationError(AppError):
    """One or more fields are wrong; `problems` lets a form mark each field."""

    exit_code = EXIT_USAGE

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            "; ".join(p.message_th for p in problems),
            "; ".join(p.message_en for p in problems),
        )

    @classmethod
    def single(cls, field: str, message_th: str, message_en: str) -> ValidationError:
        return cls([FieldProblem(field, message_th, message_en)])


class NotFound(AppError):
    exit_code = EXIT_NOT_FOUND


@dataclass(frozen=True)
class FieldConflict:
    """One field of a stale save: what the user typed, what is stored now, what they saw."""

    field: str
    label_th: str
    yours: str
    theirs: str
    base: str | None = None  # the value the user loaded; None when no history holds it


@dataclass(frozen=True)
class ConflictDetails:
    """Who saved the record since the user read it, and each field that now differs."""

    entity: str
    entity_id: int
    your_version: int
    current_version: int
    changed_by: str | None
    changed_at: datetime | None
    fields: tuple[FieldConflict, ...] = ()


class ConflictError(AppError):
    """Someone else saved the record since it was read, or a unique number is taken.

    `details` is set for a stale save (optimistic locking), so a front end can show each
    field as yours / theirs and offer to re-apply, keep theirs or overwrite."""

    exit_code = EXIT_CONFLICT

    def __init__(self, message_th: str, message_en: str, details: ConflictDetails | None = None) -> None:
        super().__init__(message_th, message_en)
        self.details = details


class PermissionDenied(AppError):
    exit_code = EXIT_NOT_PERMITTED


class DatabaseError(AppError):
    """The database cannot be opened or used as asked (path, format, version, server)."""

    exit_code = EXIT_DATABASE
