"""Typed errors that carry a message fit for a clerk, in Thai and English.

`str(error)` is the Thai message, so any front end that prints the error shows
Thai by default; `.message_en` is there for the English UI and the logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


class AppError(Exception):
    """Base of every error a user may see; never carries a traceback to the screen."""

    exit_code = 1

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

    exit_code = 2

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
    exit_code = 3


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

    exit_code = 4

    def __init__(self, message_th: str, message_en: str, details: ConflictDetails | None = None) -> None:
        super().__init__(message_th, message_en)
        self.details = details


class PermissionDenied(AppError):
    exit_code = 5


class DatabaseError(AppError):
    """The database cannot be opened or used as asked (path, format, version, server)."""

    exit_code = 6
