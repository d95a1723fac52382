"""Field rules shared by every front end. Each check appends to a list of problems
so a form can show all of them next to their fields at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from sbpac_desktop.domain.errors import FieldProblem, ValidationError

T = TypeVar("T")


class Checker:
    """Collects field problems; `raise_if_any` turns them into one ValidationError."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def add(self, field: str, message_th: str, message_en: str) -> None:
        self.problems.append(FieldProblem(field, message_th, message_en))

    def required(self, field: str, value: str | None, label_th: str, label_en: str) -> None:
        if value is None or not value.strip():
            self.add(field, f"กรุณากรอก{label_th}", f"{label_en} is required")

    def max_length(self, field: str, value: str | None, limit: int, label_th: str) -> None:
        if value is not None and len(value) > limit:
            self.add(
                field,
                f"{label_th}ยาวเกิน {limit} ตัวอักษร",
                f"{field} is longer than {limit} characters",
            )

    def percent(self, field: str, value: int) -> None:
        if not 0 <= value <= 100:
            self.add(
                field,
                f"ร้อยละความก้าวหน้าต้องอยู่ระหว่าง 0 ถึง 100 (ได้รับ {value})",
                f"Percent must be between 0 and 100 (got {value})",
            )

    def not_before(self, field: str, later: date | None, earlier: date | None, msg_th: str, msg_en: str) -> None:
        if later is not None and earlier is not None and later < earlier:
            self.add(field, msg_th, msg_en)

    def positive(self, field: str, value: int | None, label_th: str) -> None:
        if value is not None and value < 1:
            self.add(field, f"{label_th}ต้องเป็นจำนวนเต็มบวก", f"{field} must be a positive integer")

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def enforce(rule: Callable[[Checker, T], None], value: T) -> None:
    """Run one form's field rules (a `check_…(check, data)` function) on `value` and raise one
    ValidationError listing every problem they found."""
    check = Checker()
    rule(check, value)
    check.raise_if_any()
