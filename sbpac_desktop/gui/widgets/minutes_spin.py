"""A planned duration in minutes that may be left blank (blank = not planned)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QWidget

from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.thai import to_arabic_digits

MAX_SPIN_MINUTES = 600  # ten hours: more than any one agenda item is given on screen


class MinutesSpinBox(QSpinBox):
    """0–600 minutes, or blank. Below 0 there is one more step, -1, shown as an empty box:
    clearing the text or stepping down from 0 both mean "not planned" (`minutes()` None)."""

    NOT_PLANNED = -1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NOT_PLANNED, MAX_SPIN_MINUTES)
        self.setSingleStep(5)
        self.setValue(self.NOT_PLANNED)
        self.setAccelerated(True)

    def minutes(self) -> int | None:
        value = self.value()
        return None if value == self.NOT_PLANNED else value

    def set_minutes(self, minutes: int | None) -> None:
        self.setValue(self.NOT_PLANNED if minutes is None else minutes)

    def stepBy(self, steps: int) -> None:  # noqa: N802
        """Up from blank starts at 0; down stops at 0 before going blank (never at -1 + 5)."""
        current = self.value()
        if current == self.NOT_PLANNED:
            wanted = 0 if steps > 0 else self.NOT_PLANNED
        else:
            wanted = current + steps * self.singleStep()
            if wanted < 0:
                wanted = 0 if current > 0 else self.NOT_PLANNED
        self.setValue(min(wanted, self.maximum()))
        self.selectAll()

    # Blank text <-> NOT_PLANNED; Thai digits typed are read as Arabic ones.
    def textFromValue(self, value: int) -> str:  # noqa: N802 - Qt's name
        return "" if value == self.NOT_PLANNED else str(value)

    def valueFromText(self, text: str) -> int:  # noqa: N802
        digits = to_arabic_digits(text.strip())
        return int(digits) if digits.isascii() and digits.isdigit() else self.NOT_PLANNED

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        digits = to_arabic_digits(text.strip())
        if not digits:
            return QValidator.State.Acceptable, text, pos
        if not (digits.isascii() and digits.isdigit()):
            return QValidator.State.Invalid, text, pos
        if int(digits) > MAX_SPIN_MINUTES:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


def minutes_row(parent: QWidget, field: QWidget, unit: str) -> QWidget:
    """The (error-bound) spin box with its unit after it: [ 45 ] นาที."""
    row = QWidget(parent)
    layout = flush(QHBoxLayout(row))
    layout.addWidget(field, 0, Qt.AlignmentFlag.AlignTop)
    label = QLabel(unit, row)
    label.setObjectName("minutesUnit")
    layout.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
    layout.addStretch(1)
    return row
