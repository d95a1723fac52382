"""Validation messages next to the fields they are about.

A dialog binds each service field name (ValidationError.problems[].field, e.g. "title",
"due_on", "assignments[0]") to its widget; `show` marks those widgets red and writes the
Thai message right under them. Problems about fields the form does not bind go to one
general line, so nothing is ever swallowed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sbpac_desktop.domain.errors import FieldProblem, ValidationError
from sbpac_desktop.gui.i18n import problem_text
from sbpac_desktop.gui.text import wrappable
from sbpac_desktop.gui.widgets.flush import flush

ERROR_COLOUR = "#b3261e"
_INVALID_STYLE = f"border: 1px solid {ERROR_COLOUR}; border-radius: 2px;"


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def base_field(name: str) -> str:
    """'assignments[0]' -> 'assignments'."""
    return name.split("[", 1)[0]


def _styled_target(widget: QWidget) -> QWidget:
    """The part that gets the red border: the text box inside a composite editor."""
    inner = getattr(widget, "line_edit", None)
    return inner if isinstance(inner, QWidget) else widget


class FieldErrors:
    def __init__(self, general: QLabel) -> None:
        self.general = general
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._styles: dict[str, str] = {}

    def bind(self, field: str, widget: QWidget) -> QWidget:
        """Return a container holding `widget` and its (hidden) message line."""
        container = QWidget(widget.parentWidget())
        layout = flush(QVBoxLayout(container), spacing=2)
        layout.addWidget(widget)
        label = error_label(container)
        layout.addWidget(label)
        self._widgets[field] = widget
        self._labels[field] = label
        self._styles[field] = _styled_target(widget).styleSheet()
        return container

    def widget(self, field: str) -> QWidget | None:
        return self._widgets.get(field)

    def message(self, field: str) -> str | None:
        label = self._labels.get(field)
        return label.text().replace("\u200b", "") if label is not None and not label.isHidden() else None

    def marked(self) -> list[str]:
        return [field for field, label in self._labels.items() if not label.isHidden()]

    def clear(self) -> None:
        for field, label in self._labels.items():
            label.clear()
            label.hide()
            _styled_target(self._widgets[field]).setStyleSheet(self._styles[field])
        self.general.clear()
        self.general.hide()

    def show(self, problems: Iterable[FieldProblem]) -> None:
        self.clear()
        general: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            field = problem.field if problem.field in self._labels else base_field(problem.field)
            label = self._labels.get(field)
            if label is None:
                general.append(problem_text(problem))
                continue
            text = label.text()
            message = problem_text(problem)
            label.setText(f"{text}\n{message}" if text else wrappable(message))
            label.show()
            target = _styled_target(self._widgets[field])
            target.setStyleSheet(f"{self._styles[field]} {_INVALID_STYLE}")
            first = first or self._widgets[field]
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        if first is not None:
            first.setFocus()

    def show_error(self, error: ValidationError) -> None:
        self.show(error.problems)

    def add(self, problems: list[FieldProblem], field: str, message_th: str | None) -> None:
        """Collect a client-side problem (e.g. an unreadable BE date) before calling a service."""
        if message_th:
            problems.append(FieldProblem(field, message_th, message_th))
