"""Pick-lists over service DTOs: people, posts and units, enums with Thai labels.

The lists are given to the widgets (the dialog reads them through services once);
the widgets themselves never read the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sbpac_desktop.domain.enums import LabelledEnum
from sbpac_desktop.gui.domain_labels import domain_label
from sbpac_desktop.gui.widgets.flush import flush
from sbpac_desktop.services.people.org import OrgUnitView, PersonView, PositionView
from sbpac_desktop.thai import thai_sort_key

DATA = Qt.ItemDataRole.UserRole

Assignee = tuple[str, int]  # ("position", id) or ("unit", id)

EnumT = TypeVar("EnumT", bound=LabelledEnum)


def _contains_completer(combo: QComboBox) -> None:
    completer = QCompleter(combo.model(), combo)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)


class EnumCombo(QComboBox, Generic[EnumT]):
    """Thai labels of a LabelledEnum; `value()` gives the member back (not its str value:
    Qt would turn a StrEnum stored as item data into a plain str)."""

    def __init__(self, members: Iterable[EnumT], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.members = list(members)
        for member in self.members:
            self.addItem(domain_label(member.label))

    def value(self) -> EnumT:
        """The member shown: the box is never empty (its members are added when it is made)."""
        index = self.currentIndex()
        if not 0 <= index < len(self.members):
            raise LookupError(f"{self.objectName() or 'EnumCombo'} shows no member")
        return self.members[index]

    def set_value(self, member: EnumT) -> None:
        if member in self.members:
            self.setCurrentIndex(self.members.index(member))


class IdCombo(QComboBox):
    """Labels with ids; the first entry may be "not given" (None)."""

    def __init__(self, parent: QWidget | None = None, *, none_label: str | None = None, editable: bool = False) -> None:
        super().__init__(parent)
        self.none_label = none_label
        self.setEditable(editable)
        if editable:
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            _contains_completer(self)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def set_items(self, items: Sequence[tuple[str, Any]]) -> None:
        self.blockSignals(True)
        self.clear()
        if self.none_label is not None:
            self.addItem(self.none_label, None)
        for label, key in items:
            self.addItem(label, key)
        self.blockSignals(False)
        self.setCurrentIndex(0 if self.count() else -1)

    def value(self) -> Any:
        """The id of the entry whose label is in the box (typed or picked); None otherwise."""
        if self.isEditable():
            index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchExactly)
            return self.itemData(index, DATA) if index >= 0 else None
        return self.currentData(DATA)

    def index_of(self, key: Any) -> int:
        """Compared in Python: Qt's findData matches tuples by identity, not by value."""
        return next((i for i in range(self.count()) if self.itemData(i, DATA) == key), -1)

    def set_value(self, key: Any) -> None:
        index = self.index_of(key) if key is not None else (0 if self.none_label is not None else -1)
        self.setCurrentIndex(max(index, 0) if self.count() else -1)
        if self.isEditable() and index >= 0:
            self.setEditText(self.itemText(index))


class PersonCombo(IdCombo):
    """People in Thai dictionary order, searchable by any part of the name."""

    def __init__(self, parent: QWidget | None = None, *, none_label: str | None = None) -> None:
        super().__init__(parent, none_label=none_label, editable=True)
        editor = self.lineEdit()
        if editor is not None:  # editable above, so it has one
            editor.setPlaceholderText(self.tr("พิมพ์ชื่อเพื่อค้นหา"))

    def set_people(self, people: Sequence[PersonView]) -> None:
        ordered = sorted(people, key=lambda p: (thai_sort_key(p.first_name), thai_sort_key(p.last_name)))
        self.set_items([(p.full_name, p.id) for p in ordered])

    def free_text(self) -> str | None:
        """Typed text that is not a known person (a presenter from outside, say)."""
        text = self.currentText().strip()
        if not text or self.value() is not None or text == self.none_label:
            return None
        return text


def post_label(post: PositionView) -> str:
    """PositionView.label without repeating a unit the title already names."""
    if post.org_unit_name and post.org_unit_name in post.title:
        return post.title
    return post.label


def assignee_items(positions: Sequence[PositionView], units: Sequence[OrgUnitView]) -> list[tuple[str, Assignee]]:
    """Posts first (with their agency), then units; each kind in Thai order."""
    labelled = sorted(((post_label(p), p.id) for p in positions), key=lambda pair: thai_sort_key(pair[0]))
    post_items: list[tuple[str, Assignee]] = [(label, ("position", ident)) for label, ident in labelled]
    unit_items: list[tuple[str, Assignee]] = [(u.name, ("unit", u.id)) for u in units]
    return post_items + unit_items


class CheckList(QWidget):
    """A filterable list of check boxes (supporting assignees, people to add...)."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(placeholder or self.tr("กรองรายการ…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        layout = flush(QVBoxLayout(self), spacing=4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        self.filter.textChanged.connect(self._apply_filter)

    def set_items(self, items: Sequence[tuple[str, Any]], checked: Iterable[Any] = ()) -> None:
        ticked = set(checked)
        self.list.clear()
        for label, key in items:
            item = QListWidgetItem(label, self.list)
            item.setData(DATA, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
        self._apply_filter(self.filter.text())

    def set_checked(self, key: Any, checked: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(DATA) == key:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_enabled_key(self, key: Any, enabled: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(DATA) == key:
                flags = item.flags()
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)

    def checked(self) -> list[Any]:
        keys = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                keys.append(item.data(DATA))
        return keys

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
