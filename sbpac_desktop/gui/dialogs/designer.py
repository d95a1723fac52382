"""Glue between compiled Designer forms (gui/forms/ui_*.py) and the editing dialogs.

A form is set up on a plain widget placed in the dialog's body. Widgets Designer cannot
construct (an EnumCombo needs its members) sit in the .ui as a plain placeholder of the
same base class and are swapped in here; every bound field is wrapped in place with its
error line (FieldErrors.bind), keeping the form's layout.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy, QWidget

from sbpac_desktop.gui.widgets.field_errors import FieldErrors

NARROW_FIELD_ROOM = 260


class UiForm(Protocol):
    def setupUi(self, form: QWidget) -> None: ...  # noqa: N802 — uic's name


UiT = TypeVar("UiT", bound=UiForm)
WidgetT = TypeVar("WidgetT", bound=QWidget)


def mount(ui: UiT, parent: QWidget) -> tuple[UiT, QWidget]:
    """Set `ui` up on a new child widget of `parent`; return both."""
    form = QWidget(parent)
    ui.setupUi(form)
    return ui, form


def layout_holding(root: QLayout, widget: QWidget) -> QLayout | None:
    """The (possibly nested) layout that directly holds `widget`."""
    if root.indexOf(widget) >= 0:
        return root
    for index in range(root.count()):
        item = root.itemAt(index)
        child = item.layout() if item is not None else None
        if child is not None:
            found = layout_holding(child, widget)
            if found is not None:
                return found
    return None


def replace_widget(old: QWidget, new: WidgetT) -> WidgetT:
    """Put `new` where `old` was (same layout slot, object name and tab position); delete `old`."""
    parent = old.parentWidget()
    root = parent.layout() if parent is not None else None
    holder = layout_holding(root, old) if root is not None else None
    if holder is None:
        raise LookupError(f"{old.objectName()} is not in a layout")
    new.setParent(parent)
    new.setObjectName(old.objectName())
    new.setToolTip(new.toolTip() or old.toolTip())
    holder.replaceWidget(old, new)
    QWidget.setTabOrder(old, new)  # takes old's place in the focus chain before it goes
    old.hide()
    old.deleteLater()
    return new


def bind_in_place(errors: FieldErrors, field: str, widget: QWidget) -> None:
    """Wrap `widget` with its error line without moving it in the form."""
    parent = widget.parentWidget()
    root = parent.layout() if parent is not None else None
    holder = layout_holding(root, widget) if root is not None else None
    if holder is None:
        raise LookupError(f"{widget.objectName()} is not in a layout")
    stand_in = QWidget(parent)
    holder.replaceWidget(widget, stand_in)
    container = errors.bind(field, widget)
    container.setParent(parent)
    if widget.maximumWidth() < NARROW_FIELD_ROOM:
        # A narrow box (a time) keeps its neighbours close and widens only to show its message
        # on one line: a wrapped label in a row of a form layout would be cut off.
        container.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        for label in container.findChildren(QLabel):
            label.setWordWrap(False)
    holder.replaceWidget(stand_in, container)
    stand_in.deleteLater()


def bind_all(errors: FieldErrors, fields: dict[str, Any]) -> None:
    for field, widget in fields.items():
        bind_in_place(errors, field, widget)
